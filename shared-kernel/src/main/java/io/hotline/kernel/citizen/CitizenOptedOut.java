package io.hotline.kernel.citizen;

import io.hotline.kernel.common.Actor;

import java.time.Instant;

/** 退订: the citizen asked by SMS for no more messages to the phone behind {@code contactKey} (a keyed hash). */
public record CitizenOptedOut(
        String caseId,
        String contactKey,
        Actor actor,
        Instant at) {
}
