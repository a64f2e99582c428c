package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 挂牌督办: the case is under supervision. */
public record SupervisionStarted(
        String caseId,
        String note,
        Actor actor,
        Instant at) {
}
