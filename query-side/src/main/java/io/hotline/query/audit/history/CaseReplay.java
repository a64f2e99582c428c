package io.hotline.query.audit.history;

import io.hotline.query.audit.log.LoggedEvent;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.personal.PhoneHasher;
import io.hotline.query.projection.CaseViewProjection;
import io.hotline.query.projection.ViewChanges;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Rebuilds a case's view from a prefix of its events, in memory, with the projection itself: a fresh
 * {@link CaseViewProjection} over a {@link SingleCaseViewStore}, fed through Axon's annotation adapter exactly as
 * the read-model processors feed it (same handler methods, same sequence numbers, same masking of the citizen).
 * So "the case as it was" can never drift from "the case as it is": there is one set of rules for both.
 */
@Component
class CaseReplay {

    private final PhoneHasher phones;

    CaseReplay(PhoneHasher phones) {
        this.phones = phones;
    }

    /** The view after applying {@code events} in order; empty for no events. */
    Optional<CaseView> replay(List<LoggedEvent> events) {
        SingleCaseViewStore store = new SingleCaseViewStore();
        AnnotationEventHandlerAdapter projection =
                new AnnotationEventHandlerAdapter(new CaseViewProjection(store, phones, ViewChanges.NONE));
        for (LoggedEvent event : events) {
            try {
                projection.handle(new GenericDomainEventMessage<>(event.caseType(), event.caseId(),
                        event.sequenceNumber(), event.payload(), event.metaData(), event.eventId(), event.storedAt()));
            } catch (Exception e) {
                throw new IllegalStateException("replaying event #" + event.sequenceNumber() + " of case "
                        + event.caseId() + " failed", e);
            }
        }
        return store.view();
    }
}
