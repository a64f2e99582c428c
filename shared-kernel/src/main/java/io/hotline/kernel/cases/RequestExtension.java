package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 延期申请: ask, before the deadline, for more working days to finish. */
public record RequestExtension(
        @TargetAggregateIdentifier String caseId,
        int extraWorkingDays,
        String reason,
        Actor actor) {
}
