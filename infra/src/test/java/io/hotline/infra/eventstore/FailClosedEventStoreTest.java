package io.hotline.infra.eventstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.hotline.command.cases.CaseRecordDamaged;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A case loaded for a command fails closed when commits acknowledged before the load are missing, and only then: a
 * commit stored while the load reads is another command's concurrent change, not damage.
 */
class FailClosedEventStoreTest {

    record Noted(String text) {
    }

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private MongoClient client;
    private MongoCommitLogStorageEngine engine;
    private SimpleMeterRegistry meters;
    private FailClosedEventStore store;

    /** The store's reads of snapshots, as its driver sends them. */
    private final AtomicInteger snapshotReads = new AtomicInteger();

    private MongoDatabase open() {
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("find")
                                && event.getCommand().getString("find").getValue().equals("snapshots")) {
                            snapshotReads.incrementAndGet();
                        }
                    }
                }).build());
        MongoDatabase database = client.getDatabase("hotline");
        engine = engine(database);
        engine.ensureIndexes();
        meters = new SimpleMeterRegistry();
        store = new FailClosedEventStore(EmbeddedEventStore.builder().storageEngine(engine),
                engine::lastAcknowledgedSequenceNumber, meters);
        return database;
    }

    private static MongoCommitLogStorageEngine engine(MongoDatabase database) {
        return MongoCommitLogStorageEngine.builder().database(database)
                .eventSerializer(EventStoreConfiguration.jsonSerializer())
                .snapshotSerializer(EventStoreConfiguration.jsonSerializer()).build();
    }

    @AfterEach
    void close() {
        store.shutDown();
        client.close();
        server.shutdown();
    }

    private void append(long seq) {
        engine.appendEvents(new GenericDomainEventMessage<>("Case", "case-1", seq, new Noted("e" + seq)));
    }

    private static long drain(DomainEventStream events) {
        long count = 0;
        while (events.hasNext()) {
            events.next();
            count++;
        }
        return count;
    }

    @Test
    void aCompleteRecordLoads() {
        open();
        for (long seq = 0; seq < 4; seq++) {
            append(seq);
        }
        assertThat(drain(store.readEvents("case-1"))).isEqualTo(4);
        assertThat(meters.find("hotline.integrity.alerts").counter()).isNull();
    }

    @Test
    void aCommitStoredWhileTheLoadReadsIsNoDamage() {
        open();
        for (long seq = 0; seq < 4; seq++) {
            append(seq);
        }
        DomainEventStream events = store.readEvents("case-1");
        assertThat(events.hasNext()).isTrue(); // the read has begun
        append(4); // another command on the case, meanwhile

        assertThat(drain(events)).isBetween(4L, 5L);
        assertThat(meters.find("hotline.integrity.alerts").counter()).isNull();
    }

    @Test
    void aMissingCommitAcknowledgedBeforeTheLoadFailsIt() {
        MongoDatabase database = open();
        for (long seq = 0; seq < 4; seq++) {
            append(seq);
        }
        database.getCollection("events").deleteOne(new Document("aggregateId", "case-1").append("firstSeq", 2L));

        assertThatThrownBy(() -> drain(store.readEvents("case-1"))).isInstanceOf(CaseRecordDamaged.class)
                .hasMessageContaining("sequence 3");
        assertThat(meters.find("hotline.integrity.alerts").counter().count()).isEqualTo(1.0);
        // the auditors' way in is not checked: what is left still reads
        assertThat(drain(store.readEvents("case-1", 0))).isEqualTo(2);
    }

    @Test
    void aCaseBeingRegisteredIsReadWithoutAskingForASnapshot() {
        open();
        assertThat(drain(store.readEvents("case-new"))).isZero();
        assertThat(snapshotReads.get()).isZero();
    }

    @Test
    void aCaseWithAnAcknowledgedCommitStartsFromItsSnapshot() {
        open();
        for (long seq = 0; seq < 4; seq++) {
            append(seq);
        }
        engine.storeSnapshot(new GenericDomainEventMessage<>("Case", "case-1", 2, new Noted("snapshot at 2")));
        DomainEventStream events = store.readEvents("case-1");
        DomainEventMessage<?> first = events.next();
        assertThat(first.getPayload()).isEqualTo(new Noted("snapshot at 2"));
        assertThat(drain(events)).isEqualTo(1); // seq 3
        assertThat(snapshotReads.get()).isEqualTo(1);
    }

    /** Another node appended the case and has not written its head yet: this node loads it whole from its events. */
    @Test
    void aCaseWhoseHeadIsNotWrittenYetLoadsWholeFromItsEvents() {
        MongoDatabase database = open();
        MongoCommitLogStorageEngine otherNode = engine(database);
        for (long seq = 0; seq < 4; seq++) {
            otherNode.appendEvents(new GenericDomainEventMessage<>("Case", "case-2", seq, new Noted("e" + seq)));
        }
        otherNode.storeSnapshot(new GenericDomainEventMessage<>("Case", "case-2", 2, new Noted("snapshot at 2")));
        DomainEventStream events = store.readEvents("case-2");
        assertThat(events.next().getPayload()).isEqualTo(new Noted("e0"));
        assertThat(drain(events)).isEqualTo(3);
        assertThat(snapshotReads.get()).isZero();
    }
}
