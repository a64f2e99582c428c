package io.hotline.query.figures.query;

import io.hotline.query.figures.answers.DateRange;
import io.hotline.query.figures.buckets.BucketIds;
import io.hotline.query.figures.buckets.FigureFilter;
import io.hotline.query.figures.buckets.KeyIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bucket ids a filter needs. A plain filter has one bucket per period. A roll-up (a unit with its subtree) has
 * two: the unit's own bucket and its subtree's (everything below it, booked there as each case met its units, see
 * {@link BucketIds}), each asked for only when the period's key index lists it. Nothing walks the tree, per case or
 * per unit: a district costs what a street costs.
 */
final class UnitScope {

    private final FigureFilter filter;
    private final boolean rolledUp;
    /** How many units the directory has in the subtree now (reported with the figures); 1 for a plain filter. */
    private final int unitCount;
    private final Map<String, KeyIndex> indexes;

    private UnitScope(FigureFilter filter, boolean rolledUp, int unitCount, Map<String, KeyIndex> indexes) {
        this.filter = filter;
        this.rolledUp = rolledUp;
        this.unitCount = unitCount;
        this.indexes = indexes;
    }

    static UnitScope plain(FigureFilter filter) {
        return new UnitScope(filter, false, 1, Map.of());
    }

    static UnitScope rollUp(FigureFilter filter, int unitCount, Map<String, KeyIndex> indexes) {
        return new UnitScope(filter, true, unitCount, indexes);
    }

    /** The same scope under another filter (a series line by category or area). */
    UnitScope with(FigureFilter other) {
        return new UnitScope(other, rolledUp && other.subtree(), unitCount, indexes);
    }

    /** How many units the figures are summed over: 1 for a plain filter. */
    int unitCount() {
        return rolledUp ? unitCount : 1;
    }

    List<String> ids(DateRange range) {
        List<String> ids = new ArrayList<>();
        BucketIds.cover(range.from(), range.to()).forEach(period -> ids.addAll(ids(period)));
        return ids;
    }

    List<String> ids(String period) {
        if (!rolledUp) {
            return List.of(BucketIds.of(period, filter));
        }
        KeyIndex index = indexes.get(period);
        if (index == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(2);
        if (index.units().contains(filter.unit())) {
            ids.add(BucketIds.of(period, filter));
        }
        if (index.subtrees().contains(filter.unit())) {
            ids.add(BucketIds.subtree(period, filter));
        }
        return ids;
    }
}
