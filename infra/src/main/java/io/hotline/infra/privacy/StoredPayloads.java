package io.hotline.infra.privacy;

import org.bson.Document;

import java.util.List;
import java.util.Optional;

/**
 * Event payloads exactly as the log stores them: crypto-shredding must look at stored bytes rather than at events
 * to find which key sealed a citizen. Declared here, where it is needed, and implemented by the event store, so
 * paths are dotted paths inside a payload and nothing here knows how commits are laid out.
 */
public interface StoredPayloads {

    /** The payloads stored as JSON objects in the case's first commit (its registration); empty for no such case. */
    Optional<List<Document>> ofFirstCommit(String caseId);

    /** Every case with an event whose stored payload holds {@code value} at {@code payloadPath}, in no order. */
    List<String> casesWhere(String payloadPath, String value);

    /** A sparse index on {@code payloadPath}, so {@link #casesWhere} is a lookup on a real MongoDB. */
    void index(String payloadPath, String name);

}
