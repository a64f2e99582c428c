package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 办理进展: a note on how handling goes. */
public record RecordProgress(
        @TargetAggregateIdentifier String caseId,
        String note,
        Actor actor) {
}
