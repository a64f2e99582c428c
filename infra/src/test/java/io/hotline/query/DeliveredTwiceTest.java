package io.hotline.query;

import io.hotline.query.readmodel.ReadModel;
import io.hotline.query.readmodel.ReadModelProjection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every projection, over the real store, given every event of the log twice in a row and then the whole log
 * once more (a redelivery after a crash, a token reset), makes the very documents its live generation made
 * from the log delivered once. Each read model's own {@link ReadModelProjection} makes the projection, for a
 * scratch generation that nothing reads; the unit tests of each projection cover crashes between its writes.
 */
class DeliveredTwiceTest extends QueryTestSupport {

    /** Far above any generation a rebuild reaches in this test run. */
    private static final int SCRATCH = 900;

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    List<ReadModelProjection> projections;
    @Autowired
    EventStorageEngine storage;

    @AfterEach
    void dropTheScratchGeneration() {
        projections.stream().map(ReadModelProjection::model).forEach(model -> model.collections()
                .forEach(base -> mongo.dropCollection(ReadModel.collection(base, SCRATCH)).block()));
    }

    @Test
    void everyProjectionMakesTheSameDocumentsFromEveryEventDeliveredTwice() throws Exception {
        VariedCases.append(eventStore, "twice");
        readers.actAs(ADMIN);
        eventually(Duration.ofSeconds(30), () -> projections.stream().map(ReadModelProjection::model).map(this::progress).allMatch(live ->
                live.get("eventsDone") instanceof Number done
                        && done.longValue() == ((Number) live.get("eventsTotal")).longValue()));
        List<? extends EventMessage<?>> log = storage.readEvents(null, false).toList();

        for (ReadModel model : projections.stream().map(ReadModelProjection::model).toList()) {
            Map<String, Object> live = progress(model);
            assertThat(((Number) live.get("eventsDone")).longValue()).as("%s applied the log as read", model.name())
                    .isEqualTo(log.size());
            Map<String, String> once = RebuildTest.snapshot(mongo, model, ((Number) live.get("liveGeneration")).intValue());

            AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(projections.stream()
                    .filter(candidate -> candidate.model().equals(model)).findFirst().orElseThrow()
                    .forGeneration(SCRATCH, () -> false));
            for (EventMessage<?> event : log) {
                if (projection.canHandle(event)) {
                    projection.handle(event);
                    projection.handle(event);
                }
            }
            for (EventMessage<?> event : log) {
                if (projection.canHandle(event)) {
                    projection.handle(event);
                }
            }

            assertThat(RebuildTest.snapshot(mongo, model, SCRATCH)).as("%s from every event twice", model.name())
                    .isEqualTo(once);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> progress(ReadModel model) {
        return http.get().uri("/api/v1/admin/rebuild/{m}", model.name()).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }
}
