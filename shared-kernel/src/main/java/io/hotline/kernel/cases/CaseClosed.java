package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 已归档. */
public record CaseClosed(
        String caseId,
        Actor actor,
        Instant at) {
}
