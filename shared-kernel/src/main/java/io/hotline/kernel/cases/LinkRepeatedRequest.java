package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 并单, the other half: record on the surviving case that a repeated request was merged into it. */
public record LinkRepeatedRequest(
        @TargetAggregateIdentifier String caseId,
        String repeatedCaseId,
        String repeatedCaseNumber,
        Actor actor) {
}
