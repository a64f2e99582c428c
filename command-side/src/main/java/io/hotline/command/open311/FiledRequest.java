package io.hotline.command.open311;

import java.util.List;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Location;
import io.hotline.kernel.common.Urgency;

/**
 * A service request as an app filed it, read and checked ({@link ServiceRequestForm}): everything our intake
 * needs to register it. {@code fingerprint} is a hash of every submitted field but the key, for telling a retry
 * from a new request.
 */
record FiledRequest(Category category, Urgency urgency, String title, String description, String area,
                    Location location, List<String> mediaUrls, Citizen citizen, String fingerprint) {
}
