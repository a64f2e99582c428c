package io.hotline.query.audit.log;

/**
 * The first place a case's hash chain does not hold: which case, which event (sequence number, id, log
 * position), and why (its content changed, or it no longer follows the event before it).
 */
public record ChainBreak(String caseId, long sequenceNumber, String eventId, long position, String reason) {
}
