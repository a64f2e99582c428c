package io.hotline.query.figures.ledger;

import io.hotline.query.readmodel.ReadModel;

import java.util.List;
import java.util.Map;

/**
 * The figures' read model and the base names of its collections; a generation adds its suffix
 * ({@link ReadModel#collection}). What each holds is told in {@link MongoFigureStore}.
 */
public final class FigureCollections {

    /** One facts document per case. */
    public static final String FACTS = "case_figures";
    /** The pre-aggregated tallies. */
    public static final String BUCKETS = "figure_buckets";
    /** The units, categories and areas with buckets, per period. */
    public static final String KEYS = "figure_keys";
    /** The figures' copy of the unit tree (one document). */
    public static final String TREE = "figure_tree";

    /**
     * {@code case-figures}: per-case facts, pre-aggregated buckets, the per-period key index and the tree the
     * buckets were booked under. One projection books all four, and a bucket is only right together with the
     * facts it was moved from, so they are one read model. No secondary index: every read is an {@code _id} lookup.
     */
    public static final ReadModel MODEL = new ReadModel("case-figures", List.of(FACTS, BUCKETS, KEYS, TREE), Map.of());

    private FigureCollections() {
    }
}
