package io.hotline.query.figures.query;

import io.hotline.query.figures.answers.DateRange;
import io.hotline.query.figures.answers.FigureSet;
import io.hotline.query.figures.buckets.BucketIds;
import io.hotline.query.figures.buckets.Dimension;
import io.hotline.query.figures.buckets.FigureFilter;
import io.hotline.query.figures.buckets.KeyIndex;
import io.hotline.query.figures.buckets.Tally;
import io.hotline.query.figures.ledger.FigureStore;
import io.hotline.query.figures.levels.PeerGroup;
import io.hotline.query.figures.levels.UnitLevels;
import io.hotline.query.figures.levels.UnitTree;
import io.hotline.query.figures.ranking.RankingPolicy;
import io.hotline.query.figures.ranking.RankingReport;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ranking's figures: each unit of the peer groups asked for on its rolled-up figures (the unit and its subtree,
 * so a district is compared with the other districts on everything its streets and communities did), ranked by the
 * one {@link RankingPolicy} within its group. One read of the directory (for the peer groups) and of the key index,
 * then one {@code $in} of the ranked units' own buckets and their subtrees' (see {@link UnitScope}): a district
 * costs two buckets per period, whatever its size.
 */
public final class UnitRankings {

    private final FigureStore store;
    private final RankingPolicy policy;
    private final UnitLevels levels;

    UnitRankings(FigureStore store, RankingPolicy policy, UnitLevels levels) {
        this.store = store;
        this.policy = policy;
        this.levels = levels;
    }

    /** The ranked units, their rolled-up figures, and the policy's standings over them. */
    public record Ranked(Map<String, FigureSet> figures, RankingPolicy.Standings standings, RankingPolicy policy) {

        RankingReport report(DateRange range) {
            return new RankingReport(range.from(), range.to(), policy.weights(), policy.floors(), standings.ranking(),
                    standings.unranked(), standings.belowFloors(), standings.groups());
        }
    }

    Mono<Ranked> ranked(DateRange range, String level, String parent, String within) {
        List<String> periods = BucketIds.cover(range.from(), range.to());
        return levels.tree().zipWith(store.indexes(periods)).flatMap(treeAndIndexes -> {
            UnitTree tree = treeAndIndexes.getT1();
            Map<String, KeyIndex> indexes = treeAndIndexes.getT2();
            // a district with no buckets of its own is still ranked on its subtree's
            Set<String> candidates = new TreeSet<>();
            indexes.values().forEach(index -> {
                candidates.addAll(index.units());
                candidates.addAll(index.subtrees());
            });
            Map<String, List<String>> idsByUnit = new TreeMap<>();
            for (String unit : candidates) {
                PeerGroup group = tree.peerGroup(unit);
                if (!PeerGroup.NONE.equals(group) && group.matches(level, parent)
                        && (within == null || group.parent() != null && tree.isWithin(within, group.parent()))) {
                    idsByUnit.put(unit, rolledUpIds(periods, indexes, unit));
                }
            }
            Set<String> all = new LinkedHashSet<>();
            idsByUnit.values().forEach(all::addAll);
            return store.tallies(all).map(tallies -> {
                Map<String, FigureSet> figures = new TreeMap<>();
                idsByUnit.forEach((unit, ids) -> figures.put(unit, FigureSet.of(FigureQueries.sum(tallies, ids))));
                return new Ranked(figures, policy.rank(figures, tree::peerGroup), policy);
            });
        });
    }

    /** Every unit's own figures (no roll-up), for the units with buckets in the range. */
    Mono<Map<String, FigureSet>> ownFigures(DateRange range) {
        List<String> periods = BucketIds.cover(range.from(), range.to());
        return store.indexes(periods).flatMap(indexes -> {
            Map<String, List<String>> idsByUnit = new TreeMap<>();
            indexes.values().forEach(index -> index.units().forEach(unit ->
                    idsByUnit.computeIfAbsent(unit, any -> ids(periods, indexes, unit))));
            Set<String> all = new LinkedHashSet<>();
            idsByUnit.values().forEach(all::addAll);
            return store.tallies(all).map(tallies -> {
                Map<String, FigureSet> figures = new TreeMap<>();
                idsByUnit.forEach((unit, ids) -> figures.put(unit, FigureSet.of(FigureQueries.sum(tallies, ids))));
                return figures;
            });
        });
    }

    /** The unit's own bucket and its subtree's, of each period that has them (as {@link UnitScope} reads them). */
    private static List<String> rolledUpIds(List<String> periods, Map<String, KeyIndex> indexes, String unit) {
        UnitScope scope = UnitScope.rollUp(FigureFilter.ALL.with(Dimension.UNIT, unit), 1, indexes);
        List<String> ids = new ArrayList<>();
        periods.forEach(period -> ids.addAll(scope.ids(period)));
        return ids;
    }

    /** The unit's bucket of each period that has one. */
    private static List<String> ids(List<String> periods, Map<String, KeyIndex> indexes, String unit) {
        List<String> ids = new ArrayList<>();
        for (String period : periods) {
            KeyIndex index = indexes.get(period);
            if (index != null && index.units().contains(unit)) {
                ids.add(BucketIds.of(period, FigureFilter.ALL.with(Dimension.UNIT, unit)));
            }
        }
        return ids;
    }
}
