package io.hotline.command.notify;

import io.hotline.kernel.citizen.NotificationOutcome;

import java.time.Clock;
import java.util.Optional;

/**
 * A gateway's delivery receipt (the SMS centre's: the message reached the handset) becomes the notification's
 * DELIVERED outcome, in the ledger and on the case. A receipt for a message the outbox does not know (another
 * system's, or older than the ledger) is ignored; a receipt repeated is recorded once.
 */
public class DeliveryReceipts {

    private final Outbox outbox;
    private final OutcomeRecorder recorder;
    private final Clock clock;

    DeliveryReceipts(Outbox outbox, OutcomeRecorder recorder, Clock clock) {
        this.outbox = outbox;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** True when the receipt matched a notification. */
    public boolean delivered(String gatewayName, String gatewayMessageId) {
        Optional<Notification> notification = outbox.notificationOfReceipt(gatewayName + ":" + gatewayMessageId)
                .flatMap(outbox::ledgerEntry).map(Notification::of);
        if (notification.isEmpty()) {
            return false;
        }
        boolean first = outbox.markDelivered(notification.get().id(), clock.instant());
        if (first) {
            recorder.counted(notification.get(), NotificationOutcome.DELIVERED);
        }
        recorder.record(notification.get(), new Outbox.Decision(NotificationOutcome.DELIVERED, "delivery receipt",
                false, gatewayMessageId));
        return true;
    }
}
