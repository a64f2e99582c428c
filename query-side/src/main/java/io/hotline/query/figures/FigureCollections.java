package io.hotline.query.figures;

/**
 * The base names of the figures' collections; a generation of the {@code case-figures} read model adds its
 * suffix ({@link io.hotline.query.readmodel.ReadModel#collection}). Public so the read model can list them;
 * what each holds is told in {@link MongoFigureStore}.
 */
public final class FigureCollections {

    /** One facts document per case. */
    public static final String FACTS = "case_figures";
    /** The pre-aggregated tallies. */
    public static final String BUCKETS = "figure_buckets";
    /** The units, categories and areas with buckets, per period. */
    public static final String KEYS = "figure_keys";

    private FigureCollections() {
    }
}
