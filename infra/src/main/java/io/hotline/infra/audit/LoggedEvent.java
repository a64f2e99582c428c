package io.hotline.infra.audit;

import io.hotline.kernel.common.Actor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;

import java.time.Instant;

/**
 * One event of a case as the auditor needs it: the message Axon read back (typed payload, metadata) and, beside
 * it, what the log keeps about it: its global position and its payload exactly as stored. The stored document is
 * what the hash chain covers, so that is what the history shows.
 *
 * @param message       the event as {@code EventStore.readEvents} returned it
 * @param position      its global log position, or null if the commit could not be found again (never expected)
 * @param storedPayload the payload document as stored, or null with the position
 */
record LoggedEvent(DomainEventMessage<?> message, Long position, Document storedPayload) {

    long sequenceNumber() {
        return message.getSequenceNumber();
    }

    Object payload() {
        return message.getPayload();
    }

    Actor actor() {
        return EventFacts.actorOf(message.getPayload());
    }

    /** When it happened in the business sense (the event's own time), else when it was stored. */
    Instant at() {
        Instant at = EventFacts.timeOf(message.getPayload());
        return at != null ? at : message.getTimestamp();
    }

    String metaData(String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
