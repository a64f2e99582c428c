package io.hotline.query.citizen;

import io.hotline.query.readmodel.ReadModel;

import java.util.List;
import java.util.Map;

/**
 * The collections of the citizen's tracking read model ({@link #MODEL}).
 * <ul>
 *   <li>{@code citizen_numbers}: {@code _id} = case number, {@code caseId}: the public page's lookup, a unique
 *       key, so finding a case by the number the citizen types is one {@code _id} read;</li>
 *   <li>{@code citizen_tracks}: {@code _id} = case id: what the citizen may see of their case, and nothing else
 *       (see {@link TrackingProjection}).</li>
 * </ul>
 */
final class TrackingCollections {

    static final String NUMBERS = "citizen_numbers";
    static final String TRACKS = "citizen_tracks";

    /** {@code citizen-tracking}; no secondary index: every read is an {@code _id} lookup. */
    static final ReadModel MODEL = new ReadModel("citizen-tracking", List.of(NUMBERS, TRACKS), Map.of());

    private TrackingCollections() {
    }
}
