package io.hotline.infra.eventstore;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of the event log: what goes in comes out, in order, once; concurrent writers to one case are
 * detected; the global positions stay dense whatever the writers do.
 */
class MongoCommitLogStorageEngineTest {

    record Noted(String text) {
    }

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void appendedEventsReadBackPerCaseAndInLogOrder() {
        MongoDatabase database = memoryDatabase();
        MongoCommitLogStorageEngine engine = engine(database);

        engine.appendEvents(event("case-a", 0, "registered"), event("case-a", 1, "dispatched"));
        engine.appendEvents(event("case-b", 0, "registered"));
        engine.appendEvents(event("case-a", 2, "signed"));

        assertThat(engine.readEvents("case-a").asStream().map(e -> ((Noted) e.getPayload()).text()))
                .containsExactly("registered", "dispatched", "signed");
        assertThat(engine.readEvents("case-a").asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(0L, 1L, 2L);
        assertThat(engine.lastSequenceNumberFor("case-a")).contains(2L);
        assertThat(engine.lastSequenceNumberFor("case-z")).isEmpty();

        List<TrackedEventMessage<?>> log = readAll(engine, null);
        assertThat(log).extracting(e -> ((Noted) e.getPayload()).text())
                .containsExactly("registered", "dispatched", "registered", "signed");
        assertThat(log).extracting(e -> e.trackingToken().position().getAsLong()).containsExactly(0L, 1L, 2L, 3L);
    }

    /**
     * The embedded server answers from an index only when a filter names exactly that index's fields (an
     * {@code $and} of the same two equalities scans the whole log): loading a case must use such a filter.
     */
    @Test
    void aCommitIsLookedUpByExactlyTheFieldsOfTheUniqueIndex() {
        MongoDatabase database = memoryDatabase();
        MongoCommitLogStorageEngine engine = engine(database);
        engine.ensureIndexes();

        Document index = database.getCollection("events").listIndexes().into(new ArrayList<>()).stream()
                .filter(candidate -> CommitLog.AGGREGATE_COMMIT_INDEX.equals(candidate.getString("name")))
                .findFirst().orElseThrow();
        assertThat(index.getBoolean("unique")).isTrue();
        assertThat(CommitLog.commitKey("case-a", 3).toBsonDocument().keySet())
                .containsExactlyElementsOf(index.get("key", Document.class).keySet());
    }

    @Test
    void storedEventsAreReadableJsonDocuments() {
        MongoDatabase database = memoryDatabase();
        MongoCommitLogStorageEngine engine = engine(database);

        engine.appendEvents(event("case-a", 0, "路灯不亮"));

        Document commit = database.getCollection("events").find().first();
        Document stored = commit.getList("events", Document.class).get(0);
        assertThat(stored.get("payload", Document.class).getString("text")).isEqualTo("路灯不亮");
        assertThat(stored.getString("payloadType")).endsWith("Noted");
    }

    @Test
    void readingResumesFromATokenInTheMiddleOfACommit() {
        MongoCommitLogStorageEngine engine = engine(memoryDatabase());
        engine.appendEvents(event("case-a", 0, "one"), event("case-a", 1, "two"), event("case-a", 2, "three"));
        engine.appendEvents(event("case-b", 0, "four"));

        assertThat(readAll(engine, new GlobalSequenceTrackingToken(1)))
                .extracting(e -> ((Noted) e.getPayload()).text())
                .containsExactly("three", "four");
    }

    @Test
    void ofTwoConcurrentAppendsToOneCaseExactlyOneWins() throws Exception {
        MongoDatabase database = memoryDatabase();
        MongoCommitLogStorageEngine nodeOne = engine(database);
        MongoCommitLogStorageEngine nodeTwo = engine(database);
        nodeOne.appendEvents(event("case-a", 0, "registered"));

        for (int round = 1; round <= 20; round++) {
            long seq = round;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<Boolean> first = pool.submit(() -> appendAfter(start, nodeOne, event("case-a", seq, "one-" + seq)));
            Future<Boolean> second = pool.submit(() -> appendAfter(start, nodeTwo, event("case-a", seq, "two-" + seq)));
            start.countDown();
            assertThat(List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS)))
                    .as("round %d: exactly one of the two appends is stored", round)
                    .containsExactlyInAnyOrder(true, false);
            pool.shutdown();
        }
        assertThat(engine(database).readEvents("case-a").asStream().count()).isEqualTo(21);
        assertThat(readAll(engine(database), null)).extracting(e -> e.trackingToken().position().getAsLong())
                .containsExactlyElementsOf(range(21));
    }

    private static boolean appendAfter(CountDownLatch start, MongoCommitLogStorageEngine engine,
                                       DomainEventMessage<?> event) throws InterruptedException {
        start.await();
        try {
            engine.appendEvents(event);
            return true;
        } catch (ConcurrencyException e) {
            return false;
        }
    }

    @Test
    void aRejectedAppendLeavesNoGapInThePositions() {
        MongoCommitLogStorageEngine engine = engine(memoryDatabase());
        engine.appendEvents(event("case-a", 0, "registered"));

        assertThatThrownBy(() -> engine.appendEvents(event("case-a", 0, "registered again")))
                .isInstanceOf(AggregateStreamCreationException.class);
        engine.appendEvents(event("case-a", 1, "one"), event("case-a", 2, "two"));
        assertThatThrownBy(() -> engine.appendEvents(event("case-a", 1, "one, again")))
                .isInstanceOf(ConcurrencyException.class);
        engine.appendEvents(event("case-b", 0, "registered"));

        assertThat(readAll(engine, null)).extracting(e -> e.trackingToken().position().getAsLong())
                .containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void aReaderStopsAtAPositionStillBeingWrittenAndDeliversItOnceItLands() {
        MongoDatabase database = memoryDatabase();
        MongoCommitLogStorageEngine engine = engine(database);
        engine.appendEvents(event("case-a", 0, "zero"));
        engine.appendEvents(event("case-b", 0, "one"));
        engine.appendEvents(event("case-c", 0, "two"));
        // Make position 1 look like a write in flight: a reader must not skip past it.
        Document inFlight = database.getCollection("events").findOneAndDelete(new Document("_id", 1L));

        List<TrackedEventMessage<?>> before = readAll(engine, null);
        assertThat(before).extracting(e -> ((Noted) e.getPayload()).text()).containsExactly("zero");

        database.getCollection("events").insertOne(inFlight);
        List<TrackedEventMessage<?>> after = readAll(engine, before.get(before.size() - 1).trackingToken());
        assertThat(after).extracting(e -> ((Noted) e.getPayload()).text()).containsExactly("one", "two");
    }

    @Test
    void aWriterStalledBetweenTakingAPositionAndStoringIsNeverSkippedByAReader() throws Exception {
        MongoDatabase database = memoryDatabase();
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean stallOnce = new AtomicBoolean(true);
        CommitWrites stallingOnce = new StallingCommitWrites(CommitLog.plainWrites(database), 1, Duration.ZERO,
                pause -> {
                    if (stallOnce.getAndSet(false)) {
                        stalled.countDown();
                        await(release);
                    }
                });
        MongoCommitLogStorageEngine slowNode = MongoCommitLogStorageEngine.builder()
                .eventSerializer(EventStoreConfiguration.jsonSerializer())
                .snapshotSerializer(EventStoreConfiguration.jsonSerializer())
                .commitLog(new CommitLog(database, stallingOnce))
                .build();
        slowNode.ensureIndexes();
        MongoCommitLogStorageEngine fastNode = engine(database);
        fastNode.appendEvents(event("case-a", 0, "first"));

        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> slowAppend = pool.submit(() -> slowNode.appendEvents(event("case-slow", 0, "slow")));
        assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();
        fastNode.appendEvents(event("case-b", 0, "fast-1"));
        fastNode.appendEvents(event("case-c", 0, "fast-2"));
        List<TrackedEventMessage<?>> readWhileStalled = readAll(fastNode, null);

        release.countDown();
        slowAppend.get(10, TimeUnit.SECONDS);
        pool.shutdown();
        List<TrackedEventMessage<?>> readAfter = readAll(fastNode,
                readWhileStalled.get(readWhileStalled.size() - 1).trackingToken());

        List<String> seen = new ArrayList<>();
        readWhileStalled.forEach(e -> seen.add(((Noted) e.getPayload()).text()));
        readAfter.forEach(e -> seen.add(((Noted) e.getPayload()).text()));
        assertThat(seen).containsExactly("first", "fast-1", "fast-2", "slow");
        assertThat(readAll(fastNode, null)).extracting(e -> e.trackingToken().position().getAsLong())
                .containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void eventsAndPositionsSurviveARestartOfTheStore(@TempDir Path dataDir) {
        String file = dataDir.resolve("store.mv").toString();
        MongoServer server = new MongoServer(new H2Backend(file));
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCommitLogStorageEngine engine = engine(client.getDatabase("hotline"));
            engine.appendEvents(event("case-a", 0, "before restart"), event("case-a", 1, "also before"));
        }
        server.shutdown();

        MongoServer restarted = new MongoServer(new H2Backend(file));
        restarted.bind("127.0.0.1", 0);
        resources.add(restarted::shutdown);
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + restarted.getLocalAddress().getPort());
        resources.add(client);
        MongoCommitLogStorageEngine engine = engine(client.getDatabase("hotline"));
        engine.appendEvents(event("case-b", 0, "after restart"));

        assertThat(readAll(engine, null)).extracting(e -> ((Noted) e.getPayload()).text())
                .containsExactly("before restart", "also before", "after restart");
        assertThat(readAll(engine, null)).extracting(e -> e.trackingToken().position().getAsLong())
                .containsExactly(0L, 1L, 2L);
        assertThat(engine.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(2));
    }

    @Test
    void eventsThatBelongToNoCaseAreStoredAsWell() {
        MongoCommitLogStorageEngine engine = engine(memoryDatabase());
        engine.appendEvents(GenericEventMessage.asEventMessage(new Noted("a reminder")));
        engine.appendEvents(GenericEventMessage.asEventMessage(new Noted("another")));

        assertThat(readAll(engine, null)).extracting(e -> ((Noted) e.getPayload()).text())
                .containsExactly("a reminder", "another");
    }

    @Test
    void tokensAtTheHeadAndAtAMomentPointIntoTheLog() {
        MongoCommitLogStorageEngine engine = engine(memoryDatabase());
        assertThat(engine.createHeadToken()).isNull();
        Instant t0 = Instant.parse("2026-11-20T00:00:00Z");
        for (int i = 0; i < 10; i++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Case", "case-" + i, 0, new Noted("e" + i),
                    java.util.Map.of(), java.util.UUID.randomUUID().toString(), t0.plusSeconds(60L * i)));
        }

        assertThat(engine.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(9));
        assertThat(engine.createTokenAt(t0.plusSeconds(60 * 4))).isEqualTo(new GlobalSequenceTrackingToken(3));
        assertThat(engine.createTokenAt(t0.minusSeconds(1))).isNull();
    }

    @Test
    void theEventsOfOneCommandAreStoredTogetherInOneDocument() {
        MongoDatabase database = memoryDatabase();
        MongoCommitLogStorageEngine engine = engine(database);
        engine.appendEvents(event("case-a", 0, "one"), event("case-a", 1, "two"), event("case-b", 0, "three"));

        assertThat(database.getCollection("events").countDocuments()).isEqualTo(2);
        assertThat(database.getCollection("events").find(new Document("_id", 0L)).first().getLong("next"))
                .isEqualTo(2L);
    }

    @Test
    void everyEventCarriesAHashChainedToThePreviousEventOfItsCase() {
        MongoCommitLogStorageEngine engine = engine(memoryDatabase());
        engine.appendEvents(event("case-a", 0, "registered"), event("case-a", 1, "dispatched"));
        engine.appendEvents(event("case-b", 0, "registered"));
        engine.appendEvents(event("case-a", 2, "signed"));

        List<? extends DomainEventMessage<?>> caseA = engine.readEvents("case-a").asStream().toList();
        assertThat(caseA.get(0).getMetaData().get(EventChain.PREVIOUS)).isEqualTo("");
        assertThat(caseA.get(1).getMetaData().get(EventChain.PREVIOUS)).isEqualTo(caseA.get(0).getMetaData().get(EventChain.HASH));
        assertThat(caseA.get(2).getMetaData().get(EventChain.PREVIOUS)).isEqualTo(caseA.get(1).getMetaData().get(EventChain.HASH));
        assertThat(engine.verifyCase("case-a")).isEmpty();
        assertThat(engine.verifyLog((done, total) -> { })).isEmpty();
    }

    @Test
    void theVerifierNamesAnEventEditedDirectlyInTheStore() {
        MongoDatabase database = memoryDatabase();
        MongoCommitLogStorageEngine engine = engine(database);
        engine.appendEvents(event("case-a", 0, "registered"));
        engine.appendEvents(event("case-a", 1, "路灯已修复"));
        engine.appendEvents(event("case-a", 2, "closed"));
        String tamperedId = engine.readEvents("case-a").asStream().toList().get(1).getIdentifier();

        database.getCollection("events").updateOne(new Document("_id", 1L),
                new Document("$set", new Document("events.0.payload.text", "路灯未修复")));

        assertThat(engine.verifyCase("case-a")).hasValueSatisfying(broken -> {
            assertThat(broken.caseId()).isEqualTo("case-a");
            assertThat(broken.sequenceNumber()).isEqualTo(1);
            assertThat(broken.eventId()).isEqualTo(tamperedId);
            assertThat(broken.reason()).contains("changed");
        });
        assertThat(engine.verifyLog((done, total) -> { })).hasValueSatisfying(broken ->
                assertThat(broken.eventId()).isEqualTo(tamperedId));
    }

    @Test
    void theVerifierNoticesARemovedEvent() {
        MongoDatabase database = memoryDatabase();
        MongoCommitLogStorageEngine engine = engine(database);
        engine.appendEvents(event("case-a", 0, "registered"));
        engine.appendEvents(event("case-a", 1, "dispatched"));
        engine.appendEvents(event("case-a", 2, "signed"));
        // Rewrite the last commit to follow the first, as if "dispatched" had never happened.
        database.getCollection("events").deleteOne(new Document("_id", 1L));
        database.getCollection("events").updateOne(new Document("_id", 2L),
                new Document("$set", new Document("firstSeq", 1L).append("lastSeq", 1L).append("events.0.seq", 1L)));
        database.getCollection("events").updateOne(new Document("_id", 0L), new Document("$set", new Document("next", 2L)));

        assertThat(engine.verifyCase("case-a")).hasValueSatisfying(broken ->
                assertThat(broken.sequenceNumber()).isEqualTo(1));
    }

    @Test
    void commitsOfManyCasesInOneCallAreStoredTogetherAtConsecutivePositions() {
        MongoDatabase database = memoryDatabase();
        MongoCommitLogStorageEngine engine = engine(database);
        engine.appendEvents(event("case-0", 0, "before"));
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            batch.add(event("case-" + i, 0, "registered " + i));
            batch.add(event("case-" + i, 1, "dispatched " + i));
        }
        engine.appendEvents(batch);
        engine.appendEvents(event("case-0", 1, "after"));

        assertThat(readAll(engine, null)).extracting(e -> e.trackingToken().position().getAsLong())
                .containsExactlyElementsOf(range(102));
        assertThat(database.getCollection("events").countDocuments()).isEqualTo(52);
        assertThat(engine.readEvents("case-7").asStream().map(e -> ((Noted) e.getPayload()).text()))
                .containsExactly("registered 7", "dispatched 7");
        assertThat(engine.verifyLog((done, total) -> { })).isEmpty();
    }

    @Test
    void aConflictInsideABatchStoresWhatWasAcceptedAndRefusesTheRest() {
        MongoCommitLogStorageEngine engine = engine(memoryDatabase());
        engine.appendEvents(event("case-2", 0, "already there"));

        assertThatThrownBy(() -> engine.appendEvents(List.of(event("case-1", 0, "one"), event("case-2", 0, "two"),
                event("case-3", 0, "three")))).isInstanceOf(AggregateStreamCreationException.class);

        assertThat(readAll(engine, null)).extracting(e -> ((Noted) e.getPayload()).text())
                .containsExactly("already there", "one");
        engine.appendEvents(event("case-3", 0, "three, again"));
        assertThat(readAll(engine, null)).extracting(e -> e.trackingToken().position().getAsLong())
                .containsExactly(0L, 1L, 2L);
    }

    /**
     * A processor at the head asks for a batch past its token, most of it not written yet: the log is read window
     * by window only as far as it reaches, one find per poll instead of one per window of the batch.
     */
    @Test
    void aReaderAtTheHeadAsksTheStoreOncePerPoll() {
        AtomicInteger finds = new AtomicInteger();
        MongoCommitLogStorageEngine engine = engine(countingFinds(finds));
        for (int i = 0; i < 70; i++) {
            engine.appendEvents(event("case-" + i, 0, "e" + i));
        }

        finds.set(0);
        // from position 65 the batch of 100 spans two windows (the look-back for a commit begun earlier, 63, and
        // the batch): the first window holds everything up to the head
        List<TrackedEventMessage<?>> tail = readAll(engine, new GlobalSequenceTrackingToken(64));

        assertThat(tail).extracting(e -> ((Noted) e.getPayload()).text()).containsExactly("e65", "e66", "e67", "e68", "e69");
        assertThat(finds).as("one poll that finds the five, one that finds nothing more").hasValue(2);
        assertThat(readAll(engine, null)).extracting(e -> e.trackingToken().position().getAsLong())
                .containsExactlyElementsOf(range(70));
    }

    // ---------------------------------------------------------------- helpers

    private MongoDatabase countingFinds(AtomicInteger finds) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        resources.add(server::shutdown);
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("find")
                                && event.getCommand().getString("find").getValue().equals(CommitLog.COMMITS)) {
                            finds.incrementAndGet();
                        }
                    }
                }).build());
        resources.add(client);
        return client.getDatabase("hotline");
    }

    private MongoDatabase memoryDatabase() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        resources.add(server::shutdown);
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        resources.add(client);
        return client.getDatabase("hotline");
    }

    private static MongoCommitLogStorageEngine engine(MongoDatabase database) {
        MongoCommitLogStorageEngine engine = MongoCommitLogStorageEngine.builder()
                .database(database)
                .eventSerializer(EventStoreConfiguration.jsonSerializer())
                .snapshotSerializer(EventStoreConfiguration.jsonSerializer())
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

    private static List<Long> range(int count) {
        List<Long> positions = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            positions.add(i);
        }
        return positions;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
