package io.hotline.infra.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The acknowledged head of each case: noted in memory, written in batches, never moving back. */
class CaseHeadsTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private MongoClient client;

    @AfterEach
    void close() {
        client.close();
        server.shutdown();
    }

    private MongoDatabase database() {
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        return client.getDatabase("hotline");
    }

    @Test
    void aNoteCountsAtOnceOnThisNodeAndOnEveryNodeOnceFlushed() {
        MongoDatabase database = database();
        CaseHeads writer = new CaseHeads(database);
        CaseHeads otherNode = new CaseHeads(database);
        assertThat(writer.lastAcknowledged("case-1")).isEmpty();

        writer.note("case-1", 4);
        assertThat(writer.lastAcknowledged("case-1")).contains(4L);
        assertThat(otherNode.lastAcknowledged("case-1")).isEmpty();

        writer.flush();
        assertThat(otherNode.lastAcknowledged("case-1")).contains(4L);
        assertThat(database.getCollection(CaseHeads.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void aHeadNeverMovesBackWhateverOrderNodesFlushIn() {
        MongoDatabase database = database();
        CaseHeads ahead = new CaseHeads(database);
        CaseHeads behind = new CaseHeads(database);
        ahead.note("case-1", 9);
        ahead.note("case-1", 7);
        ahead.flush();
        behind.note("case-1", 5);
        behind.flush();

        assertThat(new CaseHeads(database).lastAcknowledged("case-1")).contains(9L);
    }

    @Test
    void manyCasesGoOutInOneFlushAndAnEmptyFlushWritesNothing() {
        MongoDatabase database = database();
        CaseHeads heads = new CaseHeads(database);
        heads.flush();
        for (int i = 0; i < 50; i++) {
            heads.note("case-" + i, i);
        }
        heads.flush();

        CaseHeads reader = new CaseHeads(database);
        assertThat(reader.lastAcknowledged("case-0")).contains(0L);
        assertThat(reader.lastAcknowledged("case-49")).contains(49L);
        assertThat(database.getCollection(CaseHeads.COLLECTION).countDocuments()).isEqualTo(50);
    }
}
