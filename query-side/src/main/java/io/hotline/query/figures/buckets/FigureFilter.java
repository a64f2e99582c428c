package io.hotline.query.figures.buckets;

/**
 * Which cases a figure is about: any combination of one unit, one category and one area; {@code null} means
 * any. Every combination has its own pre-aggregated bucket, so a filter never costs more than an unfiltered
 * query. With {@code subtree}, the unit's figures are rolled up over the unit and every unit under it in the
 * directory (汇总): the query sums the buckets of each of those units (see
 * {@link io.hotline.query.figures.query.FigureQueries}).
 */
public record FigureFilter(String unit, String category, String area, boolean subtree) {

    public static final FigureFilter ALL = new FigureFilter(null, null, null);

    public FigureFilter(String unit, String category, String area) {
        this(unit, category, area, false);
    }

    /** A roll-up filter: the unit with everything under it. */
    public static FigureFilter subtreeOf(String unit, String category, String area) {
        return new FigureFilter(unit, category, area, unit != null);
    }

    /** This filter with one dimension set; setting the unit asks for that unit alone. */
    public FigureFilter with(Dimension dimension, String value) {
        return switch (dimension) {
            case UNIT -> new FigureFilter(value, category, area);
            case CATEGORY -> new FigureFilter(unit, value, area, subtree);
            case AREA -> new FigureFilter(unit, category, value, subtree);
        };
    }

    public String get(Dimension dimension) {
        return switch (dimension) {
            case UNIT -> unit;
            case CATEGORY -> category;
            case AREA -> area;
        };
    }
}
