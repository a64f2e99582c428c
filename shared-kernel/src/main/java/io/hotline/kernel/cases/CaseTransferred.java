package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 已转办: the lead role passed to another unit with a reason; accountability moves when it signs for the case. */
public record CaseTransferred(
        String caseId,
        String fromUnit,
        String toUnit,
        String reason,
        Deadline signForDeadline,
        Actor actor,
        Instant at) {
}
