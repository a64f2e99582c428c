package io.hotline.kernel.cases;

/** A case by id and number, at a version: what the steps of a merge hand each other. */
public record CaseReference(String caseId, String caseNumber, long version) {
}
