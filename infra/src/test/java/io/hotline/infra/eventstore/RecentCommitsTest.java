package io.hotline.infra.eventstore;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commits kept for processors reading the same stretch of the log: a second reader gets what the first read
 * without asking the store, and the same events; only commits read are kept, in runs without a gap; the oldest
 * leave first past the capacity.
 */
class RecentCommitsTest {

    record Noted(String text) {
    }

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final AtomicInteger logReads = new AtomicInteger();
    private MongoClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        server.shutdownNow();
    }

    @Test
    void aSecondReaderOfTheSameStretchGetsTheSameEventsWithoutAskingTheStore() {
        MongoCommitLogStorageEngine engine = engine();
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            batch.add(event("case-" + i, 0, "registered " + i));
            batch.add(event("case-" + i, 1, "dispatched " + i));
        }
        engine.appendEvents(batch.subList(0, 100));
        engine.appendEvents(batch.subList(100, 240));

        int before = logReads.get();
        List<String> first = texts(readAll(engine, null));
        int firstReads = logReads.get() - before;
        int tailReads = readsOf(() -> readAll(engine, new GlobalSequenceTrackingToken(239)));
        List<String> second = new ArrayList<>();
        int secondReads = readsOf(() -> second.addAll(texts(readAll(engine, null))));
        List<String> fromTheMiddle = new ArrayList<>();
        int middleReads = readsOf(() -> fromTheMiddle.addAll(texts(readAll(engine, new GlobalSequenceTrackingToken(150)))));

        assertThat(first).hasSize(240).startsWith("registered 0", "dispatched 0").endsWith("dispatched 119");
        assertThat(second).isEqualTo(first);
        assertThat(fromTheMiddle).isEqualTo(first.subList(151, 240));
        // at the end of the log a reader still asks the store for what may have come since, and for nothing else
        assertThat(firstReads).isGreaterThan(tailReads + 4);
        assertThat(secondReads).isEqualTo(tailReads + 1);
        assertThat(middleReads).isEqualTo(tailReads + 1);
    }

    private int readsOf(Runnable reading) {
        int before = logReads.get();
        reading.run();
        return logReads.get() - before;
    }

    @Test
    void aRunOfKeptCommitsStopsAtTheFirstNotKept() {
        RecentCommits recent = new RecentCommits(100);
        recent.keep(commits(0, 2, 2, 3, 5, 9)); // commits at 0..1, 2, 5..8 (3..4 not read)

        assertThat(recent.from(0, 100).keySet()).containsExactly(0L, 2L);
        assertThat(recent.from(1, 100).keySet()).as("from inside the first commit").containsExactly(0L, 2L);
        assertThat(recent.from(3, 100)).as("the commit holding 3 was not read").isEmpty();
        assertThat(recent.from(6, 100).keySet()).containsExactly(5L);
        assertThat(recent.from(9, 100)).as("past the last commit read").isEmpty();
        assertThat(recent.from(0, 2).keySet()).as("up to the end asked for").containsExactly(0L);
    }

    @Test
    void pastTheCapacityTheOldestCommitsLeaveFirst() {
        RecentCommits recent = new RecentCommits(10);
        recent.keep(commits(0, 4, 4, 8));
        recent.keep(commits(8, 12));
        recent.keep(commits(8, 12)); // read again by another processor: counted once

        assertThat(recent.events()).isEqualTo(8);
        assertThat(recent.from(0, 100)).isEmpty();
        assertThat(recent.from(4, 100).keySet()).containsExactly(4L, 8L);
    }

    // ---------------------------------------------------------------- helpers

    /** Commits at the given (start, next) pairs. */
    private static Map<Long, Document> commits(long... bounds) {
        Map<Long, Document> commits = new TreeMap<>();
        for (int i = 0; i < bounds.length; i += 2) {
            commits.put(bounds[i], new Document(CommitLog.POSITION, bounds[i]).append(CommitLog.NEXT, bounds[i + 1]));
        }
        return commits;
    }

    private MongoCommitLogStorageEngine engine() {
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("find")
                                && event.getCommand().getString("find").getValue().equals("events")) {
                            logReads.incrementAndGet();
                        }
                    }
                }).build());
        MongoCommitLogStorageEngine engine = MongoCommitLogStorageEngine.builder()
                .database(client.getDatabase("hotline"))
                .eventSerializer(EventStoreConfiguration.jsonSerializer())
                .snapshotSerializer(EventStoreConfiguration.jsonSerializer())
                .batchSize(50)
                .build();
        engine.ensureIndexes();
        return engine;
    }

    private static DomainEventMessage<?> event(String caseId, long seq, String text) {
        return new GenericDomainEventMessage<>("Case", caseId, seq, new Noted(text));
    }

    private static List<TrackedEventMessage<?>> readAll(MongoCommitLogStorageEngine engine, TrackingToken from) {
        return engine.readEvents(from, false).<TrackedEventMessage<?>>map(e -> e).toList();
    }

    private static List<String> texts(List<TrackedEventMessage<?>> events) {
        return events.stream().map(e -> ((Noted) e.getPayload()).text()).toList();
    }
}
