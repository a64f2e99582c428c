package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Location;

import java.time.Instant;
import java.util.List;

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
 * <p>
 * Reporters may give several media links (FixMyStreet sends one {@code media_url} per photo): {@code mediaUrls}
 * holds them all, in order. It came after the first version of this event; an event stored before it has only
 * {@code mediaUrl}, and reads as that one link. New events still carry the first link as {@code mediaUrl}, so a
 * reader that knows only that field goes on working.
 *
 * @param mediaUrl  the first absolute http(s) URL given by the reporter; null when none
 * @param mediaUrls every link given, in order; empty when none
 */
public record CaseLocated(
        String caseId,
        Location location,
        String mediaUrl,
        List<String> mediaUrls,
        Actor actor,
        Instant at) {

    public CaseLocated {
        mediaUrls = mediaUrls != null ? List.copyOf(mediaUrls) : mediaUrl == null ? List.of() : List.of(mediaUrl);
        mediaUrl = mediaUrls.isEmpty() ? null : mediaUrls.get(0);
    }

    /** A location with at most one media link, as events stored before {@code mediaUrls} have it. */
    public CaseLocated(String caseId, Location location, String mediaUrl, Actor actor, Instant at) {
        this(caseId, location, mediaUrl, null, actor, at);
    }
}
