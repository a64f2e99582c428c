package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 异议不予支持: the unit that sent a case down keeps it with the lower unit that objected, which must sign for it and handle it. */
public record OverruleObjection(
        @TargetAggregateIdentifier String caseId,
        String reason,
        Actor actor) {
}
