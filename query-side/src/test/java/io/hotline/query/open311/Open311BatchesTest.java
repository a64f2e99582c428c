package io.hotline.query.open311;

import io.hotline.kernel.cases.CaseDispatched;
import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.cases.CaseSignedFor;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;
import io.hotline.query.readmodel.MemoryStore;
import io.hotline.query.readmodel.ReadModel;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Open311 read model fed in processor batches is the read model fed event by event: the updates of a request
 * registered in an earlier batch and of one registered in the same batch are listed, a hotline case's are not; and
 * which cases were filed through Open311 is looked up once per batch with updates to record, not once per event.
 */
class Open311BatchesTest {

    private static final Actor OPERATOR = Actor.of("op-1", "HOTLINE", Role.OPERATOR);
    private static final Actor HANDLER = Actor.of("h-water", "WATER", Role.UNIT_HANDLER);
    private static final Instant AT = Instant.parse("2026-12-07T02:00:00Z");
    private static final String REQUESTS = ReadModel.collection(Open311Collections.REQUESTS, 1);
    private static final String UPDATES = ReadModel.collection(Open311Collections.UPDATES, 1);

    private final List<EventMessage<?>> first = List.of(
            registered("case-app", Channel.OPEN311, 1), registered("case-phone", Channel.HOTLINE, 2),
            dispatched("case-app"), dispatched("case-phone"));
    private final List<EventMessage<?>> second = List.of(
            signedFor("case-app"), signedFor("case-phone"),
            registered("case-app-2", Channel.OPEN311, 3), dispatched("case-app-2"));

    @Test
    void batchesListWhatEventByEventLists() {
        List<Document> oneByOne;
        try (MemoryStore store = new MemoryStore()) {
            Open311Projection projection = projection(store);
            first.forEach(event -> feed(projection, event));
            second.forEach(event -> feed(projection, event));
            oneByOne = sorted(store.all(UPDATES));
        }
        try (MemoryStore store = new MemoryStore()) {
            Open311Projection projection = projection(store);
            batch(projection, first);
            batch(projection, second);

            assertThat(store.commands("find", REQUESTS)).as("one lookup per batch").isEqualTo(2);
            List<Document> batched = sorted(store.all(UPDATES));
            assertThat(batched).isEqualTo(oneByOne);
            assertThat(batched).extracting(update -> update.getString("serviceRequestId"))
                    .containsExactlyInAnyOrder("case-app", "case-app", "case-app-2");
            assertThat(store.all(REQUESTS)).extracting(request -> request.getString("_id"))
                    .containsExactlyInAnyOrder("case-app", "case-app-2");
        }
    }

    @Test
    void aBatchDeliveredAgainListsEachUpdateOnce() {
        try (MemoryStore store = new MemoryStore()) {
            Open311Projection projection = projection(store);
            batch(projection, first);
            batch(projection, second);
            List<Document> once = sorted(store.all(UPDATES));
            List<EventMessage<?>> again = new ArrayList<>(first);
            again.addAll(second);
            batch(projection, again);
            assertThat(sorted(store.all(UPDATES))).isEqualTo(once);
        }
    }

    @Test
    void aBatchOfRegistrationsAloneLooksNothingUp() {
        try (MemoryStore store = new MemoryStore()) {
            Open311Projection projection = projection(store);
            batch(projection, List.of(registered("case-app", Channel.OPEN311, 1),
                    registered("case-phone", Channel.HOTLINE, 2)));
            assertThat(store.commands("find", REQUESTS)).isZero();
            assertThat(store.all(REQUESTS)).extracting(request -> request.getString("_id")).containsExactly("case-app");
        }
    }

    private static Open311Projection projection(MemoryStore store) {
        return (Open311Projection) new Open311Projections(store.template()).forGeneration(1, () -> true);
    }

    /** As {@code BatchBoundary} drives a batch. */
    private static void batch(Open311Projection projection, List<EventMessage<?>> events) {
        projection.begin(events);
        events.forEach(event -> feed(projection, event));
        projection.flush();
    }

    private static void feed(Open311Projection projection, EventMessage<?> event) {
        if (event.getPayload() instanceof CaseRegistered registered) {
            projection.on(registered);
        } else {
            projection.on(event.getPayload(), event);
        }
    }

    private static List<Document> sorted(List<Document> documents) {
        return documents.stream().sorted(Comparator.comparing(document -> document.getString("_id"))).toList();
    }

    private static EventMessage<?> registered(String caseId, Channel channel, int number) {
        return event(caseId, 0, new CaseRegistered(caseId, "20261207-" + number, "request-" + number, channel,
                Category.COMPLAINT, Urgency.NORMAL, "水管破裂", "小区水管破裂", new Citizen("王五", "13700000000", null),
                "370602", OPERATOR, AT));
    }

    private static EventMessage<?> dispatched(String caseId) {
        return event(caseId, 1, new CaseDispatched(caseId, "WATER", List.of(), "WATER", false, null, OPERATOR,
                AT.plusSeconds(60)));
    }

    private static EventMessage<?> signedFor(String caseId) {
        return event(caseId, 2, new CaseSignedFor(caseId, "WATER", true, null, HANDLER, AT.plusSeconds(600)));
    }

    private static EventMessage<?> event(String caseId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Case", caseId, sequence, payload);
    }
}
