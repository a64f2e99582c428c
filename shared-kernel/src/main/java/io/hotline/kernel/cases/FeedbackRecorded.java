package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 回访评价 recorded. countsAsSatisfied is the configured scale's verdict at the time, so figures never change on replay. */
public record FeedbackRecorded(
        String caseId,
        FeedbackChannel channel,
        Satisfaction satisfaction,
        boolean countsAsSatisfied,
        boolean solved,
        String comment,
        Actor actor,
        Instant at) {
}
