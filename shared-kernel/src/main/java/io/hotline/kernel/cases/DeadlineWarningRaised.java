package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 预警 (yellow): the share of time configured for a warning is used and the step is not done. */
public record DeadlineWarningRaised(
        String caseId,
        DeadlineKind kind,
        String unit,
        Instant due,
        Actor actor,
        Instant at) {
}
