package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 归档: the case is closed after its reply (and feedback, where there is one). */
public record CloseCase(
        @TargetAggregateIdentifier String caseId,
        Actor actor) {
}
