package io.hotline.command.notify;

import io.hotline.kernel.citizen.NotificationChannel;

/**
 * A way out to the citizen (SMS centre over SMPP, a mail server, the city message platform's webhook), declared here
 * and implemented by the platform ({@code io.hotline.infra.messaging}). A node with no gateway for a channel keeps
 * every message for it and records it as suppressed: nothing is dropped silently.
 */
public interface MessageGateway {

    NotificationChannel channel();

    /** For the records: {@code smpp}, {@code smtp}, {@code webhook}. */
    String name();

    /**
     * Hands the message over. Blocking; answers what the gateway said. An exception counts as a failure to retry
     * (the gateway unreachable); never put the address or the text in it.
     */
    Delivery send(OutgoingMessage message);

    /** A message as it leaves: the address and text exist only here, for the moment of sending. */
    record OutgoingMessage(String notificationId, String address, String subject, String text) {

        @Override
        public String toString() {
            return "OutgoingMessage[" + notificationId + ", address and text withheld]";
        }
    }

    /**
     * The gateway's answer: accepted (with its message id, by which a delivery receipt comes back, if it has one),
     * or refused for a reason; {@code permanent} refusals are not retried.
     */
    record Delivery(boolean accepted, String gatewayMessageId, String reason, boolean permanent) {

        public static Delivery accepted(String gatewayMessageId) {
            return new Delivery(true, gatewayMessageId, null, false);
        }

        public static Delivery refused(String reason, boolean permanent) {
            return new Delivery(false, null, reason, permanent);
        }
    }
}
