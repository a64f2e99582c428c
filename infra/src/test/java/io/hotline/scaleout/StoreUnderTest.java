package io.hotline.scaleout;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The store the nodes of a failure test share. With {@code MONGODB_URI} set (a real replica set the tester
 * provides) it is that server with a fresh database for this test; otherwise the standalone embedded store
 * ({@code hotline store}) in a child process with a temporary data directory.
 */
final class StoreUnderTest implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreUnderTest.class);

    private final String nodeUri;
    private final String database;
    private final ChildJvm process;
    private final MongoClient client;

    private StoreUnderTest(String nodeUri, String testUri, String database, ChildJvm process) {
        this.nodeUri = nodeUri;
        this.database = database;
        this.process = process;
        this.client = MongoClients.create(testUri);
    }

    static StoreUnderTest start(String testName, Path logDir, Path dataDir) {
        String external = System.getenv("MONGODB_URI");
        if (external != null && !external.isBlank()) {
            String database = "hotline_" + testName.toLowerCase() + "_" + UUID.randomUUID().toString().substring(0, 8);
            log.info("Failure test {} runs against the MongoDB of MONGODB_URI, database {}", testName, database);
            return new StoreUnderTest(external, external, database, null);
        }
        int port = freePort();
        ChildJvm store = ChildJvm.start("store", logDir, Map.of(),
                List.of("store", "--port=" + port, "--data-dir=" + dataDir));
        String uri = "mongodb://127.0.0.1:" + port + "/hotline";
        StoreUnderTest started = new StoreUnderTest(uri, uri + "?serverSelectionTimeoutMS=2000", "hotline", store);
        try {
            started.awaitReachable(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    /** The environment that points a node at this store and this test's database. */
    Map<String, String> nodeEnvironment() {
        return Map.of("MONGODB_URI", nodeUri, "MONGODB_DATABASE", database);
    }

    MongoDatabase database() {
        return client.getDatabase(database);
    }

    private void awaitReachable(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                client.getDatabase("admin").runCommand(new Document("ping", 1));
                return;
            } catch (RuntimeException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the standalone store never answered:\n" + process.logTail(40), e);
                }
            }
        }
    }

    @Override
    public void close() {
        if (process == null) {
            client.getDatabase(database).drop();
        }
        client.close();
        if (process != null) {
            process.stop();
            log.info("Standalone store stopped with exit value {}", process.exitValue());
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
