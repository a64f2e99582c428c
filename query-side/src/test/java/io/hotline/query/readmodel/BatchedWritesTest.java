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
        // the upserts and updates to one collection go in one command; the delete between them splits the run
        assertThat(store.commands("update", "lists")).isEqualTo(2);
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

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
