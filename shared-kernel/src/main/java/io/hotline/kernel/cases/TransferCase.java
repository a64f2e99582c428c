package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 转办: the lead unit passes the case to another unit with a reason; accountability moves when that unit signs for it. */
public record TransferCase(
        @TargetAggregateIdentifier String caseId,
        String toUnit,
        String reason,
        Actor actor) {
}
