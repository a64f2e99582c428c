package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 办理进展 noted by the unit. */
public record ProgressRecorded(
        String caseId,
        String unit,
        String note,
        Actor actor,
        Instant at) {
}
