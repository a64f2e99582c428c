package io.hotline.kernel.citizen;

import io.hotline.kernel.common.Actor;

import java.time.Instant;

/** 订阅: the citizen who had opted out asked for messages to the phone behind {@code contactKey} again. */
public record CitizenOptedIn(
        String caseId,
        String contactKey,
        Actor actor,
        Instant at) {
}
