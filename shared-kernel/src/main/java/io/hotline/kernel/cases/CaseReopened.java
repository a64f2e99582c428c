package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 重办: back to the lead unit after dissatisfied feedback, with a new completion deadline. */
public record CaseReopened(
        String caseId,
        String leadUnit,
        String reason,
        Deadline completionDeadline,
        Actor actor,
        Instant at) {
}
