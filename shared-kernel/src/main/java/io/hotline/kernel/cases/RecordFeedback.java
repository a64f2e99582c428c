package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 回访评价: what the citizen said on the call-back. */
public record RecordFeedback(
        @TargetAggregateIdentifier String caseId,
        FeedbackChannel channel,
        Satisfaction satisfaction,
        boolean solved,
        String comment,
        Actor actor) {
}
