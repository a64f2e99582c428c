package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 办结/答复: the lead unit tells the citizen the result. */
public record ReplyToCitizen(
        @TargetAggregateIdentifier String caseId,
        ReplyResult result,
        String text,
        Actor actor) {
}
