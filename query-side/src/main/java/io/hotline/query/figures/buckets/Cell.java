package io.hotline.query.figures.buckets;

import java.time.LocalDate;

/**
 * Where a piece of a case's contribution lands: a local day (or {@code null} for the "right now" counters),
 * the unit judged, and the case's category and area. Each cell is summed into the buckets of its day, its
 * month and every combination of its dimensions (see {@link BucketIds}).
 */
public record Cell(LocalDate day, String unit, String category, String area) {

    public static Cell now(String unit, String category, String area) {
        return new Cell(null, unit, category, area);
    }

    public boolean isNow() {
        return day == null;
    }
}
