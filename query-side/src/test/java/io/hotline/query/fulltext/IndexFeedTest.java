package io.hotline.query.fulltext;

import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A node's own processor fills its index, and a restart resumes from the position the index committed. */
class IndexFeedTest {

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore log = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final AtomicInteger handled = new AtomicInteger();

    @AfterEach
    void close() {
        log.shutDown();
    }

    /** Indexes each word it is told, one document per word. */
    class Words {
        private final LuceneIndex index;

        Words(LuceneIndex index) {
            this.index = index;
        }

        @EventHandler
        void on(String word) {
            handled.incrementAndGet();
            index.update("id", word, List.of(new StringField("id", word, Field.Store.YES)));
        }
    }

    private IndexFeed<LuceneIndex> feed(Path folder) {
        LuceneIndex index = LuceneIndex.open(folder, ChineseAnalysis.bigrams(), "words-1");
        FullTextProperties properties = new FullTextProperties("", Duration.ofMillis(50), Duration.ofHours(1), 10,
                100, Duration.ofDays(30));
        return new IndexFeed<>("words", index, () -> List.of(new Words(index)), log, properties);
    }

    private void publish(String... words) {
        for (String word : words) {
            log.publish(GenericEventMessage.asEventMessage(word));
        }
    }

    private static void caughtUp(IndexFeed<?> feed) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (feed.lag() > 0) {
            assertThat(System.nanoTime()).as("caught up in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
        feed.index().refreshNow();
    }

    @Test
    void aRestartedNodeResumesWhereItsIndexWasCommitted(@TempDir Path folder) {
        publish("路灯", "噪音", "漏水");
        IndexFeed<LuceneIndex> first = feed(folder);
        first.start();
        caughtUp(first);
        assertThat(first.index().size()).isEqualTo(3);
        first.stop(); // commits with the position of the last event

        publish("停车", "公积金");
        handled.set(0);
        IndexFeed<LuceneIndex> second = feed(folder);
        assertThat(second.index().committedPosition()).hasValue(2);
        second.start();
        caughtUp(second);

        assertThat(handled.get()).isEqualTo(2);
        assertThat(second.index().size()).isEqualTo(5);
        second.stop();
    }

    @Test
    void aRebuildReadsTheWholeLogIntoAnEmptyIndex(@TempDir Path folder) {
        publish("路灯", "噪音");
        IndexFeed<LuceneIndex> feed = feed(folder);
        feed.start();
        caughtUp(feed);
        handled.set(0);

        feed.rebuild();
        caughtUp(feed);

        assertThat(handled.get()).isEqualTo(2);
        assertThat(feed.index().size()).isEqualTo(2);
        feed.stop();
    }

    @Test
    void anIndexMadeFromAnotherLogIsClearedAtStart(@TempDir Path folder) {
        publish("路灯", "噪音", "漏水");
        IndexFeed<LuceneIndex> feed = feed(folder);
        feed.start();
        caughtUp(feed);
        feed.stop();

        InMemoryEventStorageEngine otherStorage = new InMemoryEventStorageEngine();
        EmbeddedEventStore other = EmbeddedEventStore.builder().storageEngine(otherStorage).build();
        try {
            other.publish(GenericEventMessage.asEventMessage("停车"));
            LuceneIndex index = LuceneIndex.open(folder, ChineseAnalysis.bigrams(), "words-1");
            IndexFeed<LuceneIndex> elsewhere = new IndexFeed<>("words", index, () -> List.of(new Words(index)), other,
                    FullTextProperties.defaults());
            elsewhere.start();
            caughtUp(elsewhere);
            assertThat(elsewhere.index().size()).isEqualTo(1);
            elsewhere.stop();
        } finally {
            other.shutDown();
        }
    }
}
