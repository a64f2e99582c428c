package io.hotline.query.readmodel;

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
import java.util.function.Consumer;

/**
 * The writes of a projection that changes documents by key (upserts, updates, deletes) without reading them back.
 * Inside a processor batch they are kept, in order, and stored when the batch {@linkplain #flush flushes}: one
 * ordered bulk write per collection instead of a round trip per event. A rebuild's processor otherwise waits on
 * the store once or twice for every event of the log, for writes it could send together. Outside a batch
 * (tests, a projection fed by hand) each write is stored at once.
 * <p>
 * Order: the writes to one collection are stored in the order they were made, so a later event's write to a
 * document still lands after an earlier one's. Collections are written in the order each was first written in
 * the batch; a reader may see one collection's writes of the batch before another's, as it could see one event's
 * writes before the next event's when they were stored one by one. A flush cut short leaves some writes stored and
 * some not: the batch comes again, and the projection's writes (each sets values taken from its event) end where
 * they would have.
 * <p>
 * Work that must follow the stored writes (telling readers on this node) is handed to {@link #afterStored}.
 * One processor thread drives an instance; it is not shared.
 */
public final class BatchedWrites {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ReactiveMongoOperations mongo;
    private final Map<String, List<Consumer<ReactiveBulkOperations>>> pending = new LinkedHashMap<>();
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
        write(collection, bulk -> bulk.upsert(query, update), () -> mongo.upsert(query, update, collection).block(WAIT));
    }

    /** Updates the first document matching, if there is one. */
    public void updateFirst(String collection, Query query, UpdateDefinition update) {
        write(collection, bulk -> bulk.updateOne(query, update),
                () -> mongo.updateFirst(query, update, collection).block(WAIT));
    }

    /** Deletes the documents matching. */
    public void remove(String collection, Query query) {
        write(collection, bulk -> bulk.remove(query), () -> mongo.remove(query, collection).block(WAIT));
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
            for (Map.Entry<String, List<Consumer<ReactiveBulkOperations>>> writes : pending.entrySet()) {
                ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.ORDERED, writes.getKey());
                writes.getValue().forEach(write -> write.accept(bulk));
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

    private void write(String collection, Consumer<ReactiveBulkOperations> kept, Runnable now) {
        if (open) {
            pending.computeIfAbsent(collection, name -> new ArrayList<>()).add(kept);
        } else {
            now.run();
        }
    }
}
