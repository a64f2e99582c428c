package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 已签收: the unit took the case; the completion clock started. signedOnTime compares with the sign-for deadline. */
public record CaseSignedFor(
        String caseId,
        String unit,
        boolean signedOnTime,
        Deadline completionDeadline,
        Actor actor,
        Instant at) {
}
