package io.hotline.query.caseview;

import io.hotline.kernel.cases.CaseRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link CaseView} current. Every write is keyed by {@code _id} (the only kind of lookup that stays
 * fast on the embedded store) and skipped when the view already holds that event.
 */
@Component
@ProcessingGroup(CaseViewProjection.PROCESSING_GROUP)
class CaseViewProjection {

    static final String PROCESSING_GROUP = "case-view";

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

    @ResetHandler
    void reset() {
        mongo.dropCollection(CaseView.class).block();
    }
}
