package io.hotline.scaleout;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import io.hotline.infra.mongo.DurableH2Backend;
import io.hotline.infra.mongo.DurableH2Backend.Durability;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hotline store}: the embedded store as a server of its own. Every write it acknowledged is still there
 * after it is killed (SIGKILL) and started again on the same data; SIGTERM stops it cleanly. And what that
 * durability costs per write, measured and logged (README, "Operations").
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StandaloneStoreTest {

    private static final Logger log = LoggerFactory.getLogger(StandaloneStoreTest.class);
    private static final int WRITES = 300;
    private static final Path LOGS = Path.of("target", "scaleout", "standalone-store").toAbsolutePath();

    @Test
    void everyAcknowledgedWriteSurvivesAKilledStore(@TempDir Path dataDir) {
        int port = StoreUnderTest.freePort();
        ChildJvm store = start("store-killed", port, dataDir, "commit");
        try (MongoClient client = client(port)) {
            writeOneByOne(client.getDatabase("hotline").getCollection("acknowledged"));
        }
        store.kill();

        ChildJvm restarted = start("store-restarted", port, dataDir, "commit");
        try (MongoClient client = client(port)) {
            MongoCollection<Document> written = client.getDatabase("hotline").getCollection("acknowledged");
            assertThat(written.countDocuments()).isEqualTo(WRITES);
            assertThat(written.find(new Document("_id", WRITES - 1)).first()).isNotNull();
        } finally {
            assertThat(restarted.terminate(Duration.ofSeconds(20))).as("stops on SIGTERM").isTrue();
            restarted.stop();
        }
        assertThat(restarted.logContains("Standalone store stopped; its data file is closed")).isTrue();
    }

    /** Without the commit per write, a killed store loses what auto-commit had not yet written: logged, not asserted. */
    @Test
    void withoutDurabilityAKilledStoreMayLoseAcknowledgedWrites(@TempDir Path dataDir) {
        int port = StoreUnderTest.freePort();
        ChildJvm store = start("store-none-killed", port, dataDir, "none");
        try (MongoClient client = client(port)) {
            writeOneByOne(client.getDatabase("hotline").getCollection("acknowledged"));
        }
        store.kill();
        ChildJvm restarted = start("store-none-restarted", port, dataDir, "commit");
        try (MongoClient client = client(port)) {
            long kept = client.getDatabase("hotline").getCollection("acknowledged").countDocuments();
            log.info("With --durability=none, a store killed right after {} acknowledged writes kept {}", WRITES, kept);
            assertThat(kept).isLessThanOrEqualTo(WRITES);
        } finally {
            restarted.stop();
        }
    }

    /**
     * The price of each level, one write at a time from one client (the worst case: nothing to batch). The
     * levels take turns, round after round, and the median round counts, so that load from whatever else
     * runs on the machine falls on all three alike.
     */
    @Test
    void whatDurabilityCostsPerWrite(@TempDir Path dataDir) {
        int rounds = 7;
        int writes = 100;
        Map<Durability, MongoServer> servers = new EnumMap<>(Durability.class);
        Map<Durability, MongoClient> clients = new EnumMap<>(Durability.class);
        Map<Durability, List<Double>> micros = new EnumMap<>(Durability.class);
        try {
            for (Durability durability : Durability.values()) {
                MongoServer server = new MongoServer(new DurableH2Backend(
                        MVStore.open(dataDir.resolve(durability.name() + ".mv").toString()), durability));
                server.bind("127.0.0.1", 0);
                servers.put(durability, server);
                clients.put(durability, client(server.getLocalAddress().getPort()));
                micros.put(durability, new ArrayList<>());
            }
            for (int round = 0; round < rounds; round++) {
                for (Durability durability : Durability.values()) {
                    MongoCollection<Document> cost = clients.get(durability).getDatabase("hotline").getCollection("cost");
                    long began = System.nanoTime();
                    for (int i = 0; i < writes; i++) {
                        cost.insertOne(new Document("_id", round * writes + i).append("payload", "受理 ".repeat(100)));
                    }
                    micros.get(durability).add((System.nanoTime() - began) / 1000.0 / writes);
                }
            }
            for (Durability durability : Durability.values()) {
                assertThat(clients.get(durability).getDatabase("hotline").getCollection("cost").countDocuments())
                        .isEqualTo((long) rounds * writes);
            }
        } finally {
            clients.values().forEach(MongoClient::close);
            servers.values().forEach(MongoServer::shutdown);
        }
        log.info("Cost of one acknowledged insert (median of {} rounds of {}, one client): none {} µs, "
                        + "commit {} µs, fsync {} µs", rounds, writes, median(micros.get(Durability.NONE)),
                median(micros.get(Durability.COMMIT)), median(micros.get(Durability.FSYNC)));
    }

    private static long median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return Math.round(sorted.get(sorted.size() / 2));
    }

    private static ChildJvm start(String name, int port, Path dataDir, String durability) {
        ChildJvm store = ChildJvm.start(name, LOGS, Map.of(),
                List.of("store", "--port=" + port, "--data-dir=" + dataDir, "--durability=" + durability));
        Waiting.until(name + " serves", Duration.ofSeconds(60), () -> store.logContains("Standalone store serving")
                || !store.isAlive());
        assertThat(store.isAlive()).as(name + " runs:\n" + store.logTail(20)).isTrue();
        return store;
    }

    private static MongoClient client(int port) {
        return MongoClients.create("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=10000");
    }

    private static void writeOneByOne(MongoCollection<Document> collection) {
        for (int i = 0; i < WRITES; i++) {
            collection.insertOne(new Document("_id", i).append("payload", "受理 ".repeat(100)));
        }
    }
}
