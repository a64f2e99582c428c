package io.hotline.infra.privacy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.hotline.infra.eventstore.MongoCommitLogStorageEngine;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds citizens in the stored event log by what is stored in the clear beside their sealed data, the key id
 * ({@code events.payload.citizen.kid}): which cases hold a citizen sealed under a key, and which key a case's
 * citizen is sealed under. Reads only; the log is never changed.
 * <p>
 * On a real MongoDB a sparse index on that path makes the first a lookup; the embedded store scans the log, which
 * an erasure (rare, and an administrator's act) can afford.
 */
public class StoredCitizens {

    static final String KEY_PATH = "events.payload.citizen." + PersonalDataModule.KEY_ID;
    private static final String INDEX = "citizen_key";

    private final MongoCollection<Document> commits;

    public StoredCitizens(MongoDatabase database, String eventsCollection) {
        this.commits = database.getCollection(eventsCollection);
    }

    /** Creates the index an erasure looks events up by; for a real MongoDB. */
    public void ensureIndex() {
        commits.createIndex(Indexes.ascending(KEY_PATH), new IndexOptions().sparse(true).name(INDEX));
    }

    /** How a case's citizen is stored: the key ids it is sealed under, and whether it is stored in plain form. */
    public record CaseCitizen(Set<String> keyIds, boolean plain) {
    }

    /** The citizen of a case as its registration stored it; empty when the log holds no such case. */
    public Optional<CaseCitizen> ofCase(String caseId) {
        Document first = MongoCommitLogStorageEngine.commitStartingAt(commits, caseId, 0);
        if (first == null) {
            return Optional.empty();
        }
        Set<String> keyIds = new LinkedHashSet<>();
        boolean plain = false;
        for (Document event : first.getList("events", Document.class)) {
            if (event.get("payload") instanceof Document payload
                    && payload.get("citizen") instanceof Document citizen) {
                if (citizen.getString(PersonalDataModule.KEY_ID) != null) {
                    keyIds.add(citizen.getString(PersonalDataModule.KEY_ID));
                } else if (citizen.get("phone") != null || citizen.get("idNumber") != null) {
                    plain = true;
                }
            }
        }
        return Optional.of(new CaseCitizen(keyIds, plain));
    }

    /** Every case with a citizen sealed under this key, in no particular order. */
    public List<String> casesSealedUnder(String keyId) {
        return commits.distinct("aggregateId", Filters.eq(KEY_PATH, keyId), String.class).into(new ArrayList<>());
    }
}
