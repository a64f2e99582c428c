package io.hotline.command.notify;

import io.hotline.kernel.citizen.NotificationChannel;
import io.hotline.kernel.citizen.NotificationOutcome;

/**
 * Counts the notifications' outcomes by channel and template for the dashboard and Prometheus; the platform
 * implements it with its meter registry. Nothing personal is ever a tag.
 */
public interface NotificationFigures {

    void count(NotificationChannel channel, String template, NotificationOutcome outcome);
}
