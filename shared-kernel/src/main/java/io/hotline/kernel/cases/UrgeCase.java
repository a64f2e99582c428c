package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 催办: a supervisor urges the lead unit. */
public record UrgeCase(
        @TargetAggregateIdentifier String caseId,
        String note,
        Actor actor) {
}
