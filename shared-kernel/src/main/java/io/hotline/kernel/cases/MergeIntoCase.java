package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 并单: this case repeats another; it is merged into that one and both numbers stay findable. */
public record MergeIntoCase(
        @TargetAggregateIdentifier String caseId,
        String intoCaseId,
        String intoCaseNumber,
        Actor actor) {
}
