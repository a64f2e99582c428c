package io.hotline.query;

import io.hotline.query.readmodel.ReadModel;
import io.hotline.query.readmodel.ReadModelGenerations;
import io.hotline.query.readmodel.ReadModelRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance test of rebuilding: with {@link VariedCases} in the log and the live read models caught up,
 * every read model ({@link ReadModelRegistry#all()}) is rebuilt from the log through the admin API, one after another.
 * While a rebuild runs, every read (case views, inboxes, search, figures) keeps giving the very answers it gave
 * before; after the atomic switch, the new generation holds exactly the documents the live projection had made,
 * follows the log, and the old generation's collections go.
 * <p>
 * The documents are compared whole: no stored field is specific to a generation, since every value derives
 * from the events alone (times are the events' times, the buckets' {@code last} stamp is the event's
 * {@code caseId@sequence}, the key index grows in the order of the log).
 */
class RebuildTest extends QueryTestSupport {

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ReadModelGenerations generations;
    @Autowired
    ReadModelRegistry registry;

    private static final String FIGURE_BUCKETS = "figure_buckets";

    /** Every document of a generation, keyed by base collection and id. */
    static Map<String, String> snapshot(ReactiveMongoTemplate mongo, ReadModel model, int generation) {
        Map<String, String> documents = new TreeMap<>();
        for (String base : model.collections()) {
            for (Document document : mongo.findAll(Document.class, ReadModel.collection(base, generation))
                    .collectList().block()) {
                if (base.equals(FIGURE_BUCKETS)) {
                    // What changed a bucket last is exactly-once bookkeeping, not a figure: a processor batch
                    // records a log position, an event booked on its own its marker.
                    document.remove("last");
                }
                documents.put(base + "/" + document.get("_id"), canonical(document).toJson());
            }
        }
        return documents;
    }

    /**
     * The document with its fields in name order, all the way down. The embedded server keeps a replaced
     * document's old field order and appends new fields, so the same content written in a different history (a
     * processor batch stores a case view once, event by event stores it at every event) comes back in another
     * order; MongoDB itself, and every reader, goes by field name.
     */
    static Document canonical(Document document) {
        Document sorted = new Document();
        new TreeMap<>(document).forEach((key, value) -> sorted.put(key, canonicalValue(value)));
        return sorted;
    }

    private static Object canonicalValue(Object value) {
        if (value instanceof Document nested) {
            return canonical(nested);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RebuildTest::canonicalValue).toList();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> progress(ReadModel model) {
        return http.get().uri("/api/v1/admin/rebuild/{m}", model.name()).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Waits until every read model's live generation has applied the whole log. */
    private void awaitLiveModelsCaughtUp() {
        eventually(Duration.ofSeconds(30), () -> registry.all().stream().map(this::progress).allMatch(live ->
                live.get("eventsDone") != null
                        && ((Number) live.get("eventsDone")).longValue() == ((Number) live.get("eventsTotal")).longValue()));
    }

    /** What readers get from each read model: some case views, two inboxes, a search, the figures. */
    private Map<String, String> reads(List<CaseScript> cases) {
        List<String> uris = new ArrayList<>();
        for (int shape = 0; shape < 8; shape++) {
            uris.add("/api/v1/cases/" + cases.get(shape).caseId());
        }
        uris.add("/api/v1/inbox?unit=" + VariedCases.PARKS);
        uris.add("/api/v1/inbox?unit=" + VariedCases.WATER);
        uris.add("/api/v1/cases?area=" + VariedCases.AREA + "&size=100");
        uris.add("/api/v1/metrics/summary?from=2026-11-01&to=2026-11-30&area=" + VariedCases.AREA);
        uris.add("/api/v1/metrics/series?from=2026-11-16&to=2026-11-29&period=week&by=unit&area=" + VariedCases.AREA);
        Map<String, String> answers = new LinkedHashMap<>();
        for (String uri : uris) {
            answers.put(uri, http.get().uri(uri).exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody());
        }
        return answers;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyReadModelRebuildsFromTheLogToTheLiveDocumentsWhileReadsKeepAnswering() {
        List<CaseScript> cases = VariedCases.append(eventStore, "a");
        readers.actAs(ADMIN);

        for (ReadModel model : registry.all()) {
            awaitLiveModelsCaughtUp();
            int oldGeneration = generations.live(model);
            Map<String, String> live = snapshot(mongo, model, oldGeneration);
            Map<String, String> answers = reads(cases);
            assertThat(live).as("the live %s holds the seeded cases", model.name()).isNotEmpty();

            Map<String, Object> started = http.post().uri("/api/v1/admin/rebuild/{m}", model.name()).exchange()
                    .expectStatus().isAccepted()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(started).containsEntry("state", "REBUILDING")
                    .containsEntry("liveGeneration", oldGeneration)
                    .containsEntry("buildingGeneration", oldGeneration + 1);
            http.post().uri("/api/v1/admin/rebuild/{m}", model.name()).exchange()
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

            int readsDuringRebuild = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            Map<String, Object> now = started;
            do {
                // A round of reads counts when it began while rebuilding: a batched rebuild of this small log
                // may well catch up within one round.
                if ("REBUILDING".equals(now.get("state"))) {
                    readsDuringRebuild++;
                }
                assertThat(reads(cases)).as("reads while %s is rebuilt", model.name()).isEqualTo(answers);
                now = progress(model);
                assertThat(System.nanoTime()).as("the rebuild of %s finishes", model.name()).isLessThan(deadline);
            } while (!"SWITCHED".equals(now.get("state")));

            assertThat(readsDuringRebuild).as("reads answered while rebuilding %s", model.name()).isPositive();
            assertThat(now).containsEntry("liveGeneration", oldGeneration + 1).doesNotContainKey("buildingGeneration");
            assertThat((List<String>) now.get("liveCollections"))
                    .hasSize(model.collections().size())
                    .allMatch(name -> name.endsWith("_g" + (oldGeneration + 1)));
            assertThat(((Number) now.get("eventsTotal")).longValue()).isPositive();
            assertThat(snapshot(mongo, model, oldGeneration + 1)).as("the rebuilt %s", model.name()).isEqualTo(live);
            assertThat(reads(cases)).as("reads after %s switched", model.name()).isEqualTo(answers);

            followsTheLog(model);

            // the old generation is dropped once no reader can still name it
            eventually(Duration.ofSeconds(20), () -> model.collections().stream()
                    .noneMatch(base -> Boolean.TRUE.equals(
                            mongo.collectionExists(ReadModel.collection(base, oldGeneration)).block())));
        }
    }

    /** A case registered after the switch shows in its view, its unit's inbox and the figures. */
    private void followsTheLog(ReadModel switched) {
        String summary = "/api/v1/metrics/summary?from=2026-11-01&to=2026-11-30&area=" + VariedCases.AREA;
        long received = received(summary);
        CaseScript late = story("rb-after-" + switched.name()).registered("RB-after-" + switched.name(), VariedCases.AREA)
                .dispatched(VariedCases.PARKS);
        http.get().uri("/api/v1/cases/{id}?atLeastVersion={v}", late.caseId(), late.version()).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("X-View-Stale")
                .expectBody().jsonPath("$.status").isEqualTo("DISPATCHED");
        http.get().uri("/api/v1/inbox?unit=" + VariedCases.PARKS).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.caseId == '" + late.caseId() + "')]").exists();
        eventually(Duration.ofSeconds(20), () -> received(summary) == received + 1);
    }

    @SuppressWarnings("unchecked")
    private long received(String summaryUri) {
        Map<String, Object> summary = http.get().uri(summaryUri).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> figures = (Map<String, Object>) summary.get("figures");
        return ((Number) ((Map<String, Object>) figures.get("acceptance")).get("denominator")).longValue();
    }

    @Test
    void onlyAdminsRebuild() {
        http.post().uri("/api/v1/admin/rebuild/case-view").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/v1/admin/rebuild/case-figures").exchange().expectStatus().isForbidden();
        http.get().uri("/api/v1/admin/rebuild/case-view").exchange().expectStatus().isForbidden();
    }

    @Test
    void anUnknownReadModelIsNotFound() {
        readers.actAs(ADMIN);
        http.post().uri("/api/v1/admin/rebuild/no-such-model").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
