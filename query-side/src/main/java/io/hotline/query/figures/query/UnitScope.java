package io.hotline.query.figures.query;

import io.hotline.query.figures.answers.DateRange;
import io.hotline.query.figures.buckets.BucketIds;
import io.hotline.query.figures.buckets.Dimension;
import io.hotline.query.figures.buckets.FigureFilter;
import io.hotline.query.figures.buckets.KeyIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bucket ids a filter needs. A plain filter has one bucket per period. A roll-up (a unit with its subtree) has
 * one per period and unit of the subtree that has buckets in that period, as the period's key index lists them: the
 * subtree's codes are resolved once per request from the directory, and the pre-aggregated buckets of those units
 * are summed. Nothing walks the tree per case, and no bucket is written twice for its ancestors.
 */
final class UnitScope {

    private final FigureFilter filter;
    /** The subtree's unit codes; null for a plain filter. */
    private final Set<String> units;
    private final Map<String, KeyIndex> indexes;

    private UnitScope(FigureFilter filter, Set<String> units, Map<String, KeyIndex> indexes) {
        this.filter = filter;
        this.units = units;
        this.indexes = indexes;
    }

    static UnitScope plain(FigureFilter filter) {
        return new UnitScope(filter, null, Map.of());
    }

    static UnitScope rollUp(FigureFilter filter, Set<String> units, Map<String, KeyIndex> indexes) {
        return new UnitScope(filter, units, indexes);
    }

    /** The same units under another filter (a series line by category or area). */
    UnitScope with(FigureFilter other) {
        return new UnitScope(other, other.subtree() ? units : null, indexes);
    }

    /** How many units the figures are summed over: 1 for a plain filter. */
    int unitCount() {
        return units == null ? 1 : units.size();
    }

    List<String> ids(DateRange range) {
        List<String> ids = new ArrayList<>();
        BucketIds.cover(range.from(), range.to()).forEach(period -> ids.addAll(ids(period)));
        return ids;
    }

    List<String> ids(String period) {
        if (units == null) {
            return List.of(BucketIds.of(period, filter));
        }
        KeyIndex index = indexes.get(period);
        if (index == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String unit : units) {
            if (index.units().contains(unit)) {
                ids.add(BucketIds.of(period, filter.with(Dimension.UNIT, unit)));
            }
        }
        return ids;
    }
}
