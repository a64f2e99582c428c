package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 并单, first step: check that a case can take a repeated request and learn its number. Changes nothing. */
public record ConfirmMergeTarget(
        @TargetAggregateIdentifier String caseId,
        Actor actor) {
}
