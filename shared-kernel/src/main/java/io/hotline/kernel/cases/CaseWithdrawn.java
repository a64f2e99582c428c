package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 已撤回 at the citizen's request. */
public record CaseWithdrawn(
        String caseId,
        String reason,
        Actor actor,
        Instant at) {
}
