package io.hotline.kernel.citizen;

/**
 * What became of a message to the citizen. SENT: the gateway took it; DELIVERED: the SMS centre reported it on
 * the handset; FAILED: given up after the retries, with the reason; SUPPRESSED: deliberately not sent, with the
 * reason (opted out, personal data erased, no gateway configured). Quiet hours hold a message; they never
 * suppress it.
 */
public enum NotificationOutcome {
    SENT,
    DELIVERED,
    FAILED,
    SUPPRESSED
}
