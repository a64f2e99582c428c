package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 超期 (red): the deadline passed with the step not done. */
public record DeadlineMissed(
        String caseId,
        DeadlineKind kind,
        String unit,
        Instant due,
        Actor actor,
        Instant at) {
}
