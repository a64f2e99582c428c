package io.hotline.query.audit.log;

import io.hotline.kernel.common.Actor;

import java.time.Instant;
import java.util.Map;

/**
 * One event of a case as the auditor needs it: the event as read back (typed payload, metadata) and, beside it,
 * what the log keeps about it: its global position and its payload exactly as stored. The stored payload is what
 * the hash chain covers, so that is what the history shows.
 *
 * @param caseId         the case
 * @param caseType       the aggregate type the log records for it
 * @param sequenceNumber the event's place in the case (0 = registration)
 * @param eventId        the message id
 * @param storedAt       when the log stored it
 * @param payload        the event, upcast and deserialised as the aggregate gets it
 * @param payloadType    its type (also when the payload is null)
 * @param metaData       its metadata: correlation and trace ids, and the seal ({@value #HASH}, {@value #PREVIOUS_HASH})
 * @param position       its global log position, or null if the commit could not be found again (never expected)
 * @param storedPayload  the payload as stored, as relaxed JSON text; null when it is not a JSON object
 */
public record LoggedEvent(String caseId, String caseType, long sequenceNumber, String eventId, Instant storedAt,
                          Object payload, Class<?> payloadType, Map<String, ?> metaData, Long position,
                          String storedPayload) {

    public static final String HASH = "hash";
    public static final String PREVIOUS_HASH = "prevHash";

    public Actor actor() {
        return EventFacts.actorOf(payload);
    }

    /** When it happened in the business sense (the event's own time), else when it was stored. */
    public Instant at() {
        Instant at = EventFacts.timeOf(payload);
        return at != null ? at : storedAt;
    }

    public String metaData(String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
