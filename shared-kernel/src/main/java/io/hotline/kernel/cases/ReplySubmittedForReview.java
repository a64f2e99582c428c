package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 答复待审核 (办结审核): a lower unit drafted its reply; it goes up to the unit that sent it the case (reviewer), which approves it or returns it within reviewDeadline. onTime compares with the drafting unit's own completion deadline. */
public record ReplySubmittedForReview(
        String caseId,
        String unit,
        String reviewer,
        ReplyResult result,
        String text,
        boolean onTime,
        Deadline reviewDeadline,
        Actor actor,
        Instant at) {
}
