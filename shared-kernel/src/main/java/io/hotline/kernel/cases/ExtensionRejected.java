package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 延期驳回: the deadline stands. */
public record ExtensionRejected(
        String caseId,
        String reason,
        Actor actor,
        Instant at) {
}
