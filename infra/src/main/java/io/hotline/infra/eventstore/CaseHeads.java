package io.hotline.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last sequence number acknowledged for each case ({@code case_heads}, {@code _id} = the case), so a load can
 * tell a complete record from one that lost commits: following commits by key stops silently at a missing one, and
 * nothing in the commits before it says more were there.
 * <p>
 * A head is a lower bound, never more than what was stored: appends note it in memory and {@link #flush()} writes the
 * notes a few times a second with {@code $max} (several nodes, any order), one write per case however many commits
 * it got meanwhile. A node that dies before a flush leaves heads a little behind; the check then misses a deletion of
 * those last commits, never flags a sound case. Checks read the stored head and this node's unflushed note.
 */
final class CaseHeads {

    static final String COLLECTION = "case_heads";
    private static final String LAST_SEQ = "lastSeq";

    private final MongoCollection<Document> heads;
    private final Map<String, Long> unflushed = new ConcurrentHashMap<>();

    CaseHeads(MongoDatabase database) {
        this.heads = database.getCollection(COLLECTION);
    }

    /** A commit of {@code caseId} ending at {@code lastSeq} was stored. */
    void note(String caseId, long lastSeq) {
        unflushed.merge(caseId, lastSeq, Math::max);
    }

    /** Writes the notes taken since the last flush, in one batch. */
    void flush() {
        if (unflushed.isEmpty()) {
            return;
        }
        Map<String, Long> batch = new HashMap<>();
        for (String caseId : List.copyOf(unflushed.keySet())) {
            Long lastSeq = unflushed.remove(caseId);
            if (lastSeq != null) {
                batch.put(caseId, lastSeq);
            }
        }
        List<WriteModel<Document>> writes = new ArrayList<>(batch.size());
        batch.forEach((caseId, lastSeq) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", caseId),
                Updates.max(LAST_SEQ, lastSeq), new UpdateOptions().upsert(true))));
        try {
            heads.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (RuntimeException e) {
            batch.forEach(this::note); // not lost: written by the next flush
            throw e;
        }
    }

    /** The last sequence number acknowledged for the case, as far as this node knows; empty when none. */
    Optional<Long> lastAcknowledged(String caseId) {
        Long noted = unflushed.get(caseId);
        Document stored = heads.find(Filters.eq("_id", caseId)).first();
        Long written = stored == null ? null : stored.get(LAST_SEQ, Number.class).longValue();
        if (noted == null) {
            return Optional.ofNullable(written);
        }
        return Optional.of(written == null ? noted : Math.max(noted, written));
    }
}
