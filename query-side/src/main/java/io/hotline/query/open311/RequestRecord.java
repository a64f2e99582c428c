package io.hotline.query.open311;

import io.hotline.kernel.common.Category;
import org.springframework.data.annotation.Id;

import java.time.Instant;

/**
 * What the Open311 read model keeps of a request filed through Open311 (document of {@code open311_requests},
 * {@code _id} = case id): what the app sent and the case's number, never the person. How the case stands is read
 * from the case view at answer time, so this model follows no state change and cannot fall out of step with it.
 */
record RequestRecord(@Id String caseId, String caseNumber, Category category, String description,
                     Instant requestedAt, Double latitude, Double longitude, String address, String addressId,
                     String mediaUrl) {
}
