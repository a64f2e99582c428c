package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 办结审核退回: the unit that sent a case down sends the drafted reply back to its lower unit with a reason; the lower unit goes on handling. */
public record ReturnReply(
        @TargetAggregateIdentifier String caseId,
        String reason,
        Actor actor) {
}
