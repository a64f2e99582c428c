package io.hotline.query.search;

import java.time.Instant;

/**
 * A case under a search key. The registration time comes along so a key's cases are kept in the search's own
 * order (newest first) and a walk over the days can page without reading any case view.
 */
public record KeyedCase(String caseId, Instant registeredAt) {
}
