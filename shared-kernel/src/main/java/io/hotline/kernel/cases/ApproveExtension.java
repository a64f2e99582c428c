package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 延期批准: the supervision centre approves the pending extension; the completion deadline moves. */
public record ApproveExtension(
        @TargetAggregateIdentifier String caseId,
        Actor actor) {
}
