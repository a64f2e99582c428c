package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Urgency;

import java.time.Instant;

/** 已受理: a request was logged as a case with a human-readable number. Every request is accepted. */
public record CaseRegistered(
        String caseId,
        String caseNumber,
        String requestId,
        Channel channel,
        Category category,
        Urgency urgency,
        String title,
        String content,
        Citizen citizen,
        String area,
        Actor actor,
        Instant registeredAt) {
}
