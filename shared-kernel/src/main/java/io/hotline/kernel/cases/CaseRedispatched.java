package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;
import java.util.List;

/** 已改派: after an objection the hotline sent the case to another lead unit, which is now accountable. */
public record CaseRedispatched(
        String caseId,
        String fromUnit,
        String leadUnit,
        List<String> assistingUnits,
        String reason,
        Deadline signForDeadline,
        Actor actor,
        Instant at) {
}
