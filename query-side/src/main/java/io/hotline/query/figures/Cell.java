package io.hotline.query.figures;

import java.time.LocalDate;

/**
 * Where a piece of a case's contribution lands: a local day (or {@code null} for the "right now" counters),
 * the unit judged, and the case's category and area. Each cell is summed into the buckets of its day, its
 * month and every combination of its dimensions (see {@link BucketIds}).
 */
record Cell(LocalDate day, String unit, String category, String area) {

    static Cell now(String unit, String category, String area) {
        return new Cell(null, unit, category, area);
    }

    boolean isNow() {
        return day == null;
    }
}
