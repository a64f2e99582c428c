package io.hotline.kernel.citizen;

/** How a message reaches the citizen: by SMS to their phone, or by email. */
public enum NotificationChannel {
    SMS,
    EMAIL
}
