package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 异议/退单: the lead unit disputes that the case is its own, with the reason. It stays accountable until a coordinator decides. */
public record ObjectToJurisdiction(
        @TargetAggregateIdentifier String caseId,
        String reason,
        Actor actor) {
}
