package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 签收: the lead unit takes the case; its completion clock starts now. */
public record SignForCase(
        @TargetAggregateIdentifier String caseId,
        Actor actor) {
}
