package io.hotline.query.readmodel;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes of a projection that changes documents by key (upserts, updates, deletes) without reading them back.
 * Inside a processor batch they are kept, in order, and stored when the batch {@linkplain #flush flushes}: one
 * ordered bulk write per collection instead of a round trip per event. A rebuild's processor otherwise waits on
 * the store once or twice for every event of the log, for writes it could send together. Outside a batch
 * (tests, a projection fed by hand) each write is stored at once.
 * <p>
 * Order: the writes to one collection are stored in the order they were made, so a later event's write to a document
 * still lands after an earlier one's. When every write of the batch to a collection names one document by its
 * {@code _id} (what the projections do), the writes of each document are first folded ({@link #fold}): a delete makes
 * the writes before it moot, an update after a delete does nothing, and consecutive updates merge into one where
 * {@link UpdateMerge} can. The documents are independent, so the deletes go first and the updates after, two commands
 * for the collection rather than a command at each change between deleting and updating. Collections are written in
 * the order each was first written in the batch; a reader may see one collection's writes of the batch before
 * another's, as it could see one event's writes before the next event's when they were stored one by one. A flush cut
 * short leaves some writes stored and some not: the batch comes again, and the projection's writes (each sets values
 * taken from its event) end where they would have.
 * <p>
 * Work that must follow the stored writes (telling readers on this node) is handed to {@link #afterStored}.
 * One processor thread drives an instance; it is not shared.
 */
public final class BatchedWrites {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ReactiveMongoOperations mongo;
    private final Map<String, List<Write>> pending = new LinkedHashMap<>();
    private final List<Runnable> afterwards = new ArrayList<>();
    private boolean open;

    public BatchedWrites(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    /** A batch begins: writes are kept until {@link #flush}. */
    public void begin() {
        pending.clear();
        afterwards.clear();
        open = true;
    }

    /** Whether a batch is open (its writes are not stored yet). */
    public boolean inBatch() {
        return open;
    }

    /** Updates the first document matching, or inserts one made from the query and the update. */
    public void upsert(String collection, Query query, UpdateDefinition update) {
        write(collection, new Write(Kind.UPSERT, query, update),
                () -> mongo.upsert(query, update, collection).block(WAIT));
    }

    /** Updates the first document matching, if there is one. */
    public void updateFirst(String collection, Query query, UpdateDefinition update) {
        write(collection, new Write(Kind.UPDATE, query, update),
                () -> mongo.updateFirst(query, update, collection).block(WAIT));
    }

    /** Deletes the documents matching. */
    public void remove(String collection, Query query) {
        write(collection, new Write(Kind.REMOVE, query, null), () -> mongo.remove(query, collection).block(WAIT));
    }

    /** Runs {@code action} once the writes made so far are stored: at the flush inside a batch, at once outside. */
    public void afterStored(Runnable action) {
        if (open) {
            afterwards.add(action);
        } else {
            action.run();
        }
    }

    /** Stores the batch's writes, collection by collection, then runs what waited for them; closes the batch. */
    public void flush() {
        try {
            for (Map.Entry<String, List<Write>> writes : pending.entrySet()) {
                ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.ORDERED, writes.getKey());
                fold(writes.getValue()).forEach(write -> write.addTo(bulk));
                bulk.execute().block(WAIT);
            }
            afterwards.forEach(Runnable::run);
        } finally {
            discard();
        }
    }

    /** Forgets the batch's writes (its events come again) and closes it. */
    public void discard() {
        pending.clear();
        afterwards.clear();
        open = false;
    }

    /**
     * A collection's writes with the same effect in fewer changes, when each names one document by {@code _id}:
     * per document, what is left after folding, the deletes of all documents first. Otherwise as they came.
     */
    static List<Write> fold(List<Write> writes) {
        Map<Object, List<Write>> byDocument = new LinkedHashMap<>();
        for (Write write : writes) {
            Object id = write.id();
            if (id == null) {
                return writes;
            }
            fold(byDocument.computeIfAbsent(id, any -> new ArrayList<>()), write);
        }
        List<Write> deletes = new ArrayList<>();
        List<Write> changes = new ArrayList<>();
        for (List<Write> document : byDocument.values()) {
            for (Write write : document) {
                (write.kind() == Kind.REMOVE ? deletes : changes).add(write);
            }
        }
        deletes.addAll(changes);
        return deletes;
    }

    private static void fold(List<Write> document, Write write) {
        Write last = document.isEmpty() ? null : document.get(document.size() - 1);
        if (write.kind() == Kind.REMOVE) {
            document.clear();
            document.add(write);
        } else if (last == null || (last.kind() == Kind.UPDATE && write.kind() == Kind.UPSERT)) {
            // an update that may have found nothing, then an upsert: the upsert may insert, so both stay
            document.add(write);
        } else if (last.kind() == Kind.REMOVE) {
            if (write.kind() == Kind.UPSERT) {
                document.add(write); // an update of a deleted document does nothing
            }
        } else {
            UpdateMerge.merge(last.update(), write.update()).ifPresentOrElse(
                    merged -> document.set(document.size() - 1, new Write(last.kind(), last.query(), merged)),
                    () -> document.add(write));
        }
    }

    enum Kind { UPSERT, UPDATE, REMOVE }

    /** One write kept for the flush. */
    record Write(Kind kind, Query query, UpdateDefinition update) {

        /** The {@code _id} the query names and nothing else, or null. */
        Object id() {
            Document criteria = query.getQueryObject();
            Object id = criteria.size() == 1 ? criteria.get("_id") : null;
            return id == null || id instanceof Document || query.getLimit() > 0 || query.getSkip() > 0
                    || !query.getSortObject().isEmpty() ? null : id;
        }

        void addTo(ReactiveBulkOperations bulk) {
            switch (kind) {
                case UPSERT -> bulk.upsert(query, update);
                case UPDATE -> bulk.updateOne(query, update);
                case REMOVE -> bulk.remove(query);
            }
        }
    }

    private void write(String collection, Write kept, Runnable now) {
        if (open) {
            pending.computeIfAbsent(collection, name -> new ArrayList<>()).add(kept);
        } else {
            now.run();
        }
    }
}
