package io.hotline.command.notify;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.hotline.kernel.citizen.NotificationOutcome;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The notifications' outbox, in two collections keyed by the notification's deterministic id (the embedded store
 * has unique indexes only, so every hot path is an {@code _id} lookup):
 * <ul>
 * <li>{@code citizen_notifications}, the ledger: every notification ever made, with its final outcome. Inserting
 * into it is what makes an event's notification exist once, however often the event is replayed or redelivered;</li>
 * <li>{@code citizen_notifications_due}, the work: only the notifications not finished yet, so the sender's scan
 * for due work stays small. A node claims one by a conditional update on its {@code _id} (owner and lease
 * expiry), so among several nodes each message is sent by one.</li>
 * </ul>
 */
class Outbox {

    static final String LEDGER = "citizen_notifications";
    static final String DUE = "citizen_notifications_due";
    static final String RECEIPTS = "citizen_notification_receipts";
    static final String PENDING = "PENDING";

    private final MongoCollection<Document> ledger;
    private final MongoCollection<Document> due;
    private final MongoCollection<Document> receipts;

    Outbox(MongoDatabase database) {
        this.ledger = database.getCollection(LEDGER);
        this.due = database.getCollection(DUE);
        this.receipts = database.getCollection(RECEIPTS);
    }

    /**
     * Stores the notification unless it exists; true when it is (still) waiting to be sent. A notification whose
     * ledger entry exists but whose work item a failure lost in between gets the work item back.
     */
    boolean add(Notification notification, Instant now) {
        if (!insertIfAbsent(ledger, notification.toDocument().append("status", PENDING))) {
            Document known = ledger.find(Filters.eq("_id", notification.id())).first();
            if (known == null || !PENDING.equals(known.getString("status"))) {
                return false;
            }
        }
        insertIfAbsent(due, notification.toDocument().append("due", Date.from(now)).append("attempts", 0)
                .append("owner", null).append("leaseUntil", null).append("sending", false));
        return true;
    }

    /** Ids of work items due now, oldest first is not promised; a few at a time. */
    List<String> dueIds(Instant now, int limit) {
        return due.find(Filters.lte("due", Date.from(now))).limit(limit).map(d -> d.getString("_id"))
                .into(new ArrayList<>());
    }

    /** Takes the item for {@code lease} unless another node holds it; answers it as it was before the claim. */
    Optional<Claim> claim(String id, String node, Instant now, Duration lease) {
        Bson free = Filters.or(Filters.eq("leaseUntil", null), Filters.lt("leaseUntil", Date.from(now)));
        Document before = due.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.lte("due", Date.from(now)), free),
                Updates.combine(Updates.set("owner", node), Updates.set("leaseUntil", Date.from(now.plus(lease)))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        return Optional.ofNullable(before).map(Claim::of);
    }

    /** From here on the message may have reached the gateway: a node dying now leaves it possibly repeated. */
    void markSending(String id, String node, boolean possiblyRepeated) {
        Bson sending = Updates.set("sending", true);
        due.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("owner", node)), possiblyRepeated
                ? Updates.combine(sending, Updates.set("possiblyRepeated", true)) : sending);
    }

    /** Gives the item back, due again at {@code due}. */
    void release(String id, String node, Instant dueAgain, int attempts, String lastReason) {
        due.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("owner", node)), Updates.combine(
                Updates.set("owner", null), Updates.set("leaseUntil", null), Updates.set("sending", false),
                Updates.set("due", Date.from(dueAgain)), Updates.set("attempts", attempts),
                Updates.set("lastReason", lastReason)));
    }

    /** The final outcome, kept on the work item until the case has recorded it, and in the ledger for good. */
    void decide(String id, Decision decision, Instant at) {
        Bson outcome = Updates.combine(Updates.set("outcome", decision.outcome().name()),
                Updates.set("reason", decision.reason()), Updates.set("possiblyRepeated", decision.possiblyRepeated()),
                Updates.set("externalId", decision.externalId()), Updates.set("sending", false));
        due.updateOne(Filters.eq("_id", id), outcome);
        // a delivery receipt may come back before the sender gets here: never downgrade DELIVERED to SENT
        ledger.updateOne(Filters.and(Filters.eq("_id", id), Filters.ne("status", NotificationOutcome.DELIVERED.name())),
                Updates.combine(outcome, Updates.set("status", decision.outcome().name()),
                Updates.set("decidedAt", Date.from(at))));
    }

    /** The case has recorded the outcome: the work is done. */
    void finish(String id) {
        due.deleteOne(Filters.eq("_id", id));
    }

    void rememberReceipt(String gatewayMessageId, String notificationId) {
        insertIfAbsent(receipts, new Document("_id", gatewayMessageId).append("notificationId", notificationId));
    }

    Optional<String> notificationOfReceipt(String gatewayMessageId) {
        return Optional.ofNullable(receipts.find(Filters.eq("_id", gatewayMessageId)).first())
                .map(d -> d.getString("notificationId"));
    }

    Optional<Document> ledgerEntry(String id) {
        return Optional.ofNullable(ledger.find(Filters.eq("_id", id)).first());
    }

    /** True the first time. */
    boolean markDelivered(String id, Instant at) {
        return ledger.updateOne(Filters.and(Filters.eq("_id", id), Filters.ne("status", NotificationOutcome.DELIVERED.name())),
                Updates.combine(Updates.set("status", NotificationOutcome.DELIVERED.name()),
                        Updates.set("deliveredAt", Date.from(at)))).getModifiedCount() > 0;
    }

    static boolean insertIfAbsent(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** A final outcome and what goes with it. */
    record Decision(NotificationOutcome outcome, String reason, boolean possiblyRepeated, String externalId) {
    }

    /**
     * A claimed work item as it was before the claim: {@code wasInFlight} means a node took it to the gateway and
     * vanished before it finished, so it may have been sent already.
     */
    record Claim(Notification notification, int attempts, boolean wasInFlight, Decision decided) {

        static Claim of(Document item) {
            String outcome = item.getString("outcome");
            Decision decided = outcome == null ? null : new Decision(NotificationOutcome.valueOf(outcome),
                    item.getString("reason"), item.getBoolean("possiblyRepeated", false), item.getString("externalId"));
            boolean inFlight = item.getBoolean("sending", false) || item.getBoolean("possiblyRepeated", false);
            return new Claim(Notification.of(item), item.getInteger("attempts", 0), inFlight, decided);
        }
    }
}
