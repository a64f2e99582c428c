package io.hotline.command.notify;

import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.cases.PersonalDataErased;
import io.hotline.kernel.common.Citizen;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Optional;

/**
 * Opens the citizen of a case at the moment of sending, and only then: their registration as the log gives it
 * (the log opens the sealed personal data with the citizen's key, or reads them as erased once the key is gone),
 * and whether the case has recorded an erasure since (a node may still hold the destroyed key in its cache for a
 * moment).
 */
class CitizenContacts {

    private final EventStore events;

    CitizenContacts(EventStore events) {
        this.events = events;
    }

    /** The case's citizen; empty when the log holds no such case. */
    Optional<Citizen> citizenOf(String caseId) {
        DomainEventStream stream = events.readEvents(caseId);
        Citizen citizen = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof CaseRegistered registered) {
                citizen = registered.citizen() == null ? Citizen.erased() : registered.citizen();
            } else if (event.getPayload() instanceof PersonalDataErased) {
                citizen = Citizen.erased();
            }
        }
        return Optional.ofNullable(citizen);
    }
}
