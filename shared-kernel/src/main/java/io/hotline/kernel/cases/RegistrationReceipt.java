package io.hotline.kernel.cases;

/**
 * What registering answers: the case and its number, and whether this call registered it or found it
 * already registered under the same request id (a retried call).
 */
public record RegistrationReceipt(String caseId, String caseNumber, boolean newlyRegistered) {
}
