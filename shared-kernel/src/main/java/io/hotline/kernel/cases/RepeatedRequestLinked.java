package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** A repeated request was merged into this case. */
public record RepeatedRequestLinked(
        String caseId,
        String repeatedCaseId,
        String repeatedCaseNumber,
        Actor actor,
        Instant at) {
}
