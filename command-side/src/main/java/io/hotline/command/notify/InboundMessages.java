package io.hotline.command.notify;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.hotline.command.cases.CaseRuleViolation;
import io.hotline.command.notify.ContactBook.KnownCase;
import io.hotline.command.privacy.SealedPersonalData;
import io.hotline.kernel.cases.FeedbackChannel;
import io.hotline.kernel.cases.RecordFeedback;
import io.hotline.kernel.cases.Satisfaction;
import io.hotline.kernel.citizen.NotificationChannel;
import io.hotline.kernel.citizen.RecordOptOut;
import io.hotline.kernel.common.Actor;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 短信回访: what a citizen texts back. The sender's number is matched, by the keyed hash their data are sealed under,
 * to the cases the hotline messaged them about ({@link ContactBook}); {@link InboundText} reads the text:
 * {@code 退订}/{@code TD} records an opt-out on the case (no more messages to that phone), {@code 订阅} reverses
 * it, one digit on the scale records the evaluation ({@code RecordFeedback}, channel SMS) on the one case awaiting
 * it (the case number in the text picks one when several are), under the case's own rules. Anything else, or an
 * evaluation the case refuses, gets one help message a day through the outbox. An unknown number, a long or a
 * binary message is ignored. Every message is recorded in {@code citizen_inbound} by its gateway id (handled
 * once), with its outcome: never its number or text.
 */
public class InboundMessages {

    static final String COLLECTION = "citizen_inbound";
    /**
     * The citizen answering by SMS acts for themselves ({@link Actor#CITIZEN}: no roles; the case lets that actor
     * evaluate on the citizen's own channels and nothing else). The phone the answer came from is the proof.
     */
    static final Actor CITIZEN_BY_SMS = Actor.CITIZEN;
    private static final Logger log = LoggerFactory.getLogger(InboundMessages.class);

    /** What became of an inbound message. */
    public enum Outcome {
        FEEDBACK_RECORDED, OPTED_OUT, OPTED_IN, HELP_SENT, IGNORED_UNKNOWN_NUMBER, IGNORED_UNREADABLE,
        ALREADY_HANDLED
    }

    private final SealedPersonalData sealed;
    private final ContactBook contactBook;
    private final OptOuts optOuts;
    private final Outbox outbox;
    private final SatisfactionDigits digits;
    private final CommandGateway commands;
    private final MongoCollection<Document> inbound;
    private final Clock clock;
    private final ZoneId zone;

    InboundMessages(SealedPersonalData sealed, ContactBook contactBook, OptOuts optOuts, Outbox outbox,
                    SatisfactionDigits digits, CommandGateway commands, MongoDatabase database, Clock clock, ZoneId zone) {
        this.sealed = sealed;
        this.contactBook = contactBook;
        this.optOuts = optOuts;
        this.outbox = outbox;
        this.digits = digits;
        this.commands = commands;
        this.inbound = database.getCollection(COLLECTION);
        this.clock = clock;
        this.zone = zone;
    }

    /** Handles the message; blocking (store and commands). Never throws for what the citizen wrote. */
    public Outcome receive(InboundSms sms) {
        String id = sms.source() + ":" + sms.messageId();
        if (!Outbox.insertIfAbsent(inbound, new Document("_id", id).append("at", Date.from(clock.instant())))) {
            return Outcome.ALREADY_HANDLED;
        }
        Outcome outcome;
        String caseId = null;
        Optional<String> key = sealed.keyOfPhone(sms.from());
        Optional<List<KnownCase>> known = key.flatMap(contactBook::casesOf);
        InboundText text = InboundText.read(sms.text());
        if (known.isEmpty() || known.get().isEmpty()) {
            outcome = Outcome.IGNORED_UNKNOWN_NUMBER;
        } else if (text.kind() == InboundText.Kind.UNREADABLE) {
            outcome = Outcome.IGNORED_UNREADABLE;
        } else {
            Handled handled = handle(key.get(), known.get(), text);
            outcome = handled.outcome();
            caseId = handled.caseId();
        }
        inbound.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("outcome", outcome.name()),
                Updates.set("caseId", caseId)));
        log.info("Inbound SMS {} from a {} number: {}", id, known.isPresent() ? "known" : "unknown", outcome);
        return outcome;
    }

    private Handled handle(String key, List<KnownCase> known, InboundText text) {
        switch (text.kind()) {
            case OPT_OUT -> {
                KnownCase on = known.stream().filter(KnownCase::invited).findFirst().orElse(known.get(0));
                commands.sendAndWait(new RecordOptOut(on.caseId(), key, true, Actor.SYSTEM));
                // Noted at once, not only when the processor applies the event: a 订阅 right behind it must find it.
                optOuts.optedOut(key, on.caseId());
                return new Handled(Outcome.OPTED_OUT, on.caseId());
            }
            case OPT_IN -> {
                Optional<String> on = optOuts.optedOutOn(key);
                on.ifPresent(caseId -> {
                    commands.sendAndWait(new RecordOptOut(caseId, key, false, Actor.SYSTEM));
                    optOuts.optedIn(key);
                });
                return new Handled(Outcome.OPTED_IN, on.orElse(null));
            }
            default -> {
                return evaluate(key, known, text);
            }
        }
    }

    private Handled evaluate(String key, List<KnownCase> known, InboundText text) {
        List<KnownCase> candidates = text.caseNumber() == null
                ? known.stream().filter(KnownCase::invited).toList()
                : known.stream().filter(c -> text.caseNumber().equals(digitsOf(c.caseNumber()))).toList();
        Optional<Satisfaction> level = text.kind() == InboundText.Kind.DIGIT ? digits.level(text.digit())
                : Optional.empty();
        if (candidates.size() != 1 || level.isEmpty()) {
            return help(candidates.isEmpty() ? known.get(0) : candidates.get(0));
        }
        KnownCase target = candidates.get(0);
        try {
            commands.sendAndWait(new RecordFeedback(target.caseId(), FeedbackChannel.SMS, level.get(),
                    digits.solved(level.get()), null, CITIZEN_BY_SMS));
            contactBook.evaluated(key, target.caseId());
            return new Handled(Outcome.FEEDBACK_RECORDED, target.caseId());
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CommandExecutionException && e.getCause() != null ? e.getCause() : e;
            if (!(cause instanceof CaseRuleViolation violation)) {
                throw e;
            }
            log.info("Case {} refused the SMS evaluation: {}", target.caseId(), violation.rejection());
            contactBook.evaluated(key, target.caseId());
            return help(target);
        }
    }

    /** One help message per case and day: an auto-responder answering the help cannot start a ping-pong. */
    private Handled help(KnownCase about) {
        Instant now = clock.instant();
        String id = Notification.idOf("help:" + about.caseId() + ":" + LocalDate.ofInstant(now, zone),
                NotificationChannel.SMS);
        outbox.add(new Notification(id, about.caseId(), about.caseNumber(), NotificationChannel.SMS,
                NotificationTemplate.HELP, false, Map.of(), now), now);
        return new Handled(Outcome.HELP_SENT, about.caseId());
    }

    static String digitsOf(String caseNumber) {
        return caseNumber == null ? null : caseNumber.replaceAll("[^0-9]", "");
    }

    private record Handled(Outcome outcome, String caseId) {
    }
}
