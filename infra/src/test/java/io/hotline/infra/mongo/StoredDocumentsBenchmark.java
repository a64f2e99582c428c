package io.hotline.infra.mongo;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.DataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What storing a document costs the embedded store's H2 file with H2's own value type (Java serialisation) and with
 * {@link BsonDocumentType}: documents shaped like a case view (about 40 fields, its deadlines, its steps) written in
 * commits of 100, then read back by key from the reopened file (every page read from the file), and the file's size.
 * Part of the benchmark harness ({@code -Pbench}); the two types run in alternating rounds and the best round of
 * each counts.
 */
class StoredDocumentsBenchmark {

    private static final Logger log = LoggerFactory.getLogger(StoredDocumentsBenchmark.class);
    private static final int DOCUMENTS = 20_000;
    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    private record Round(double writeMicros, double readMicros, long fileBytes) {
    }

    @Test
    void costPerStoredDocument() throws IOException {
        List<Document> documents = new ArrayList<>(DOCUMENTS);
        for (int i = 0; i < DOCUMENTS; i++) {
            documents.add(caseView(i));
        }
        Round h2 = null;
        Round bson = null;
        for (int round = 0; round < ROUNDS; round++) {
            h2 = best(h2, round(documents, "h2-" + round, GuardedObjectType::new));
            bson = best(bson, round(documents, "bson-" + round, BsonDocumentType::new));
        }
        String report = """
                # Stored documents: H2's value type against BSON

                %d documents shaped like a case view, written in commits of 100, read back by key from the reopened \
                file; best of %d alternating rounds.

                | value type | write µs/document | read µs/document | file bytes/document |
                |---|---|---|---|
                | H2's own (Java serialisation) | %.1f | %.1f | %d |
                | BSON (`BsonDocumentType`) | %.1f | %.1f | %d |
                """.formatted(DOCUMENTS, ROUNDS, h2.writeMicros(), h2.readMicros(), h2.fileBytes() / DOCUMENTS,
                bson.writeMicros(), bson.readMicros(), bson.fileBytes() / DOCUMENTS);
        log.info("\n{}", report);
        Path out = Path.of("target", "bench-stored-documents.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static Round best(Round best, Round round) {
        return best == null ? round : new Round(Math.min(best.writeMicros(), round.writeMicros()),
                Math.min(best.readMicros(), round.readMicros()), Math.min(best.fileBytes(), round.fileBytes()));
    }

    private Round round(List<Document> documents, String name, Supplier<DataType<Object>> valueType)
            throws IOException {
        Path file = dir.resolve(name + ".mv");
        long writeStart = System.nanoTime();
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open()) {
            MVMap<Object, Object> map = store.openMap("databases.hotline.case_views",
                    new MVMap.Builder<>().keyType(new GuardedObjectType()).valueType(valueType.get()));
            for (int i = 0; i < documents.size(); i++) {
                map.put(documents.get(i).get("_id"), documents.get(i));
                if (i % 100 == 99) {
                    store.commit();
                }
            }
            store.commit();
        }
        double writeMicros = (System.nanoTime() - writeStart) / 1e3 / documents.size();
        long fileBytes = Files.size(file);
        long readStart = System.nanoTime();
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().cacheSize(1)
                .open()) {
            MVMap<Object, Object> map = store.openMap("databases.hotline.case_views",
                    new MVMap.Builder<>().keyType(new GuardedObjectType()).valueType(valueType.get()));
            for (Document document : documents) {
                if (map.get(document.get("_id")) == null) {
                    throw new IllegalStateException("lost " + document.get("_id"));
                }
            }
        }
        double readMicros = (System.nanoTime() - readStart) / 1e3 / documents.size();
        Files.delete(file);
        return new Round(writeMicros, readMicros, fileBytes);
    }

    /** A document with the shape and about the size of a stored case view. */
    static Document caseView(int i) {
        Instant registered = Instant.parse("2026-11-02T01:00:00Z").plusSeconds(i * 37L);
        List<Document> deadlines = new ArrayList<>();
        for (String kind : List.of("SIGN", "FIRST_CONTACT", "COMPLETION")) {
            deadlines.add(new Document("kind", kind).append("unit", "U" + (i % 40)).append("due",
                    registered.plusSeconds(86_400)).append("warnAt", registered.plusSeconds(64_800))
                    .append("met", false).append("paused", false).append("extendedBy", 0));
        }
        List<Document> steps = new ArrayList<>();
        for (String step : List.of("REGISTERED", "DISPATCHED", "SIGNED", "PROGRESS", "REPLIED")) {
            steps.add(new Document("step", step).append("at", registered.plusSeconds(steps.size() * 3_600L))
                    .append("actor", "handler-" + (i % 40)).append("unit", "U" + (i % 40))
                    .append("note", "已联系市民，现场核实情况，安排人员处理 " + i));
        }
        return new Document("_id", "case-" + String.format("%08d", i))
                .append("caseNumber", "20261102-" + String.format("%06d", i))
                .append("version", 7L).append("position", 1_000_000L + i)
                .append("requestId", "call-" + i).append("channel", "HOTLINE").append("category", "COMPLAINT")
                .append("urgency", "NORMAL").append("status", "IN_HANDLING")
                .append("title", "小区门口路灯不亮 " + i)
                .append("content", "小区门口的路灯已经坏了三天，晚上出行很不方便，希望尽快修复。编号 " + i)
                .append("citizen", new Document("sealed", "v1:" + "Qm9keSBvZiBhIHNlYWxlZCBjaXRpemVu".repeat(4))
                        .append("masked", "张**").append("phoneMasked", "138****" + String.format("%04d", i % 10_000)))
                .append("area", "370602").append("registeredAt", registered).append("registeredBy", "operator-1")
                .append("leadUnit", "U" + (i % 40)).append("assistingUnits", List.of("U" + ((i + 1) % 40)))
                .append("accountableUnit", "U" + (i % 40)).append("sendingUnit", null).append("above", List.of())
                .append("deadlines", deadlines).append("steps", steps)
                .append("supervised", i % 10 == 0).append("urged", 0).append("objectionPending", false)
                .append("satisfaction", null).append("reopened", 0).append("merged", List.of())
                .append("mediaUrls", List.of("https://media.example/" + i + ".jpg"))
                .append("location", new Document("lat", 37.46 + i % 100 / 1e4).append("lon", 121.44))
                .append("updatedAt", registered.plusSeconds(18_000));
    }
}
