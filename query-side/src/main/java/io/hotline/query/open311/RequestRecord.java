package io.hotline.query.open311;

import io.hotline.kernel.common.Category;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.List;

/**
 * What the Open311 read model keeps of a request filed through Open311 (document of {@code open311_requests},
 * {@code _id} = case id): what the app sent and the case's number, never the person. How the case stands is read
 * from the case view at answer time, so this model follows no state change and cannot fall out of step with it.
 * Every media link is kept ({@code mediaUrls}); GeoReport's {@code media_url} holds one, the first.
 */
record RequestRecord(@Id String caseId, String caseNumber, Category category, String description,
                     Instant requestedAt, Double latitude, Double longitude, String address, String addressId,
                     String mediaUrl, List<String> mediaUrls) {

    /** Every media link the app sent; a request recorded before links were kept as a list has its one link. */
    List<String> allMedia() {
        return mediaUrls != null && !mediaUrls.isEmpty() ? mediaUrls : mediaUrl == null ? List.of() : List.of(mediaUrl);
    }
}
