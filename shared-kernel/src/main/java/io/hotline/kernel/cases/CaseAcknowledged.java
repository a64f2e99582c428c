package io.hotline.kernel.cases;

/**
 * What every accepted case command answers: the case and its version, the sequence number of its last stored
 * event. A reader can ask the case view for at least that version to read its own write.
 */
public record CaseAcknowledged(String caseId, long version) {
}
