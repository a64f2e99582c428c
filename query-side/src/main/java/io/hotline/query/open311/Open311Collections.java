package io.hotline.query.open311;

import io.hotline.query.readmodel.ReadModel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The collections of the Open311 read model ({@link #MODEL}) and how its day lists are named.
 * <ul>
 *   <li>{@code open311_requests}: one {@link RequestRecord} per request, {@code _id} = case id;</li>
 *   <li>{@code open311_days}: one document per UTC day ({@code _id} = {@code 2026-11-23}) listing the case ids
 *       filed that day ({@code requests}), so the listing's date window is a bounded set of {@code _id}
 *       lookups (at most 91 days) instead of a sorted range query, which the embedded store would answer by
 *       scanning every request;</li>
 *   <li>{@code open311_tokens}: {@code _id} = case number, {@code caseId}: the token endpoint's lookup;</li>
 *   <li>{@code open311_updates}: one update per event that changed a request ({@code _id} = the event's id), and
 *       {@code open311_update_days}: per UTC day, the ids of its updates ({@code updates}), for the
 *       {@code servicerequestupdates} window, read like the requests' days.</li>
 * </ul>
 */
final class Open311Collections {

    static final String REQUESTS = "open311_requests";
    static final String DAYS = "open311_days";
    static final String TOKENS = "open311_tokens";
    static final String UPDATES = "open311_updates";
    static final String UPDATE_DAYS = "open311_update_days";

    /**
     * {@code open311-requests}: the service requests filed through Open311, per-day lists of request ids for the
     * listing's date window, and case numbers as tokens. No secondary index: every read is an {@code _id} lookup.
     */
    static final ReadModel MODEL = new ReadModel("open311-requests",
            List.of(REQUESTS, DAYS, TOKENS, UPDATES, UPDATE_DAYS), Map.of());

    private Open311Collections() {
    }

    static String day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }
}
