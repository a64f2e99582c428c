package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;
import java.util.List;

/** 已协调: a coordinator designated the lead unit, which is now accountable. */
public record LeadUnitDesignated(
        String caseId,
        String previousUnit,
        String leadUnit,
        List<String> assistingUnits,
        String reason,
        Deadline signForDeadline,
        Actor actor,
        Instant at) {
}
