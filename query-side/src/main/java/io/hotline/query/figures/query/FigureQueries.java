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
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Answers figure questions from the buckets: it generates the bucket ids a question needs (whole months from
 * month buckets, the other days from day buckets, the filter's dimensions in the id), fetches them by
 * {@code _id} in one go and sums them in memory. No question scans: a summary over 400 days reads at most
 * about 75 buckets, a ranking that many per unit.
 */
@Component
public class FigureQueries {

    private final FigureStore store;
    private final RankingPolicy policy;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration invitationValidFor;

    @Autowired
    public FigureQueries(FigureStore store, RankingPolicy policy, Clock clock, ZoneId zone,
                         @Value("${app.policy.evaluation.invitation-valid-for:P7D}") Duration invitationValidFor) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.zone = zone;
        this.invitationValidFor = invitationValidFor;
    }

    public Mono<Summary> summary(DateRange range, FigureFilter filter) {
        List<String> ids = ids(range, filter);
        String now = BucketIds.of(BucketIds.NOW, filter);
        // the evaluations' unanswered invitations are those of the days whose invitations have all expired
        Optional<DateRange> expired = Evaluations.expiredPart(range, LocalDate.now(clock.withZone(zone)),
                invitationValidFor);
        List<String> expiredIds = expired.map(part -> ids(part, filter)).orElse(List.of());
        Set<String> all = new LinkedHashSet<>(ids);
        all.addAll(expiredIds);
        all.add(now);
        return store.tallies(all).map(tallies -> {
            Tally period = sum(tallies, ids);
            return new Summary(range.from(), range.to(), filter.unit(), filter.category(), filter.area(),
                    FigureSet.of(period), OpenNow.of(tallies.getOrDefault(now, Tally.empty())),
                    Evaluations.of(period, sum(tallies, expiredIds), expired.map(DateRange::to).orElse(null)));
        });
    }

    public Mono<Series> series(DateRange range, Period period, Dimension by, FigureFilter filter) {
        List<Period.Step> steps = period.steps(range);
        Mono<Map<String, FigureFilter>> lines = by == null
                ? Mono.just(Map.of("all", filter))
                : valuesOf(by, range, filter).map(values -> {
                    Map<String, FigureFilter> filters = new LinkedHashMap<>();
                    values.forEach(value -> filters.put(value, filter.with(by, value)));
                    return filters;
                });
        return lines.flatMap(filters -> {
            Set<String> all = new LinkedHashSet<>();
            filters.values().forEach(lineFilter -> steps.forEach(step -> all.addAll(ids(step.range(), lineFilter))));
            return store.tallies(all).map(tallies -> {
                List<Series.Line> result = new ArrayList<>();
                filters.forEach((key, lineFilter) -> {
                    List<Series.Point> points = new ArrayList<>();
                    boolean any = false;
                    for (Period.Step step : steps) {
                        Tally tally = sum(tallies, ids(step.range(), lineFilter));
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

    public Mono<RankingReport> ranking(DateRange range) {
        return figuresByUnit(range).map(figures -> {
            RankingPolicy.Standings standings = policy.rank(figures);
            return new RankingReport(range.from(), range.to(), policy.weights(), policy.floors(),
                    standings.ranking(), standings.unranked(), standings.belowFloors());
        });
    }

    /** The figures of every unit with buckets in the range, by unit code. */
    public Mono<Map<String, FigureSet>> figuresByUnit(DateRange range) {
        return valuesOf(Dimension.UNIT, range, FigureFilter.ALL).flatMap(units -> {
            Map<String, List<String>> idsByUnit = new TreeMap<>();
            units.forEach(unit -> idsByUnit.put(unit, ids(range, FigureFilter.ALL.with(Dimension.UNIT, unit))));
            Set<String> all = new LinkedHashSet<>();
            idsByUnit.values().forEach(all::addAll);
            return store.tallies(all).map(tallies -> {
                Map<String, FigureSet> figures = new TreeMap<>();
                idsByUnit.forEach((unit, ids) -> figures.put(unit, FigureSet.of(sum(tallies, ids))));
                return figures;
            });
        });
    }

    public Mono<Dashboard> dashboard(DateRange range, FigureFilter filter) {
        return summary(range, filter).zipWith(ranking(range), Dashboard::new);
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

    private static List<String> ids(DateRange range, FigureFilter filter) {
        return BucketIds.cover(range.from(), range.to()).stream().map(period -> BucketIds.of(period, filter)).toList();
    }

    private static Tally sum(Map<String, Tally> tallies, Collection<String> ids) {
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
