package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 延期申请 filed before the deadline. */
public record ExtensionRequested(
        String caseId,
        String unit,
        int extraWorkingDays,
        String reason,
        Actor actor,
        Instant at) {
}
