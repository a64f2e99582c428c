package io.hotline.infra.processing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Liveness from moving heartbeats, timed by the observer: a node that stops beating drops out; one that leaves goes at once. */
class NodeRosterTest {

    private static final Duration SILENCE = Duration.ofMillis(300);

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> nodes;

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        nodes = client.getDatabase("hotline").getCollection(NodeRoster.COLLECTION);
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdown();
    }

    @Test
    void aNodeThatStopsBeatingIsNoLongerCountedAndOneThatLeavesGoesAtOnce() throws Exception {
        NodeRoster a = new NodeRoster(nodes, "node-a", SILENCE);
        NodeRoster b = new NodeRoster(nodes, "node-b", SILENCE);
        NodeRoster c = new NodeRoster(nodes, "node-c", SILENCE);
        a.beat(List.of("case-view", "deadline-schedule"));
        b.beat(List.of("case-view", "deadline-schedule"));
        c.beat(List.of("deadline-schedule"));
        a.look();
        assertThat(a.liveNodes()).containsExactlyInAnyOrder("node-a", "node-b", "node-c");
        assertThat(a.liveNodesRunning("case-view")).isEqualTo(2);
        assertThat(a.liveNodesRunning("deadline-schedule")).isEqualTo(3);

        // b keeps beating, c falls silent (killed), and a watches for longer than the silence allowed.
        for (int i = 0; i < 4; i++) {
            Thread.sleep(SILENCE.toMillis() / 2);
            a.beat(List.of("case-view", "deadline-schedule"));
            b.beat(List.of("case-view", "deadline-schedule"));
            a.look();
        }
        assertThat(a.liveNodes()).containsExactlyInAnyOrder("node-a", "node-b");
        assertThat(a.liveNodesRunning("deadline-schedule")).isEqualTo(2);

        b.leave();
        a.look();
        assertThat(a.liveNodes()).containsExactly("node-a");
        assertThat(a.liveNodesRunning("case-view")).isEqualTo(1);
        assertThat(a.liveNodesRunning("a-processor-nobody-runs")).as("never less than one").isEqualTo(1);
    }
}
