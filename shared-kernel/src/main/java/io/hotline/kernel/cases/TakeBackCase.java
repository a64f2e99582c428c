package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 收回: the unit that sent a case down takes it back to handle itself (after an objection from below, or when the lower unit is too slow); its own completion clock runs on as before. */
public record TakeBackCase(
        @TargetAggregateIdentifier String caseId,
        String reason,
        Actor actor) {
}
