package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 已并单: this case was a repeated request and lives on in the other case. */
public record CaseMerged(
        String caseId,
        String intoCaseId,
        String intoCaseNumber,
        Actor actor,
        Instant at) {
}
