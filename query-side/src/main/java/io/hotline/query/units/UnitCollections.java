package io.hotline.query.units;

import io.hotline.query.readmodel.ReadModel;

import java.util.List;
import java.util.Map;

/**
 * The unit directory's read model ({@link #MODEL}): {@code unit_directory}, one document per unit ({@code _id} = its
 * code) with its names over time, kind, parent, {@code path} (its ancestors from the root, then itself: the keys a
 * subtree is looked up by, so no request walks the tree), area codes, contact and service dates.
 */
final class UnitCollections {

    static final String UNITS = "unit_directory";

    /** {@code unit-directory}: rebuilt and switched like every read model. A few thousand documents: no index. */
    static final ReadModel MODEL = new ReadModel("unit-directory", List.of(UNITS), Map.of());

    private UnitCollections() {
    }
}
