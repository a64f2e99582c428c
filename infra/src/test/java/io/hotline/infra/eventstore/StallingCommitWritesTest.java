package io.hotline.infra.eventstore;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The injected slow writer: every n-th commit stalls once before it is stored, its retries never. */
class StallingCommitWritesTest {

    private final List<String> stored = new ArrayList<>();
    private final List<String> stalledBefore = new ArrayList<>();
    private final CommitWrites plain = new CommitWrites() {
        @Override
        public void insertOne(Document commit) {
            stored.add(commit.getString("name"));
        }

        @Override
        public void insertMany(List<Document> commits) {
            commits.forEach(this::insertOne);
        }
    };

    @Test
    void everyThirdCommitStallsBeforeItIsStoredAndItsRetriesDoNot() {
        StallingCommitWrites writes = new StallingCommitWrites(plain, 3, Duration.ofMillis(800),
                duration -> stalledBefore.add(stored.size() + ":" + duration.toMillis()));

        Document first = commit("first");
        Document second = commit("second");
        Document third = commit("third");
        writes.insertOne(first);
        writes.insertOne(second);
        writes.insertOne(third);
        writes.insertOne(third); // its position was taken: the same commit, tried further on
        writes.insertOne(commit("fourth"));

        assertThat(stored).containsExactly("first", "second", "third", "third", "fourth");
        assertThat(stalledBefore).containsExactly("2:800");
    }

    @Test
    void aBatchCountsAsOneCommit() {
        StallingCommitWrites writes = new StallingCommitWrites(plain, 2, Duration.ofSeconds(1),
                duration -> stalledBefore.add("stalled before " + stored.size()));

        writes.insertMany(List.of(commit("a"), commit("b")));
        writes.insertMany(List.of(commit("c"), commit("d")));

        assertThat(stalledBefore).containsExactly("stalled before 2");
    }

    private static Document commit(String name) {
        return new Document("name", name);
    }
}
