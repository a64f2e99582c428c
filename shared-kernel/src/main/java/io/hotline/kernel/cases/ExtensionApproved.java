package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 延期批准: the completion deadline moved. */
public record ExtensionApproved(
        String caseId,
        int extraWorkingDays,
        Deadline completionDeadline,
        Actor actor,
        Instant at) {
}
