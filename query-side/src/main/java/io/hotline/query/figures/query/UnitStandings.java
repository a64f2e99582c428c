package io.hotline.query.figures.query;

import io.hotline.query.figures.answers.DateRange;
import io.hotline.query.figures.answers.FigureSet;
import io.hotline.query.figures.answers.Fraction;
import io.hotline.query.figures.levels.PeerGroup;
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
 * The units of a period as the figures rank them (考核排名, like with like: within peer groups, on figures rolled up
 * over each unit's subtree), with the figures a bulletin (定期通报) prints for each:
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

    /**
     * Every unit with figures between {@code from} and {@code to} (local days, inclusive), peer group by peer group
     * (top-down): in each, ranked, then unranked. Each unit's figures are rolled up over its subtree.
     */
    public Mono<Standings> between(LocalDate from, LocalDate to) {
        return between(from, to, null, null);
    }

    /** The peer groups of {@code level} under {@code parent} only (each null for any). */
    public Mono<Standings> between(LocalDate from, LocalDate to, String level, String parent) {
        return queries.ranked(new DateRange(from, to), level, parent).map(ranked -> {
            Map<String, FigureSet> figures = ranked.figures();
            RankingPolicy.Standings standings = ranked.standings();
            Map<String, Set<String>> below = new LinkedHashMap<>();
            standings.belowFloors().forEach(breach -> breach.units().forEach(unit ->
                    below.computeIfAbsent(unit.unit(), any -> new LinkedHashSet<>()).add(breach.figure())));
            Map<String, List<UnitLine>> byGroup = new LinkedHashMap<>();
            standings.groups().forEach(group -> byGroup.put(group.key(), new ArrayList<>()));
            standings.ranking().forEach(unit -> byGroup.get(unit.group()).add(line(unit.unit(), unit.rank(),
                    unit.score(), figures.get(unit.unit()), below, unit.group())));
            standings.unranked().forEach(unit -> byGroup.get(unit.group()).add(line(unit.unit(), null, null,
                    figures.get(unit.unit()), below, unit.group())));
            List<UnitLine> units = new ArrayList<>();
            byGroup.values().forEach(units::addAll);
            return new Standings(from, to, policy.weights(), policy.floors(), units, standings.groups());
        });
    }

    private static UnitLine line(String unit, Integer rank, Double score, FigureSet figures,
                                 Map<String, Set<String>> below, String group) {
        return new UnitLine(unit, rank, score, figures.transfersPerCase().denominator(), rate(figures.response()),
                rate(figures.onTimeCompletion()), figures.overdue().signFor() + figures.overdue().completion(),
                rate(figures.satisfaction()), rate(figures.solved()), rate(figures.reopen()),
                figures.repeatedMaterialRequests().numerator(), below.getOrDefault(unit, Set.of()), group);
    }

    private static Rate rate(Fraction fraction) {
        return new Rate(fraction.numerator(), fraction.denominator());
    }

    /**
     * The standings of a period.
     *
     * @param weights the ranking weights by rate label ({@code response}, {@code solution}, {@code satisfaction} ...)
     * @param floors  the floors by rate label; units below one are named
     * @param units   peer group by peer group (in the order of {@code groups}): ranked units best first (equal
     *                scores share a rank), then the unranked by unit code
     * @param groups  the peer groups, top-down: a bulletin prints one section per group
     */
    public record Standings(LocalDate from, LocalDate to, Map<String, Double> weights, Map<String, Double> floors,
                            List<UnitLine> units, List<PeerGroup> groups) {

        /** The lines of one peer group, in order. */
        public List<UnitLine> of(PeerGroup group) {
            return units.stream().filter(line -> group.key().equals(line.group())).toList();
        }
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
     * @param group                    the key of the unit's peer group (see {@link PeerGroup})
     */
    public record UnitLine(String unit, Integer rank, Double score, long cases, Rate onTimeSignFor,
                           Rate onTimeCompletion, long overdue, Rate satisfaction, Rate solved, Rate reopened,
                           long repeatedMaterialRequests, Set<String> belowFloor, String group) {
    }

    /** A rate as its count over its base; no value when the base is empty. */
    public record Rate(long count, long base) {

        public Double value() {
            return base == 0 ? null : (double) count / base;
        }
    }
}
