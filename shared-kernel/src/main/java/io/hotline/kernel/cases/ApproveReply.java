package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 办结审核通过: the unit that sent a case down approves the reply its lower unit drafted; the reply then reaches the citizen. */
public record ApproveReply(
        @TargetAggregateIdentifier String caseId,
        String comment,
        Actor actor) {
}
