package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 督办/挂牌: a supervisor puts an open case under supervision. */
public record SuperviseCase(
        @TargetAggregateIdentifier String caseId,
        String note,
        Actor actor) {
}
