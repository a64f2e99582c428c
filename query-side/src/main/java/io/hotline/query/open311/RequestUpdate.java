package io.hotline.query.open311;

/**
 * One update of a service request as the {@code servicerequestupdates} extension shows it to an app: what happened
 * ({@code status} after it, {@code description} for the citizen), when, and to which request. No person in it.
 */
record RequestUpdate(String updateId, String serviceRequestId, String status, String updatedDatetime,
                     String description, String mediaUrl) {
}
