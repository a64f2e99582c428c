package io.hotline.query.figures.query;

import io.hotline.query.figures.answers.DateRange;
import io.hotline.query.figures.answers.FigureSet;
import io.hotline.query.figures.answers.Fraction;
import io.hotline.query.figures.ranking.RankingPolicy;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The units of a period as the figures rank them (考核排名), with the figures a bulletin (定期通报) prints for each:
 * the one ranking ({@link RankingPolicy} over the figures' buckets), offered to other features in plain public
 * types so they need none of the figures' internals.
 */
@Component
public class UnitStandings {

    private final FigureQueries queries;
    private final RankingPolicy policy;

    public UnitStandings(FigureQueries queries, RankingPolicy policy) {
        this.queries = queries;
        this.policy = policy;
    }

    /** Every unit with figures between {@code from} and {@code to} (local days, inclusive): ranked, then unranked. */
    public Mono<Standings> between(LocalDate from, LocalDate to) {
        return queries.figuresByUnit(new DateRange(from, to)).map(figures -> {
            RankingPolicy.Standings standings = policy.rank(figures);
            Map<String, Set<String>> below = new LinkedHashMap<>();
            standings.belowFloors().forEach(breach -> breach.units().forEach(unit ->
                    below.computeIfAbsent(unit.unit(), any -> new LinkedHashSet<>()).add(breach.figure())));
            List<UnitLine> units = new ArrayList<>();
            standings.ranking().forEach(ranked -> units.add(line(ranked.unit(), ranked.rank(), ranked.score(),
                    figures.get(ranked.unit()), below)));
            standings.unranked().forEach(unranked -> units.add(line(unranked.unit(), null, null,
                    figures.get(unranked.unit()), below)));
            return new Standings(from, to, policy.weights(), policy.floors(), units);
        });
    }

    private static UnitLine line(String unit, Integer rank, Double score, FigureSet figures,
                                 Map<String, Set<String>> below) {
        return new UnitLine(unit, rank, score, figures.transfersPerCase().denominator(), rate(figures.response()),
                rate(figures.onTimeCompletion()), figures.overdue().signFor() + figures.overdue().completion(),
                rate(figures.satisfaction()), rate(figures.solved()), rate(figures.reopen()),
                figures.repeatedMaterialRequests().numerator(), below.getOrDefault(unit, Set.of()));
    }

    private static Rate rate(Fraction fraction) {
        return new Rate(fraction.numerator(), fraction.denominator());
    }

    /**
     * The standings of a period.
     *
     * @param weights the ranking weights by rate label ({@code response}, {@code solution}, {@code satisfaction} ...)
     * @param floors  the floors by rate label; units below one are named
     * @param units   ranked units best first (equal scores share a rank), then the unranked by unit code
     */
    public record Standings(LocalDate from, LocalDate to, Map<String, Double> weights, Map<String, Double> floors,
                            List<UnitLine> units) {
    }

    /**
     * One unit's line.
     *
     * @param rank                     1 for the best score; null when a weighted rate has no data (unranked)
     * @param score                    0..100, null when unranked
     * @param cases                    cases first dispatched to the unit in the period
     * @param onTimeSignFor            按时签收率, the response rate
     * @param onTimeCompletion         按时办结率
     * @param overdue                  sign-for steps and handling rounds settled late
     * @param satisfaction             满意率 among evaluated answers
     * @param solved                   解决率 among evaluated answers
     * @param reopened                 重办率 among answers
     * @param repeatedMaterialRequests 一次性告知 violations
     * @param belowFloor               labels of the rates below their floor
     */
    public record UnitLine(String unit, Integer rank, Double score, long cases, Rate onTimeSignFor,
                           Rate onTimeCompletion, long overdue, Rate satisfaction, Rate solved, Rate reopened,
                           long repeatedMaterialRequests, Set<String> belowFloor) {
    }

    /** A rate as its count over its base; no value when the base is empty. */
    public record Rate(long count, long base) {

        public Double value() {
            return base == 0 ? null : (double) count / base;
        }
    }
}
