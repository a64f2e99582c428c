package io.hotline.infra.eventstore;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Tamper evidence: every stored event carries, in its metadata, the SHA-256 of its own stored content chained to
 * the hash of the previous event of the same case ({@code prevHash}; empty for a case's first event). Editing,
 * removing or reordering any stored event of a case breaks the chain from that event on, and the verifier
 * names the first event whose stored content no longer matches.
 * <p>
 * The hash is taken over the stored representation (the JSON documents as MongoDB keeps them), so the
 * verifier recomputes it from exactly what an auditor can read.
 */
final class EventChain {

    public static final String HASH = "hash";
    public static final String PREVIOUS = "prevHash";
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private EventChain() {
    }

    /** Writes {@code prevHash} and {@code hash} into the metadata of each event, in order; returns the last hash. */
    static String seal(String aggregateId, Iterable<Document> events, String previousHash) {
        String previous = previousHash;
        for (Document event : events) {
            Document metaData = metaDataOf(event);
            metaData.put(PREVIOUS, previous);
            metaData.put(HASH, hashOf(aggregateId, event, previous));
            previous = metaData.getString(HASH);
        }
        return previous;
    }

    /** The hash the event should carry, recomputed from its stored content and the previous event's hash. */
    static String hashOf(String aggregateId, Document event, String previousHash) {
        Document metaData = new Document(metaDataOf(event));
        metaData.remove(HASH);
        metaData.remove(PREVIOUS);
        String canonical = String.join("\u001f", aggregateId, String.valueOf(event.get(CommitLog.SEQ)),
                event.getString(CommitLog.EVENT_ID), event.getString(CommitLog.TIMESTAMP),
                event.getString(CommitLog.PAYLOAD_TYPE), String.valueOf(event.getString(CommitLog.PAYLOAD_REVISION)),
                json(event.get(CommitLog.PAYLOAD)), metaData.toJson(JSON), previousHash);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String storedHash(Document event) {
        return metaDataOf(event).getString(HASH);
    }

    static String storedPrevious(Document event) {
        return metaDataOf(event).getString(PREVIOUS);
    }

    private static Document metaDataOf(Document event) {
        Object metaData = event.get(CommitLog.META_DATA);
        if (metaData instanceof Document document) {
            return document;
        }
        Document created = new Document();
        event.put(CommitLog.META_DATA, created);
        return created;
    }

    private static String json(Object stored) {
        return stored instanceof Document document ? document.toJson(JSON) : String.valueOf(stored);
    }
}
