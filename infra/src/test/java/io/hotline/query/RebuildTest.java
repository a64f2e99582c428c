package io.hotline.query;

import io.hotline.query.readmodel.ReadModel;
import io.hotline.query.readmodel.ReadModelGenerations;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuilding every read model from the log gives the very documents the live projection made, and readers are
 * answered all along: first from the old generation, then, after one atomic switch, from the new one.
 */
class RebuildTest extends QueryTestSupport {

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ReadModelGenerations generations;

    private Map<String, String> snapshot(ReadModel model, int generation) {
        Map<String, String> documents = new TreeMap<>();
        for (String base : model.collections()) {
            for (Document document : mongo.findAll(Document.class, ReadModel.collection(base, generation))
                    .collectList().block()) {
                documents.put(base + "/" + document.get("_id"), document.toJson());
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> progress(ReadModel model) {
        return http.get().uri("/api/v1/admin/rebuild/{m}", model.name()).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private List<CaseScript> seed(String tag) {
        List<CaseScript> stories = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            CaseScript story = story("rb-" + tag + "-" + i).registered("RB" + tag + "-" + i, "370602")
                    .dispatched("RB-WATER", "RB-STREET");
            switch (i % 4) {
                case 0 -> story.signedFor("RB-WATER").materials("RB-WATER", false).replied("RB-WATER");
                case 1 -> story.objected("RB-WATER").designated("RB-WATER", "RB-PARKS").signedFor("RB-PARKS");
                case 2 -> story.signedFor("RB-WATER").transferred("RB-WATER", "RB-DISTRICT").supervised();
                default -> story.signedFor("RB-WATER").materials("RB-WATER", false).materials("RB-WATER", true);
            }
            stories.add(story);
        }
        for (CaseScript story : stories) {
            http.get().uri("/api/v1/cases/{id}?atLeastVersion={v}", story.caseId(), story.version())
                    .exchange().expectStatus().isOk().expectHeader().doesNotExist("X-View-Stale");
        }
        return stories;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyReadModelRebuildsToIdenticalDocumentsWhileTheOldOneKeepsAnswering() {
        List<CaseScript> stories = seed("a");
        CaseScript watched = stories.get(1);
        readers.actAs(ADMIN);

        for (ReadModel model : ReadModel.ALL) {
            eventually(Duration.ofSeconds(20), () -> {
                Map<String, Object> live = progress(model);
                return live.get("eventsDone") != null
                        && ((Number) live.get("eventsDone")).longValue() == ((Number) live.get("eventsTotal")).longValue();
            });
            int oldGeneration = generations.live(model);
            Map<String, String> before = snapshot(model, oldGeneration);

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
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Map<String, Object> now;
            do {
                http.get().uri("/api/v1/cases/{id}", watched.caseId()).exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.status").isEqualTo("IN_HANDLING")
                        .jsonPath("$.leadUnit").isEqualTo("RB-PARKS");
                now = progress(model);
                if ("REBUILDING".equals(now.get("state"))) {
                    readsDuringRebuild++;
                }
                assertThat(System.nanoTime()).as("the rebuild finishes").isLessThan(deadline);
            } while (!"SWITCHED".equals(now.get("state")));

            assertThat(readsDuringRebuild).as("reads answered while rebuilding").isPositive();
            assertThat(now).containsEntry("liveGeneration", oldGeneration + 1).doesNotContainKey("buildingGeneration");
            assertThat((List<String>) now.get("liveCollections")).allMatch(name -> name.endsWith("_g" + (oldGeneration + 1)));
            assertThat(((Number) now.get("eventsTotal")).longValue()).isPositive();
            assertThat(snapshot(model, oldGeneration + 1)).isEqualTo(before);

            // the new generation is live and follows the log
            watched.replied("RB-PARKS");
            http.get().uri("/api/v1/cases/{id}?atLeastVersion={v}", watched.caseId(), watched.version()).exchange()
                    .expectStatus().isOk()
                    .expectHeader().doesNotExist("X-View-Stale")
                    .expectBody().jsonPath("$.status").isEqualTo("REPLIED");
            http.get().uri("/api/v1/inbox?unit=RB-PARKS").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.items[?(@.caseId == '" + watched.caseId() + "')]").doesNotExist();

            // and the old generation is dropped once no reader can still name it
            eventually(Duration.ofSeconds(20), () -> model.collections().stream()
                    .noneMatch(base -> Boolean.TRUE.equals(
                            mongo.collectionExists(ReadModel.collection(base, oldGeneration)).block())));
        }
    }

    @Test
    void onlyAdminsRebuild() {
        http.post().uri("/api/v1/admin/rebuild/case-view").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
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
