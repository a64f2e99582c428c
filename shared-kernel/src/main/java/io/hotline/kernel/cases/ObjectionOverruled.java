package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 异议不予支持: the sending unit (decidedBy) kept the case with the lower unit that objected (unit). signForDeadline is the fresh one when that unit had not yet signed, null when it had (its completion clock runs on). */
public record ObjectionOverruled(
        String caseId,
        String unit,
        String decidedBy,
        String reason,
        Deadline signForDeadline,
        Actor actor,
        Instant at) {
}
