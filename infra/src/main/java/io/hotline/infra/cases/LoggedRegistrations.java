package io.hotline.infra.cases;

import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.common.Channel;
import io.hotline.query.open311.Registrations;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Answers {@link Registrations} from the event log: the first event of the case's stream, read by the case's own
 * key, off the event loop (the store's driver blocks).
 */
@Component
class LoggedRegistrations implements Registrations {

    private final EventStore events;

    LoggedRegistrations(EventStore events) {
        this.events = events;
    }

    @Override
    public Mono<Boolean> filedThroughOpen311(String caseId) {
        return Mono.fromCallable(() -> {
            DomainEventStream stream = events.readEvents(caseId);
            if (!stream.hasNext()) {
                return false;
            }
            DomainEventMessage<?> first = stream.next();
            return first.getPayload() instanceof CaseRegistered registered
                    && registered.channel() == Channel.OPEN311;
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
