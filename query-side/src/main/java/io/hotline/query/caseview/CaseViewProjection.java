package io.hotline.query.caseview;

import com.mongodb.client.result.UpdateResult;
import io.hotline.kernel.cases.CaseRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link CaseView} current. Every write is keyed by {@code _id} (the only kind of lookup that stays
 * fast on the embedded store) and skipped when the view already holds that event.
 */
@Component
@ProcessingGroup(CaseViewProjection.PROCESSING_GROUP)
class CaseViewProjection {

    static final String PROCESSING_GROUP = "case-view";
    private static final String CASE = "Case";

    private final ReactiveMongoTemplate mongo;

    CaseViewProjection(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(CaseRegistered event, @SequenceNumber long sequence) {
        CaseView view = new CaseView(event.caseId(), event.caseNumber(), event.requestId(), "REGISTERED",
                event.channel(), event.category(), event.urgency(), event.title(), event.content(),
                event.citizen().name(), event.citizen().phone(), event.area(), event.actor().userId(),
                event.actor().unitId(), event.registeredAt(), sequence);
        mongo.findById(event.caseId(), CaseView.class)
                .filter(existing -> existing.version() >= sequence)
                .switchIfEmpty(mongo.save(view))
                .block();
    }

    /**
     * Every later event of a case moves the view's version on by exactly one, so a view at version n has seen
     * events 0..n of its case, in order, and a reader can wait for the version a command answered with. An
     * event at or below the version was seen already (redelivered after a node died, or replayed) and changes
     * nothing; an event further ahead means one went missing, which is refused loudly, never papered over.
     */
    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        if (!CASE.equals(message.getType())) {
            return;
        }
        String caseId = message.getAggregateIdentifier();
        long sequence = message.getSequenceNumber();
        UpdateResult moved = mongo.updateFirst(
                Query.query(Criteria.where("_id").is(caseId).and("version").is(sequence - 1)),
                new Update().set("version", sequence), CaseView.class).block();
        if (moved != null && moved.getMatchedCount() == 1) {
            return;
        }
        CaseView view = mongo.findById(caseId, CaseView.class).block();
        if (view == null || view.version() < sequence - 1) {
            throw new IllegalStateException("case view " + caseId + " is at version "
                    + (view == null ? "none" : view.version()) + " and cannot take event " + sequence
                    + " (" + message.getPayloadType().getSimpleName() + "): an earlier event is missing");
        }
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(CaseView.class).block();
    }
}
