package io.hotline.query.figures.ranking;

import io.hotline.query.figures.answers.FigureSet;
import io.hotline.query.figures.answers.Fraction;
import io.hotline.query.figures.levels.PeerGroup;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.function.Function;

/**
 * How units are ranked (考核排名) and named in the bulletin (定期通报). Configuration, not code
 * ({@code app.figures.ranking.weights.*}, {@code app.figures.ranking.floors.*}); the default follows a county's
 * published scheme: response 30%, solution 35%, satisfaction 35%, floors satisfaction 85% and response 92%.
 * <ul>
 *   <li><b>Score</b> = 100 × Σ(weight × rate) / Σ weight, over the rates with a positive weight. Weights need
 *       not add up to 1; they are shares of their sum.</li>
 *   <li>A unit is ranked only when every weighted rate has data (a denominator above zero); otherwise it is
 *       listed as unranked with the rates it lacks, so no unit gains from missing figures.</li>
 *   <li>Units are sorted by score, highest first; equal scores share a rank (1, 2, 2, 4) and are listed by
 *       unit code.</li>
 *   <li>For each floor, the units whose rate is below it, lowest first. A unit without data for that rate is
 *       not below it (it is listed as unranked if the rate is weighted).</li>
 *   <li>Like with like: given the units' {@link PeerGroup peer groups} (the streets of one district, the districts of
 *       the city, the city's departments ...), each group is ranked on its own, groups listed top-down; a floor
 *       is absolute, so its breaches are listed across groups.</li>
 * </ul>
 */
public final class RankingPolicy {

    /** The hotline's own unit code (12345 热线): never ranked as a handling unit. */
    static final String HOTLINE = "HOTLINE";

    private final Map<RankedRate, Double> weights;
    private final Map<RankedRate, Double> floors;

    public RankingPolicy(Map<RankedRate, Double> weights, Map<RankedRate, Double> floors) {
        Map<RankedRate, Double> positive = new EnumMap<>(RankedRate.class);
        weights.forEach((rate, weight) -> {
            if (weight == null || weight < 0 || weight.isNaN() || weight.isInfinite()) {
                throw new IllegalArgumentException("ranking weight of " + rate.label() + " must be a number >= 0, was " + weight);
            }
            if (weight > 0) {
                positive.put(rate, weight);
            }
        });
        if (positive.isEmpty()) {
            throw new IllegalArgumentException("ranking needs at least one weight above 0");
        }
        floors.forEach((rate, floor) -> {
            if (floor == null || floor < 0 || floor > 1) {
                throw new IllegalArgumentException("floor of " + rate.label() + " must be a rate in [0, 1], was " + floor);
            }
        });
        this.weights = Collections.unmodifiableMap(positive);
        Map<RankedRate, Double> floorCopy = new EnumMap<>(RankedRate.class);
        floorCopy.putAll(floors);
        this.floors = Collections.unmodifiableMap(floorCopy);
    }

    public static RankingPolicy defaults() {
        return new RankingPolicy(
                Map.of(RankedRate.RESPONSE, 0.30, RankedRate.SOLUTION, 0.35, RankedRate.SATISFACTION, 0.35),
                Map.of(RankedRate.SATISFACTION, 0.85, RankedRate.RESPONSE, 0.92));
    }

    public Map<String, Double> weights() {
        return labelled(weights);
    }

    public Map<String, Double> floors() {
        return labelled(floors);
    }

    /** The unit's score, or {@code null} when a weighted rate has no data. */
    Double score(FigureSet figures) {
        double weighted = 0;
        double total = 0;
        for (Map.Entry<RankedRate, Double> weight : weights.entrySet()) {
            Double rate = weight.getKey().of(figures).rate();
            if (rate == null) {
                return null;
            }
            weighted += weight.getValue() * rate;
            total += weight.getValue();
        }
        return 100 * weighted / total;
    }

    /**
     * Ranks the units and lists those below each floor. The hotline itself is left out: it registers, answers at
     * intake and dispatches, but handles no case for a unit to be compared with.
     */
    public Standings rank(Map<String, FigureSet> figuresOfEveryUnit) {
        return rank(figuresOfEveryUnit, unit -> PeerGroup.OTHER);
    }

    /** Ranks each peer group on its own; units in {@link PeerGroup#NONE} (the hotline) are left out. */
    public Standings rank(Map<String, FigureSet> figuresOfEveryUnit, Function<String, PeerGroup> groupOf) {
        Map<PeerGroup, Map<String, FigureSet>> groups = new TreeMap<>(PeerGroup.TOP_DOWN.thenComparing(PeerGroup::key));
        figuresOfEveryUnit.forEach((unit, figures) -> {
            PeerGroup group = groupOf.apply(unit);
            if (!PeerGroup.NONE.equals(group)) {
                groups.computeIfAbsent(group, any -> new TreeMap<>()).put(unit, figures);
            }
        });
        List<RankedUnit> ranking = new ArrayList<>();
        List<UnrankedUnit> unranked = new ArrayList<>();
        Map<String, FloorBreach> breaches = new LinkedHashMap<>();
        groups.forEach((group, figures) -> {
            Standings standings = rankGroup(figures, group.key());
            ranking.addAll(standings.ranking());
            unranked.addAll(standings.unranked());
            standings.belowFloors().forEach(breach -> breaches.merge(breach.figure(), breach, (a, b) -> {
                List<UnitRate> units = new ArrayList<>(a.units());
                units.addAll(b.units());
                units.sort(Comparator.comparingDouble(UnitRate::rate).thenComparing(UnitRate::unit));
                return new FloorBreach(a.figure(), a.floor(), units);
            }));
        });
        if (groups.isEmpty()) {
            rankGroup(Map.of(), PeerGroup.OTHER.key()).belowFloors().forEach(breach -> breaches.put(breach.figure(), breach));
        }
        return new Standings(ranking, unranked, new ArrayList<>(breaches.values()), List.copyOf(groups.keySet()));
    }

    private Standings rankGroup(Map<String, FigureSet> figuresOfEveryUnit, String group) {
        Map<String, FigureSet> figuresByUnit = new TreeMap<>(figuresOfEveryUnit);
        figuresByUnit.remove(HOTLINE);
        List<RankedUnit> scored = new ArrayList<>();
        List<UnrankedUnit> unranked = new ArrayList<>();
        figuresByUnit.forEach((unit, figures) -> {
            Double score = score(figures);
            if (score == null) {
                List<String> missing = weights.keySet().stream()
                        .filter(rate -> rate.of(figures).rate() == null).map(RankedRate::label).toList();
                unranked.add(new UnrankedUnit(unit, missing, rates(figures), group));
            } else {
                scored.add(new RankedUnit(0, unit, score, rates(figures), group));
            }
        });
        scored.sort(Comparator.comparingDouble(RankedUnit::score).reversed().thenComparing(RankedUnit::unit));
        List<RankedUnit> ranking = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            RankedUnit unit = scored.get(i);
            int rank = i > 0 && scored.get(i - 1).score() == unit.score() ? ranking.get(i - 1).rank() : i + 1;
            ranking.add(new RankedUnit(rank, unit.unit(), unit.score(), unit.rates(), group));
        }
        unranked.sort(Comparator.comparing(UnrankedUnit::unit));

        List<FloorBreach> belowFloors = new ArrayList<>();
        floors.forEach((rate, floor) -> {
            List<UnitRate> below = new ArrayList<>();
            figuresByUnit.forEach((unit, figures) -> {
                Fraction fraction = rate.of(figures);
                if (fraction.rate() != null && fraction.rate() < floor) {
                    below.add(new UnitRate(unit, fraction.numerator(), fraction.denominator(), fraction.rate()));
                }
            });
            below.sort(Comparator.comparingDouble(UnitRate::rate).thenComparing(UnitRate::unit));
            belowFloors.add(new FloorBreach(rate.label(), floor, below));
        });
        return new Standings(ranking, unranked, belowFloors, List.of());
    }

    /** The rates this policy looks at (weighted or floored), by label. */
    private Map<String, Fraction> rates(FigureSet figures) {
        Map<String, Fraction> rates = new LinkedHashMap<>();
        for (RankedRate rate : RankedRate.values()) {
            if (weights.containsKey(rate) || floors.containsKey(rate)) {
                rates.put(rate.label(), rate.of(figures));
            }
        }
        return rates;
    }

    private static Map<String, Double> labelled(Map<RankedRate, Double> values) {
        Map<String, Double> labelled = new LinkedHashMap<>();
        values.forEach((rate, value) -> labelled.put(rate.label(), value));
        return labelled;
    }

    /**
     * The outcome of ranking: the ranked units (group by group, top-down; ranks count within a group), those
     * without enough data, those below each floor, and the peer groups in the order listed.
     */
    public record Standings(List<RankedUnit> ranking, List<UnrankedUnit> unranked, List<FloorBreach> belowFloors,
                            List<PeerGroup> groups) {
    }

    /** A ranked unit with its score, the rates that made it and the key of its peer group. */
    public record RankedUnit(int rank, String unit, double score, Map<String, Fraction> rates, String group) {
    }

    /** A unit left unranked, with the weighted rates it has no data for, and its peer group's key. */
    public record UnrankedUnit(String unit, List<String> missing, Map<String, Fraction> rates, String group) {
    }

    /** The units below one floor (定期通报). */
    public record FloorBreach(String figure, double floor, List<UnitRate> units) {
    }

    /** One unit's rate, with its arithmetic. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UnitRate(String unit, long numerator, long denominator, Double rate) {

        public UnitRate {
            Objects.requireNonNull(unit, "unit");
        }
    }
}
