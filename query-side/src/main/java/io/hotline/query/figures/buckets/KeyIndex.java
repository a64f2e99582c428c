package io.hotline.query.figures.buckets;

import java.util.Set;
import java.util.TreeSet;

/**
 * The units, categories and areas that have buckets in one period ({@code _id} = the period key, e.g.
 * {@code D|2024-10-08}). Kept so a breakdown by unit, category or area, and the ranking, know which bucket
 * ids exist without scanning. Entries are only ever added; a value whose buckets summed back to zero stays
 * listed and reads as empty figures.
 */
public record KeyIndex(String period, Set<String> units, Set<String> categories, Set<String> areas) {

    public static KeyIndex empty(String period) {
        return new KeyIndex(period, new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
    }

    public Set<String> values(Dimension dimension) {
        return switch (dimension) {
            case UNIT -> units;
            case CATEGORY -> categories;
            case AREA -> areas;
        };
    }

    /** This index with the cell's values added (a new record; this one is left as it is). */
    public KeyIndex with(Cell cell) {
        KeyIndex merged = new KeyIndex(period, new TreeSet<>(units), new TreeSet<>(categories), new TreeSet<>(areas));
        merged.units.add(cell.unit());
        merged.categories.add(cell.category());
        merged.areas.add(cell.area());
        return merged;
    }
}
