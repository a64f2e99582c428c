package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 办结审核退回: the reviewer sent the draft back to the lower unit (unit) with a reason; onTime says whether it reviewed within its limit. */
public record ReplyReturned(
        String caseId,
        String reviewer,
        String unit,
        String reason,
        boolean onTime,
        Actor actor,
        Instant at) {
}
