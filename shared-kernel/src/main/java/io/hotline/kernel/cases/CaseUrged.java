package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 催办: the lead unit was urged. */
public record CaseUrged(
        String caseId,
        String unit,
        String note,
        Actor actor,
        Instant at) {
}
