package io.hotline.command.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

/**
 * The citizen notifications' settings under {@code app.notifications}; the defaults (the Chinese templates among
 * them) are in {@code application.yml}, and a city overrides any of them like every Spring setting (an
 * environment variable, a file in the data folder), without a rebuild.
 *
 * @param sending       whether this node's sender runs (the processor fills the outbox either way)
 * @param templates     message texts by template ({@code registered}, {@code replied}, {@code reopened},
 *                      {@code closed}, {@code materials-requested}, {@code help}); placeholders in braces
 * @param emailSubject  the email subject, with the same placeholders
 * @param publicBaseUrl where citizens reach the public tracking page ({@code {trackUrl}} is it plus {@code /track})
 * @param quietStart    quiet hours start (in the city's zone): messages are held until {@code quietEnd}
 * @param quietEnd      quiet hours end; emergencies are sent at any hour
 * @param poll          how often the sender looks for due messages
 * @param lease         how long a node holds a message it claimed; after that another node may take it
 * @param firstRetry    the wait after the first failure; it doubles with each further one, up to {@code maxRetry}
 * @param maxRetry      the longest wait between attempts
 * @param maxAttempts   attempts before a message is recorded as failed
 * @param webhook       the city message platform's signed webhook ({@code app.notifications.webhook.*})
 */
@ConfigurationProperties("app.notifications")
public record NotificationSettings(
        @DefaultValue("true") boolean sending,
        Map<String, String> templates,
        @DefaultValue("【12345】您的诉求 {caseNumber}") String emailSubject,
        @DefaultValue("") String publicBaseUrl,
        @DefaultValue("21:00") LocalTime quietStart,
        @DefaultValue("08:00") LocalTime quietEnd,
        @DefaultValue("2s") Duration poll,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("10s") Duration firstRetry,
        @DefaultValue("30m") Duration maxRetry,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue Webhook webhook) {

    public NotificationSettings {
        templates = templates == null ? Map.of() : Map.copyOf(templates);
        for (NotificationTemplate template : NotificationTemplate.values()) {
            if (!templates.containsKey(template.key())) {
                throw new IllegalArgumentException("app.notifications.templates." + template.key() + " is missing");
            }
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("app.notifications.max-attempts must be at least 1");
        }
    }

    String template(NotificationTemplate template) {
        return templates.get(template.key());
    }

    /** The wait before attempt {@code attempts + 1}: the first retry, doubled per failure, capped. */
    Duration backoff(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }

    /**
     * @param url       where outgoing messages are posted; empty: no webhook
     * @param secret    the shared HMAC-SHA256 secret signing both directions; empty: inbound calls are refused
     * @param tolerance how far a call's timestamp may be from now before it counts as replayed
     */
    public record Webhook(@DefaultValue("") String url, @DefaultValue("") String secret,
                          @DefaultValue("5m") Duration tolerance) {

        public boolean configured() {
            return !url.isBlank();
        }

        public boolean accepting() {
            return !secret.isBlank();
        }
    }
}
