package io.hotline.infra.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.command.notify.DeliveryReceipts;
import io.hotline.command.notify.InboundMessages;
import io.hotline.command.notify.MessageGateway;
import io.hotline.command.notify.NotificationFigures;
import io.hotline.infra.sides.NodeSides;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;

/**
 * The gateways the notification sender may use, each only where configured (docs/operations/notifications.md):
 * SMS over SMPP when {@code app.notifications.smpp.host} is set, otherwise SMS through the message platform's
 * webhook when {@code app.notifications.webhook.url} is; email when {@code spring.mail.host} is. None (the
 * embedded default): every message is kept and recorded as suppressed, "no gateway configured". Where the command
 * side runs only, as the sender does.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NodeSides.CommandSideRuns.class)
@EnableConfigurationProperties(SmppSettings.class)
class MessagingConfiguration {

    @Bean
    NotificationFigures notificationFigures(MeterRegistry registry) {
        return new MeteredNotifications(registry);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("!'${app.notifications.smpp.host:}'.isBlank()")
    SmppGateway smppGateway(SmppSettings settings, DeliveryReceipts receipts, InboundMessages inbound) {
        return new SmppGateway(settings, receipts, inbound);
    }

    @Bean
    @ConditionalOnExpression("'${app.notifications.smpp.host:}'.isBlank() && !'${app.notifications.webhook.url:}'.isBlank()")
    MessageGateway webhookGateway(@Value("${app.notifications.webhook.url}") String url,
                                  @Value("${app.notifications.webhook.secret:}") String secret, ObjectMapper json,
                                  Clock clock) {
        return new WebhookGateway(url, secret, json, clock);
    }

    @Bean
    @ConditionalOnExpression("!'${spring.mail.host:}'.isBlank()")
    MessageGateway mailGateway(JavaMailSender mail,
                               @Value("${app.notifications.email.from:12345@hotline.invalid}") String from) {
        return new MailGateway(mail, from);
    }
}
