package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 重办: after dissatisfied feedback the case goes back to its lead unit. */
public record ReopenCase(
        @TargetAggregateIdentifier String caseId,
        String reason,
        Actor actor) {
}
