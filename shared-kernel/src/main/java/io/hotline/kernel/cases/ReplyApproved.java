package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 办结审核通过: the reviewer approved the lower unit's draft; the CaseReplied that follows carries it to the citizen. onTime says whether it reviewed within its limit. */
public record ReplyApproved(
        String caseId,
        String reviewer,
        String unit,
        String comment,
        boolean onTime,
        Actor actor,
        Instant at) {
}
