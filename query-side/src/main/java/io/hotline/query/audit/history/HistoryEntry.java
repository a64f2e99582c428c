package io.hotline.query.audit.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * One line of a case's history as the auditor reads it.
 *
 * @param sequenceNumber the event's place in the case (0 = registration); what the case view calls its version
 * @param position       its global position in the event log
 * @param eventId        Axon's message id
 * @param type           the event type's simple name
 * @param at             when it happened (the event's own time)
 * @param storedAt       when the log stored it
 * @param userId         who acted
 * @param unitId         for which unit
 * @param standingInFor  whom they stood in for under the A/B rule, or null
 * @param roles          the roles they acted in
 * @param correlationId  Axon's correlation id: the message that caused this event (the command)
 * @param traceId        Axon's trace id: the first message of the chain
 * @param payload        the payload as stored, with the citizen's numbers masked (see {@code maskedFields})
 * @param maskedFields   which payload fields were masked for display
 * @param hash           the event's seal (SHA-256 over its stored content and prevHash)
 * @param prevHash       the seal of the case's previous event; empty for the first
 * @param sentence       what happened, in words
 */
record HistoryEntry(long sequenceNumber, Long position, String eventId, String type, Instant at, Instant storedAt,
                    String userId, String unitId, String standingInFor, List<String> roles, String correlationId,
                    String traceId, JsonNode payload, List<String> maskedFields, String hash, String prevHash,
                    Sentence sentence) {
}
