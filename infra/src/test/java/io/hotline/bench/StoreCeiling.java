package io.hotline.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's own ceiling, measured in the same run with the same driver: single-document inserts per second on
 * the file backend and in memory, and documents per second in batches of 100 in memory. Documents are about the
 * size of a stored commit.
 */
final class StoreCeiling {

    record Figures(double fileSingle, double memorySingle, double memoryBatched) {
    }

    private StoreCeiling() {
    }

    static Figures measure(Path dir, Duration each) {
        double file = singleInserts(new H2Backend(dir.resolve("ceiling.mv").toString()), each);
        double memory = singleInserts(new MemoryBackend(), each);
        double batched = batchedInserts(new MemoryBackend(), each);
        return new Figures(file, memory, batched);
    }

    private static double singleInserts(MongoBackend backend, Duration duration) {
        return withCollection(backend, collection -> {
            long deadline = System.nanoTime() + duration.toNanos();
            long start = System.nanoTime();
            long n = 0;
            while (System.nanoTime() < deadline) {
                collection.insertOne(sample(n++));
            }
            return n / ((System.nanoTime() - start) / 1e9);
        });
    }

    private static double batchedInserts(MongoBackend backend, Duration duration) {
        return withCollection(backend, collection -> {
            long deadline = System.nanoTime() + duration.toNanos();
            long start = System.nanoTime();
            long n = 0;
            while (System.nanoTime() < deadline) {
                List<Document> batch = new ArrayList<>(100);
                for (int i = 0; i < 100; i++) {
                    batch.add(sample(n++));
                }
                collection.insertMany(batch);
            }
            return n / ((System.nanoTime() - start) / 1e9);
        });
    }

    private static double withCollection(MongoBackend backend, java.util.function.ToDoubleFunction<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            return work.applyAsDouble(client.getDatabase("ceiling").getCollection("docs"));
        } finally {
            server.shutdown();
        }
    }

    private static Document sample(long n) {
        return new Document("_id", n).append("aggregateId", "case-" + n).append("firstSeq", 0L)
                .append("events", List.of(new Document("eventId", "e-" + n)
                        .append("payloadType", "io.hotline.kernel.cases.CaseRegistered")
                        .append("payload", new Document("title", "路灯不亮").append("content", "小区门口路灯坏了三天".repeat(8))
                                .append("area", "370602").append("category", "COMPLAINT"))
                        .append("metaData", new Document("correlationId", "c-" + n).append("hash", "0".repeat(64)))));
    }
}
