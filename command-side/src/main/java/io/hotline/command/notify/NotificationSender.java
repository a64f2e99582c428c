package io.hotline.command.notify;

import io.hotline.command.notify.MessageGateway.Delivery;
import io.hotline.command.notify.MessageGateway.OutgoingMessage;
import io.hotline.command.notify.Outbox.Claim;
import io.hotline.command.notify.Outbox.Decision;
import io.hotline.command.privacy.SealedPersonalData;
import io.hotline.kernel.citizen.NotificationChannel;
import io.hotline.kernel.citizen.NotificationOutcome;
import io.hotline.kernel.common.Citizen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends what the outbox holds. Every few seconds each node looks for due messages and claims each for a lease
 * before touching it, so among several nodes one sends it. For each: held until the morning in quiet hours
 * (emergencies excepted); suppressed, with the reason, when the citizen was erased, opted out, or no gateway
 * serves the channel; otherwise handed to the gateway, retried with a growing pause, and failed after the last
 * attempt. A node that dies mid-send leaves its lease to expire: the next node sends the message again (once)
 * and records it as possibly repeated. Each final outcome is recorded on the case ({@link OutcomeRecorder}).
 * <p>
 * The phone or address is opened from the log only here, for the moment of the send, and goes nowhere else:
 * not into a log line, a metric or the outbox.
 */
class NotificationSender {

    static final String NO_GATEWAY = "no gateway configured";
    static final String ERASED = "personal data erased";
    static final String OPTED_OUT = "opted out";
    static final String NO_ADDRESS = "no address for this channel";
    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
    private static final int BATCH = 50;

    private final Outbox outbox;
    private final CitizenContacts contacts;
    private final List<MessageGateway> gateways;
    private final SealedPersonalData sealed;
    private final OptOuts optOuts;
    private final ContactBook contactBook;
    private final MessageTexts texts;
    private final OutcomeRecorder recorder;
    private final NotificationSettings settings;
    private final QuietHours quietHours;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    NotificationSender(Outbox outbox, CitizenContacts contacts, List<MessageGateway> gateways,
                       SealedPersonalData sealed, OptOuts optOuts, ContactBook contactBook, MessageTexts texts,
                       OutcomeRecorder recorder, NotificationSettings settings, QuietHours quietHours, Clock clock) {
        this.outbox = outbox;
        this.contacts = contacts;
        this.gateways = List.copyOf(gateways);
        this.sealed = sealed;
        this.optOuts = optOuts;
        this.contactBook = contactBook;
        this.texts = texts;
        this.recorder = recorder;
        this.settings = settings;
        this.quietHours = quietHours;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${app.notifications.poll:2s}", initialDelayString = "${app.notifications.poll:2s}")
    void pass() {
        if (!settings.sending()) {
            return;
        }
        try {
            while (sendDue() == BATCH) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            log.warn("Notification pass failed ({}); the next pass goes on", e.getClass().getSimpleName());
        }
    }

    /** One batch of due messages; answers how many were looked at. */
    int sendDue() {
        List<String> due = outbox.dueIds(clock.instant(), BATCH);
        for (String id : due) {
            outbox.claim(id, node, clock.instant(), settings.lease()).ifPresent(this::handle);
        }
        return due.size();
    }

    private void handle(Claim claim) {
        Notification notification = claim.notification();
        Decision decision = claim.decided();
        if (decision == null) {
            Optional<Instant> held = notification.urgent() ? Optional.empty() : quietHours.heldUntil(clock.instant());
            if (held.isPresent()) {
                outbox.release(notification.id(), node, held.get(), claim.attempts(), "quiet hours");
                return;
            }
            decision = attempt(claim);
            if (decision == null) {
                return; // released for a retry
            }
            outbox.decide(notification.id(), decision, clock.instant());
            recorder.counted(notification, decision.outcome());
        }
        if (recorder.record(notification, decision)) {
            outbox.finish(notification.id());
        } else {
            outbox.release(notification.id(), node, clock.instant().plus(settings.firstRetry()), claim.attempts(),
                    "outcome not recorded yet");
        }
    }

    private Decision attempt(Claim claim) {
        Notification notification = claim.notification();
        boolean repeated = claim.wasInFlight();
        Optional<Citizen> citizen = contacts.citizenOf(notification.caseId());
        if (citizen.isEmpty() || citizen.get().wasErased()) {
            return suppressed(citizen.isEmpty() ? "case not found" : ERASED, repeated);
        }
        String address = notification.channel() == NotificationChannel.SMS ? citizen.get().phone()
                : citizen.get().email();
        if (address == null || address.isBlank()) {
            return suppressed(NO_ADDRESS, repeated);
        }
        Optional<MessageGateway> gateway = gateways.stream().filter(g -> g.channel() == notification.channel())
                .findFirst();
        if (gateway.isEmpty()) {
            return suppressed(NO_GATEWAY, repeated);
        }
        String contactKey = notification.channel() == NotificationChannel.SMS
                ? sealed.keyOfPhone(address).orElse(null) : null;
        if (contactKey != null && optOuts.optedOutOn(contactKey).isPresent()) {
            return suppressed(OPTED_OUT, repeated);
        }
        outbox.markSending(notification.id(), node, repeated);
        Delivery delivery;
        try {
            delivery = gateway.get().send(new OutgoingMessage(notification.id(), address,
                    texts.subject(notification), texts.text(notification)));
        } catch (RuntimeException e) {
            // the exception's message may quote the address: only its kind is kept
            delivery = Delivery.refused(gateway.get().name() + " unreachable (" + e.getClass().getSimpleName() + ")",
                    false);
        }
        int attempts = claim.attempts() + 1;
        if (delivery.accepted()) {
            if (delivery.gatewayMessageId() != null) {
                outbox.rememberReceipt(gateway.get().name() + ":" + delivery.gatewayMessageId(), notification.id());
            }
            if (contactKey != null) {
                contactBook.messaged(contactKey, notification.caseId(), notification.caseNumber(),
                        notification.template() == NotificationTemplate.REPLIED);
            }
            return new Decision(NotificationOutcome.SENT, "via " + gateway.get().name(), repeated,
                    delivery.gatewayMessageId());
        }
        if (delivery.permanent() || attempts >= settings.maxAttempts()) {
            return new Decision(NotificationOutcome.FAILED, delivery.reason(), repeated, null);
        }
        outbox.release(notification.id(), node, clock.instant().plus(settings.backoff(attempts)), attempts,
                delivery.reason());
        return null;
    }

    private static Decision suppressed(String reason, boolean repeated) {
        return new Decision(NotificationOutcome.SUPPRESSED, reason, repeated, null);
    }
}
