package io.hotline.command.notify;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.util.Optional;

/**
 * 退订: the phones that asked for no more messages, by the keyed hash their personal data are sealed under
 * ({@code citizen_opt_outs}, keyed by it), with the case the opt-out was recorded on (an opt-in is recorded there
 * too). Kept from the {@code CitizenOptedOut}/{@code CitizenOptedIn} events, so a replay rebuilds it.
 */
class OptOuts {

    static final String COLLECTION = "citizen_opt_outs";

    private final MongoCollection<Document> optOuts;

    OptOuts(MongoDatabase database) {
        this.optOuts = database.getCollection(COLLECTION);
    }

    void optedOut(String contactKey, String caseId) {
        optOuts.replaceOne(Filters.eq("_id", contactKey), new Document("_id", contactKey).append("caseId", caseId),
                new ReplaceOptions().upsert(true));
    }

    void optedIn(String contactKey) {
        optOuts.deleteOne(Filters.eq("_id", contactKey));
    }

    /** The case the phone's opt-out is recorded on; empty when it has not opted out. */
    Optional<String> optedOutOn(String contactKey) {
        return Optional.ofNullable(optOuts.find(Filters.eq("_id", contactKey)).first()).map(d -> d.getString("caseId"));
    }
}
