package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 延期驳回: the supervision centre refuses the pending extension; the deadline stands. */
public record RejectExtension(
        @TargetAggregateIdentifier String caseId,
        String reason,
        Actor actor) {
}
