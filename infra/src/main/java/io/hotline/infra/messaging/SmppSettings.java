package io.hotline.infra.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The SMS centre (SMSC) the hotline binds to over SMPP 3.4, under {@code app.notifications.smpp}: empty
 * {@code host} means no SMS centre (SMS notifications are then sent through the webhook if one is configured, or
 * kept and recorded as suppressed).
 *
 * @param sourceAddress the hotline's number messages come from (and citizens answer to)
 * @param reconnectEvery how often a lost bind is tried again
 * @param timeout        how long to wait for the SMSC's answer to one PDU
 */
@ConfigurationProperties("app.notifications.smpp")
record SmppSettings(
        @DefaultValue("") String host,
        @DefaultValue("2775") int port,
        @DefaultValue("") String systemId,
        @DefaultValue("") String password,
        @DefaultValue("") String systemType,
        @DefaultValue("12345") String sourceAddress,
        @DefaultValue("5s") Duration reconnectEvery,
        @DefaultValue("10s") Duration timeout) {
}
