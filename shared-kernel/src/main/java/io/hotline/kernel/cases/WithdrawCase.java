package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 撤回: the citizen withdrew the request. */
public record WithdrawCase(
        @TargetAggregateIdentifier String caseId,
        String reason,
        Actor actor) {
}
