package io.hotline.query.readmodel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A projection's writes inside a processor batch are stored at the flush, in order, one bulk write per collection;
 * outside a batch each is stored at once; a discarded batch stores nothing; what waits for the writes runs after
 * them, and never for a batch that failed.
 */
class BatchedWritesTest {

    private final MemoryStore store = new MemoryStore();
    private final BatchedWrites writes = new BatchedWrites(store.template());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aBatchsWritesAreStoredAtTheFlushInOrderOneCommandPerCollection() {
        writes.begin();
        for (int i = 0; i < 20; i++) {
            writes.upsert("lists", byId("case-" + i), new Update().set("at", Instant.parse("2026-12-07T08:00:00Z"))
                    .addToSet("steps", "registered"));
        }
        writes.upsert("lists", byId("case-3"), new Update().addToSet("steps", "replied"));
        writes.remove("lists", byId("case-4"));
        writes.upsert("lists", byId("case-4"), new Update().set("back", true));
        writes.updateFirst("lists", byId("case-5"), new Update().set("status", "CLOSED"));
        writes.updateFirst("lists", byId("never-written"), new Update().set("status", "CLOSED"));
        writes.upsert("numbers", byId("20261207-1"), new Update().set("caseId", "case-1"));

        assertThat(store.all("lists")).as("nothing is stored before the flush").isEmpty();
        writes.flush();

        assertThat(store.all("lists")).hasSize(20);
        assertThat(store.find("lists", "case-0").get("at")).isEqualTo(Date.from(Instant.parse("2026-12-07T08:00:00Z")));
        assertThat(store.find("lists", "case-3").getList("steps", String.class)).containsExactly("registered", "replied");
        assertThat(store.find("lists", "case-4")).as("deleted, then written again, in that order")
                .doesNotContainKey("steps").containsEntry("back", true);
        assertThat(store.find("lists", "case-5")).containsEntry("status", "CLOSED");
        assertThat(store.find("lists", "never-written")).as("an update inserts nothing").isNull();
        assertThat(store.find("numbers", "20261207-1")).containsEntry("caseId", "case-1");
        // every write names its document: the deletes go first, then the upserts and updates, one command each
        assertThat(store.commands("update", "lists")).isEqualTo(1);
        assertThat(store.commands("delete", "lists")).isEqualTo(1);
        assertThat(store.commands("update", "numbers")).isEqualTo(1);
        assertThat(writes.inBatch()).isFalse();
    }

    @Test
    void outsideABatchEachWriteIsStoredAtOnce() {
        writes.upsert("lists", byId("case-1"), new Update().set("status", "REPLIED"));
        assertThat(store.find("lists", "case-1")).containsEntry("status", "REPLIED");
        writes.updateFirst("lists", byId("case-1"), new Update().set("status", "CLOSED"));
        assertThat(store.find("lists", "case-1")).containsEntry("status", "CLOSED");
        writes.remove("lists", byId("case-1"));
        assertThat(store.find("lists", "case-1")).isNull();

        List<String> told = new ArrayList<>();
        writes.afterStored(() -> told.add("stored"));
        assertThat(told).containsExactly("stored");
    }

    @Test
    void aDiscardedBatchStoresNothingAndTellsNoOne() {
        List<String> told = new ArrayList<>();
        writes.begin();
        writes.upsert("lists", byId("case-1"), new Update().set("status", "REPLIED"));
        writes.afterStored(() -> told.add("stored"));
        writes.discard();

        assertThat(store.all("lists")).isEmpty();
        assertThat(told).isEmpty();
        writes.begin();
        writes.flush();
        assertThat(told).as("the discarded batch's action does not run with the next batch").isEmpty();
    }

    @Test
    void whatWaitsForTheWritesRunsOnceTheyAreStored() {
        List<String> told = new ArrayList<>();
        writes.begin();
        writes.upsert("articles", byId("a-1"), new Update().set("status", "PUBLISHED"));
        writes.afterStored(() -> told.add(String.valueOf(store.find("articles", "a-1").get("status"))));
        assertThat(told).isEmpty();
        writes.flush();
        assertThat(told).containsExactly("PUBLISHED");
    }

    @Test
    void aFailedFlushClosesTheBatchAndDoesNotTell() {
        List<String> told = new ArrayList<>();
        writes.begin();
        writes.upsert("lists", byId("case-1"), new Update().set("status", "REPLIED"));
        // $inc of a string fails in the store
        writes.upsert("lists", byId("case-1"), new Update().inc("status", 1));
        writes.afterStored(() -> told.add("stored"));

        assertThatThrownBy(writes::flush).isInstanceOf(RuntimeException.class);
        assertThat(told).isEmpty();
        assertThat(writes.inBatch()).isFalse();
    }

    @Test
    void aDocumentsWritesInABatchAreFoldedAndEndAsTheyWouldOneByOne() {
        writes.begin();
        everyKindOfChange("tracks");
        writes.flush();
        everyKindOfChange("tracks_alone"); // outside a batch: each write at once, in order

        assertThat(store.all("tracks")).hasSize(5).containsExactlyInAnyOrderElementsOf(store.all("tracks_alone"));
        assertThat(store.find("tracks", "case-1").getList("steps", String.class))
                .containsExactly("registered", "dispatched", "replied", "closed");
        assertThat(store.find("tracks", "case-1")).doesNotContainKey("due").containsEntry("status", "CLOSED");
        // the deletes first, then every upsert and update: one command each
        assertThat(store.commands("delete", "tracks")).isEqualTo(1);
        assertThat(store.commands("update", "tracks")).isEqualTo(1);
    }

    @Test
    void aCasesFiveStepsBecomeOneWriteAndWhatCannotMergeStaysApart() {
        List<BatchedWrites.Write> oneCase = List.of(
                upsert("case-1", new Update().set("status", "REGISTERED").addToSet("steps", "registered")),
                upsert("case-1", new Update().set("status", "DISPATCHED").addToSet("steps", "dispatched")),
                upsert("case-1", new Update().set("due", "2026-12-09")),
                update("case-1", new Update().unset("due").addToSet("steps", "replied")),
                upsert("case-1", new Update().set("status", "CLOSED").addToSet("steps", "closed")));
        assertThat(BatchedWrites.fold(oneCase)).hasSize(1);

        assertThat(BatchedWrites.fold(List.of(upsert("c", new Update().inc("n", 1)), upsert("c", new Update().inc("n", 2L)))))
                .as("amounts of two types: the stored type must not change").hasSize(2);
        assertThat(BatchedWrites.fold(List.of(upsert("c", new Update().set("reply", "a")),
                upsert("c", new Update().set("reply.at", "b"))))).as("a field and a field inside it").hasSize(2);
        assertThat(BatchedWrites.fold(List.of(upsert("c", new Update().push("list", "a")),
                upsert("c", new Update().push("list", "b"))))).as("another operator").hasSize(2);
        List<BatchedWrites.Write> notById = List.of(upsert("c", new Update().set("status", "CLOSED")),
                new BatchedWrites.Write(BatchedWrites.Kind.REMOVE, Query.query(Criteria.where("status").is("CLOSED")), null),
                upsert("c", new Update().set("status", "OPEN")));
        assertThat(BatchedWrites.fold(notById)).as("a write that does not name one document: kept as it came")
                .isSameAs(notById);
    }

    /** Every rule of folding, on five documents of one collection. */
    private void everyKindOfChange(String collection) {
        writes.upsert(collection, byId("case-1"), new Update().set("status", "REGISTERED").set("number", "20261207-1")
                .addToSet("steps", "registered"));
        writes.upsert(collection, byId("case-1"), new Update().set("status", "DISPATCHED").addToSet("steps", "dispatched"));
        writes.upsert(collection, byId("case-1"), new Update().set("due", Date.from(Instant.parse("2026-12-09T00:00:00Z"))));
        writes.updateFirst(collection, byId("case-1"), new Update().unset("due").addToSet("steps", "replied"));
        writes.upsert(collection, byId("case-1"), new Update().set("status", "CLOSED").addToSet("steps", "closed"));
        writes.upsert(collection, byId("case-2"), new Update().set("a", 1));
        writes.upsert(collection, byId("case-2"), new Update().set("before", true));
        writes.remove(collection, byId("case-2")); // the writes before it are moot
        writes.updateFirst(collection, byId("case-2"), new Update().set("b", 2)); // finds nothing
        writes.upsert(collection, byId("case-2"), new Update().set("c", 3));
        writes.updateFirst(collection, byId("case-3"), new Update().set("x", 1)); // finds nothing...
        writes.upsert(collection, byId("case-3"), new Update().set("y", 2)); // ...and this inserts
        writes.upsert(collection, byId("case-4"), new Update().inc("n", 1));
        writes.upsert(collection, byId("case-4"), new Update().inc("n", 2));
        writes.upsert(collection, byId("case-4"), new Update().inc("n", 5L));
        writes.upsert(collection, byId("case-5"), new Update().set("reply", new org.bson.Document("text", "a")));
        writes.upsert(collection, byId("case-5"), new Update().set("reply.at", "2026-12-07"));
        writes.upsert(collection, byId("case-6"), new Update().set("gone", true));
        writes.remove(collection, byId("case-6"));
    }

    private static BatchedWrites.Write upsert(String id, Update update) {
        return new BatchedWrites.Write(BatchedWrites.Kind.UPSERT, byId(id), update);
    }

    private static BatchedWrites.Write update(String id, Update update) {
        return new BatchedWrites.Write(BatchedWrites.Kind.UPDATE, byId(id), update);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
