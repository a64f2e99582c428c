package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Jurisdiction;
import java.time.Instant;

/** 已告知: the request belongs to another body; the citizen was told where to take it. */
public record CaseRedirected(
        String caseId,
        Jurisdiction jurisdiction,
        String explanation,
        Actor actor,
        Instant at) {
}
