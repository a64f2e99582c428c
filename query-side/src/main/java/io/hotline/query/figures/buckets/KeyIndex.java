package io.hotline.query.figures.buckets;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The units, categories and areas that have buckets in one period ({@code _id} = the period key, e.g.
 * {@code D|2024-10-08}). Kept so a breakdown by unit, category or area, and the ranking, know which bucket
 * ids exist without scanning. Entries are only ever added; a value whose buckets summed back to zero stays
 * listed and reads as empty figures. {@code subtrees} lists the units with subtree buckets in the period (see
 * {@link BucketIds}): the ancestors of the units that did something then.
 */
public record KeyIndex(String period, Set<String> units, Set<String> categories, Set<String> areas,
                       Set<String> subtrees) {

    public static KeyIndex empty(String period) {
        return new KeyIndex(period, new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
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
        return with(cell, List.of());
    }

    /** This index with the cell's values and its unit's ancestors added (a new record). */
    public KeyIndex with(Cell cell, List<String> ancestors) {
        KeyIndex merged = new KeyIndex(period, new TreeSet<>(units), new TreeSet<>(categories), new TreeSet<>(areas),
                new TreeSet<>(subtrees));
        merged.units.add(cell.unit());
        merged.categories.add(cell.category());
        merged.areas.add(cell.area());
        merged.subtrees.addAll(ancestors);
        return merged;
    }

    /** Adds another index's values to this one's (whose sets must be mutable). */
    public void addAll(KeyIndex other) {
        units.addAll(other.units);
        categories.addAll(other.categories);
        areas.addAll(other.areas);
        subtrees.addAll(other.subtrees);
    }
}
