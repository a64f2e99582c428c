package io.hotline.kernel.citizen;

import io.hotline.kernel.common.Actor;

import java.time.Instant;

/**
 * 件件有回音: a message to the citizen about this case, and what became of it: which notification, through which
 * channel, from which template, with which outcome and why. {@code possiblyRepeated}: the node sending it died
 * mid-send, so the citizen may have it twice. Carries no address and no message text.
 */
public record CitizenNotified(
        String caseId,
        String notificationId,
        NotificationChannel channel,
        String template,
        NotificationOutcome outcome,
        String reason,
        boolean possiblyRepeated,
        Actor actor,
        Instant at) {
}
