package io.hotline.command.notify;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which cases a phone was sent messages about, and on which its citizen was invited to evaluate, kept at the
 * moment of sending ({@code citizen_contacts}, keyed by the keyed hash the phone's personal data are sealed
 * under: never the number). An SMS from the citizen is matched to their cases by one {@code _id} lookup.
 */
class ContactBook {

    static final String COLLECTION = "citizen_contacts";

    private final MongoCollection<Document> contacts;

    ContactBook(MongoDatabase database) {
        this.contacts = database.getCollection(COLLECTION);
    }

    void messaged(String contactKey, String caseId, String caseNumber, boolean invitedToEvaluate) {
        String at = "cases." + caseId;
        contacts.updateOne(Filters.eq("_id", contactKey), invitedToEvaluate
                        ? Updates.combine(Updates.set(at + ".caseNumber", caseNumber), Updates.set(at + ".invited", true))
                        : Updates.set(at + ".caseNumber", caseNumber),
                new UpdateOptions().upsert(true));
    }

    void evaluated(String contactKey, String caseId) {
        contacts.updateOne(Filters.eq("_id", contactKey), Updates.set("cases." + caseId + ".invited", false));
    }

    /** The phone's cases; empty when nothing was ever sent to it. */
    Optional<List<KnownCase>> casesOf(String contactKey) {
        Document found = contacts.find(Filters.eq("_id", contactKey)).first();
        if (found == null) {
            return Optional.empty();
        }
        List<KnownCase> known = new ArrayList<>();
        Document cases = found.get("cases", Document.class);
        if (cases != null) {
            cases.forEach((caseId, value) -> {
                Document entry = (Document) value;
                known.add(new KnownCase(caseId, entry.getString("caseNumber"), entry.getBoolean("invited", false)));
            });
        }
        return Optional.of(known);
    }

    record KnownCase(String caseId, String caseNumber, boolean invited) {
    }
}
