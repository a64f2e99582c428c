package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 已直接办结: answered on the spot by the operator. */
public record CaseResolvedAtIntake(
        String caseId,
        String answer,
        Actor actor,
        Instant at) {
}
