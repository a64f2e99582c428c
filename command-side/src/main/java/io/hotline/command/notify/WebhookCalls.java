package io.hotline.command.notify;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * The gate of the message platform's inbound calls: a call must carry a timestamp near now and the signature of
 * that timestamp and its body under the shared secret, and no signature is accepted twice
 * ({@code citizen_webhook_calls}, keyed by it). Every refusal is recorded (what and when, not the body).
 */
class WebhookCalls {

    static final String CALLS = "citizen_webhook_calls";

    /** Why a call was refused: the HTTP status and a stable code. */
    enum Refusal {
        NOT_CONFIGURED(404), MISSING_SIGNATURE(400), BAD_SIGNATURE(401), STALE_TIMESTAMP(401), REPLAYED(409);

        final int status;

        Refusal(int status) {
            this.status = status;
        }
    }

    private final NotificationSettings.Webhook settings;
    private final MongoCollection<Document> calls;
    private final MongoCollection<Document> inbound;
    private final Clock clock;

    WebhookCalls(NotificationSettings.Webhook settings, MongoDatabase database, Clock clock) {
        this.settings = settings;
        this.calls = database.getCollection(CALLS);
        this.inbound = database.getCollection(InboundMessages.COLLECTION);
        this.clock = clock;
    }

    /** Empty when the call may be handled; checks in the order that reveals least. */
    Optional<Refusal> check(String timestamp, String signature, byte[] body) {
        Optional<Refusal> refusal = refusalOf(timestamp, signature, body);
        refusal.ifPresent(why -> Outbox.insertIfAbsent(inbound, new Document("_id", "webhook-refused:" + UUID.randomUUID())
                .append("at", Date.from(clock.instant())).append("outcome", "REFUSED_" + why.name())));
        return refusal;
    }

    private Optional<Refusal> refusalOf(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
            return Optional.of(Refusal.MISSING_SIGNATURE);
        }
        if (!settings.accepting()) {
            return Optional.of(Refusal.NOT_CONFIGURED);
        }
        if (!new WebhookSignatures(settings.secret()).verify(timestamp, body, signature)) {
            return Optional.of(Refusal.BAD_SIGNATURE);
        }
        Instant sent;
        try {
            sent = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
        } catch (NumberFormatException e) {
            return Optional.of(Refusal.STALE_TIMESTAMP);
        }
        if (Duration.between(sent, clock.instant()).abs().compareTo(settings.tolerance()) > 0) {
            return Optional.of(Refusal.STALE_TIMESTAMP);
        }
        if (!Outbox.insertIfAbsent(calls, new Document("_id", signature.strip()).append("at", Date.from(clock.instant())))) {
            return Optional.of(Refusal.REPLAYED);
        }
        return Optional.empty();
    }
}
