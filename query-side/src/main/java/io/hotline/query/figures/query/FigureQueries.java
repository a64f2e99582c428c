package io.hotline.query.figures.query;

import io.hotline.query.figures.answers.DateRange;
import io.hotline.query.figures.answers.Evaluations;
import io.hotline.query.figures.answers.FigureSet;
import io.hotline.query.figures.answers.OpenNow;
import io.hotline.query.figures.answers.Period;
import io.hotline.query.figures.answers.Series;
import io.hotline.query.figures.answers.Summary;
import io.hotline.query.figures.buckets.BucketIds;
import io.hotline.query.figures.buckets.Dimension;
import io.hotline.query.figures.buckets.FigureFilter;
import io.hotline.query.figures.buckets.Tally;
import io.hotline.query.figures.ledger.FigureStore;
import io.hotline.query.figures.levels.UnitLevels;
import io.hotline.query.figures.ranking.RankingPolicy;
import io.hotline.query.figures.ranking.RankingReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers figure questions from the buckets: it generates the bucket ids a question needs (whole months from
 * month buckets, the other days from day buckets, the filter's dimensions in the id), fetches them by
 * {@code _id} in one go and sums them in memory. No question scans: a summary over 400 days reads at most
 * about 75 buckets, a ranking that many per unit. A roll-up (a unit with its subtree) reads twice that many, the
 * unit's own buckets and its subtree's, after one read of the periods' key index (see {@link UnitScope}); rankings
 * go through {@link UnitRankings}.
 */
@Component
public class FigureQueries {

    private final FigureStore store;
    private final UnitLevels levels;
    private final UnitRankings rankings;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration invitationValidFor;

    @Autowired
    public FigureQueries(FigureStore store, RankingPolicy policy, UnitLevels levels, Clock clock, ZoneId zone,
                         @Value("${app.policy.evaluation.invitation-valid-for:P7D}") Duration invitationValidFor) {
        this.store = store;
        this.levels = levels;
        this.rankings = new UnitRankings(store, policy, levels);
        this.clock = clock;
        this.zone = zone;
        this.invitationValidFor = invitationValidFor;
    }

    /** Without a unit directory: every unit alone, ranked in one group. */
    public FigureQueries(FigureStore store, RankingPolicy policy, Clock clock, ZoneId zone,
                         Duration invitationValidFor) {
        this(store, policy, UnitLevels.NONE, clock, zone, invitationValidFor);
    }

    public Mono<Summary> summary(DateRange range, FigureFilter filter) {
        // the evaluations' unanswered invitations are those of the days whose invitations have all expired
        Optional<DateRange> expired = Evaluations.expiredPart(range, LocalDate.now(clock.withZone(zone)),
                invitationValidFor);
        Set<String> periods = new LinkedHashSet<>(BucketIds.cover(range.from(), range.to()));
        expired.ifPresent(part -> periods.addAll(BucketIds.cover(part.from(), part.to())));
        periods.add(BucketIds.NOW);
        return scope(filter, periods).flatMap(scope -> {
            List<String> ids = scope.ids(range);
            List<String> expiredIds = expired.map(scope::ids).orElse(List.of());
            List<String> now = scope.ids(BucketIds.NOW);
            Set<String> all = new LinkedHashSet<>(ids);
            all.addAll(expiredIds);
            all.addAll(now);
            return store.tallies(all).map(tallies -> {
                Tally period = sum(tallies, ids);
                return new Summary(range.from(), range.to(), filter.unit(), filter.category(), filter.area(),
                        FigureSet.of(period), OpenNow.of(sum(tallies, now)),
                        Evaluations.of(period, sum(tallies, expiredIds), expired.map(DateRange::to).orElse(null)),
                        filter.subtree() ? scope.unitCount() : null);
            });
        });
    }

    public Mono<Series> series(DateRange range, Period period, Dimension by, FigureFilter filter) {
        List<Period.Step> steps = period.steps(range);
        Mono<Map<String, FigureFilter>> lines = by == null
                ? Mono.just(Map.of("all", filter))
                : valuesOf(by, range, filter).map(values -> {
                    Map<String, FigureFilter> filters = new LinkedHashMap<>();
                    // the filter's own value (a unit with its subtree) is one line of its own
                    values.forEach(value -> filters.put(value, filter.get(by) != null ? filter : filter.with(by, value)));
                    return filters;
                });
        Set<String> periods = new LinkedHashSet<>();
        steps.forEach(step -> periods.addAll(BucketIds.cover(step.range().from(), step.range().to())));
        return lines.zipWith(scope(filter, periods)).flatMap(linesAndScope -> {
            Map<String, FigureFilter> filters = linesAndScope.getT1();
            UnitScope scope = linesAndScope.getT2();
            Set<String> all = new LinkedHashSet<>();
            filters.values().forEach(lineFilter -> steps.forEach(step ->
                    all.addAll(scope.with(lineFilter).ids(step.range()))));
            return store.tallies(all).map(tallies -> {
                List<Series.Line> result = new ArrayList<>();
                filters.forEach((key, lineFilter) -> {
                    List<Series.Point> points = new ArrayList<>();
                    boolean any = false;
                    for (Period.Step step : steps) {
                        Tally tally = sum(tallies, scope.with(lineFilter).ids(step.range()));
                        any |= !tally.isZero();
                        points.add(new Series.Point(step.label(), step.range().from(), step.range().to(),
                                FigureSet.of(tally)));
                    }
                    if (any || by == null) {
                        result.add(new Series.Line(key, points));
                    }
                });
                return new Series(range.from(), range.to(), period.parameter(), by == null ? null : by.parameter(),
                        filter.unit(), filter.category(), filter.area(), result);
            });
        });
    }

    /** Every peer group ranked (like with like), each unit on its rolled-up figures. */
    public Mono<RankingReport> ranking(DateRange range) {
        return ranking(range, null, null, null);
    }

    /**
     * The peer groups of {@code level} under {@code parent} (each null for any), or with {@code within} only the
     * groups inside that unit's subtree (a district's streets and communities).
     */
    public Mono<RankingReport> ranking(DateRange range, String level, String parent, String within) {
        return rankings.ranked(range, level, parent, within).map(ranked -> ranked.report(range));
    }

    /** The units of the peer groups asked for, with their rolled-up figures and their standings. */
    public Mono<UnitRankings.Ranked> ranked(DateRange range, String level, String parent) {
        return rankings.ranked(range, level, parent, null);
    }

    /** The figures of every unit with buckets in the range, by unit code (each unit's own). */
    public Mono<Map<String, FigureSet>> figuresByUnit(DateRange range) {
        return rankings.ownFigures(range);
    }

    /** The summary and the ranking; for a unit with its subtree, the ranking of the peer groups inside it. */
    public Mono<Dashboard> dashboard(DateRange range, FigureFilter filter) {
        return summary(range, filter).zipWith(filter.subtree() ? ranking(range, null, null, filter.unit())
                : ranking(range), Dashboard::new);
    }

    private Mono<UnitScope> scope(FigureFilter filter, Collection<String> periods) {
        if (!filter.subtree()) {
            return Mono.just(UnitScope.plain(filter));
        }
        return levels.tree().zipWith(store.indexes(periods), (tree, indexes) ->
                UnitScope.rollUp(filter, tree.subtree(filter.unit()).size(), indexes));
    }

    /** The values of a dimension with buckets in the range; only the filter's own value when it sets one. */
    private Mono<Set<String>> valuesOf(Dimension dimension, DateRange range, FigureFilter filter) {
        if (filter.get(dimension) != null) {
            return Mono.just(Set.of(filter.get(dimension)));
        }
        return store.indexes(BucketIds.cover(range.from(), range.to())).map(indexes -> {
            Set<String> values = new TreeSet<>();
            indexes.values().forEach(index -> values.addAll(index.values(dimension)));
            return values;
        });
    }

    static Tally sum(Map<String, Tally> tallies, Collection<String> ids) {
        Tally sum = Tally.empty();
        ids.forEach(id -> {
            Tally tally = tallies.get(id);
            if (tally != null) {
                sum.plus(tally);
            }
        });
        return sum;
    }
}
