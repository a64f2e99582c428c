package io.hotline.query.figures.buckets;

/**
 * Which cases a figure is about: any combination of one unit, one category and one area; {@code null} means
 * any. Every combination has its own pre-aggregated bucket, so a filter never costs more than an unfiltered
 * query.
 */
public record FigureFilter(String unit, String category, String area) {

    public static final FigureFilter ALL = new FigureFilter(null, null, null);

    public FigureFilter with(Dimension dimension, String value) {
        return switch (dimension) {
            case UNIT -> new FigureFilter(value, category, area);
            case CATEGORY -> new FigureFilter(unit, value, area);
            case AREA -> new FigureFilter(unit, category, value);
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
