package io.hotline.infra.messaging;

import io.hotline.command.notify.NotificationFigures;
import io.hotline.kernel.citizen.NotificationChannel;
import io.hotline.kernel.citizen.NotificationOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;

/**
 * {@code hotline.notifications} (Prometheus: {@code hotline_notifications_total}): outcomes by channel, template
 * and outcome. Three small, closed sets of tags: never a number, an address or a case.
 */
class MeteredNotifications implements NotificationFigures {

    private final MeterRegistry registry;

    MeteredNotifications(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void count(NotificationChannel channel, String template, NotificationOutcome outcome) {
        Counter.builder("hotline.notifications")
                .description("Messages to citizens by channel, template and outcome")
                .tag("channel", channel.name().toLowerCase(Locale.ROOT))
                .tag("template", template.toLowerCase(Locale.ROOT))
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }
}
