package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 直接办结: the operator answered the request on the spot (consultations). */
public record ResolveAtIntake(
        @TargetAggregateIdentifier String caseId,
        String answer,
        Actor actor) {
}
