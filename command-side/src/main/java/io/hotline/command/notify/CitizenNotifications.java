package io.hotline.command.notify;

import io.hotline.kernel.cases.CaseClosed;
import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.cases.CaseReopened;
import io.hotline.kernel.cases.CaseReplied;
import io.hotline.kernel.cases.MaterialsRequested;
import io.hotline.kernel.citizen.CitizenOptedIn;
import io.hotline.kernel.citizen.CitizenOptedOut;
import io.hotline.kernel.citizen.NotificationChannel;
import io.hotline.kernel.common.Urgency;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * 件件有回音: turns the events that matter to the citizen into notifications in the {@link Outbox}, one per event
 * and channel (SMS when the citizen gave a phone, email when they gave an address). It runs on a tracking
 * processor, so a node that dies between an event and its notification leaves the event unhandled and another
 * takes it up; the notification's id is the event's, so a replay or a redelivery stores nothing twice.
 * <p>
 * What a case's later messages need (its number, whether it is an emergency, which channels its citizen has) is
 * kept from the registration in {@link NotifiedCases}: flags, never the phone or the address.
 */
@Component
@ProcessingGroup(CitizenNotifications.PROCESSING_GROUP)
class CitizenNotifications {

    static final String PROCESSING_GROUP = "citizen-notifications";
    /** How much of a reply an SMS carries: the gist, not the content. */
    static final int GIST_LENGTH = 30;

    private final Outbox outbox;
    private final NotifiedCases cases;
    private final OptOuts optOuts;
    private final Clock clock;

    CitizenNotifications(Outbox outbox, NotifiedCases cases, OptOuts optOuts, Clock clock) {
        this.outbox = outbox;
        this.cases = cases;
        this.optOuts = optOuts;
        this.clock = clock;
    }

    @EventHandler
    void on(CaseRegistered event, @MessageIdentifier String eventId) {
        NotifiedCases.NotifiedCase notified = cases.remember(event);
        notify(eventId, notified, NotificationTemplate.REGISTERED, Map.of());
    }

    @EventHandler
    void on(CaseReplied event, @MessageIdentifier String eventId) {
        cases.find(event.caseId()).ifPresent(notified -> notify(eventId, notified, NotificationTemplate.REPLIED,
                Map.of("result", resultInWords(event), "gist", gist(event.text()))));
    }

    @EventHandler
    void on(CaseReopened event, @MessageIdentifier String eventId) {
        cases.find(event.caseId()).ifPresent(notified -> notify(eventId, notified, NotificationTemplate.REOPENED,
                Map.of()));
    }

    @EventHandler
    void on(CaseClosed event, @MessageIdentifier String eventId) {
        cases.find(event.caseId()).ifPresent(notified -> notify(eventId, notified, NotificationTemplate.CLOSED,
                Map.of()));
    }

    /** 一次性告知: every item asked for, in one message. */
    @EventHandler
    void on(MaterialsRequested event, @MessageIdentifier String eventId) {
        cases.find(event.caseId()).ifPresent(notified -> notify(eventId, notified,
                NotificationTemplate.MATERIALS_REQUESTED, Map.of("items", String.join("；", event.items()))));
    }

    @EventHandler
    void on(CitizenOptedOut event) {
        optOuts.optedOut(event.contactKey(), event.caseId());
    }

    @EventHandler
    void on(CitizenOptedIn event) {
        optOuts.optedIn(event.contactKey());
    }

    private void notify(String eventId, NotifiedCases.NotifiedCase notified, NotificationTemplate template,
                        Map<String, String> parameters) {
        Instant now = clock.instant();
        for (NotificationChannel channel : notified.channels()) {
            outbox.add(new Notification(Notification.idOf(eventId, channel), notified.caseId(), notified.caseNumber(),
                    channel, template, notified.urgency() == Urgency.EMERGENCY, parameters, now), now);
        }
    }

    private static String resultInWords(CaseReplied event) {
        return event.result() == null ? "" : switch (event.result()) {
            case SOLVED -> "已解决";
            case EXPLAINED -> "已解释说明";
            case UNSOLVABLE -> "无法解决";
        };
    }

    /**
     * The reply's first words with every run of digits masked (a phone, a house number, an ID), so the message
     * says what was done without carrying personal data to whoever holds the phone.
     */
    static String gist(String text) {
        if (text == null) {
            return "";
        }
        String masked = text.strip().replaceAll("\\s+", " ").replaceAll("[0-9０-９]{3,}", "***");
        return masked.length() <= GIST_LENGTH ? masked : masked.substring(0, GIST_LENGTH) + "…";
    }
}
