package io.hotline.infra.eventstore;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.List;
import java.util.Optional;

/**
 * Event payloads exactly as the log stores them, for the platform code that must look at stored bytes rather than
 * at events (crypto-shredding finds which key sealed a citizen). Paths are dotted paths inside a payload, so no
 * reader needs to know how commits are laid out.
 */
public interface StoredPayloads {

    /** The payloads stored as JSON objects in the case's first commit (its registration); empty for no such case. */
    Optional<List<Document>> ofFirstCommit(String caseId);

    /** Every case with an event whose stored payload holds {@code value} at {@code payloadPath}, in no order. */
    List<String> casesWhere(String payloadPath, String value);

    /** A sparse index on {@code payloadPath}, so {@link #casesWhere} is a lookup on a real MongoDB. */
    void index(String payloadPath, String name);

    /** The payloads of the log in {@code database}. */
    static StoredPayloads in(MongoDatabase database) {
        return new CommitLogPayloads(CommitLog.in(database));
    }
}
