package io.hotline.query.caseview;

import io.hotline.kernel.citizen.NotificationChannel;
import io.hotline.kernel.citizen.NotificationOutcome;

import java.time.Instant;

/**
 * A message to the citizen as the case page shows it: which channel, which template, its latest outcome (a
 * delivery replaces the sending), why, and when. No address, no text.
 */
public record CitizenNotice(String notificationId, NotificationChannel channel, String template,
                            NotificationOutcome outcome, String reason, boolean possiblyRepeated, Instant at) {
}
