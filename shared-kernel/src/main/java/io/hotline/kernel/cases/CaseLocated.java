package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Location;

import java.time.Instant;

/**
 * 定位: where the reported matter is, and the media the reporter pointed to (a photo's address), recorded with
 * the registration when the request came with them (Open311 apps send both).
 * <p>
 * A separate event rather than a new revision of {@link CaseRegistered}: events are forever, and a registration
 * stored before locations existed must keep meaning exactly what it meant. A new event needs no upcaster, old
 * nodes and old projections simply do not subscribe to it (a rolling upgrade is safe as long as the readers ship
 * first), and cases without a location carry nothing extra. The case applies it in the same unit of work as its
 * registration, so the two are stored together or not at all.
 *
 * @param mediaUrl an absolute http(s) URL given by the reporter; null when none
 */
public record CaseLocated(
        String caseId,
        Location location,
        String mediaUrl,
        Actor actor,
        Instant at) {
}
