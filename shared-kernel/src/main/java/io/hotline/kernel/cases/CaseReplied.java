package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 已答复: the unit gave the citizen the result. onTime compares with the completion deadline in force. */
public record CaseReplied(
        String caseId,
        String unit,
        ReplyResult result,
        String text,
        boolean onTime,
        Actor actor,
        Instant at) {
}
