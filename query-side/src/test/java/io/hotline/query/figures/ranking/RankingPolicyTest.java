package io.hotline.query.figures.ranking;

import io.hotline.query.figures.buckets.Count;
import io.hotline.query.figures.answers.FigureSet;
import io.hotline.query.figures.buckets.Tally;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

/** The assessment weighting and the bulletin floors, on figures made to order. */
class RankingPolicyTest {

    /** A unit's figures with the given response, solved and satisfied counts (numerator of denominator). */
    private static FigureSet unit(long onTime, long signed, long solved, long satisfied, long evaluated) {
        return FigureSet.of(Tally.empty()
                .add(Count.SIGNED_ON_TIME, onTime).add(Count.SIGN_FOR_JUDGED, signed)
                .add(Count.SOLVED, solved).add(Count.SATISFIED, satisfied).add(Count.FEEDBACKS, evaluated)
                .add(Count.REPLIES, evaluated));
    }

    @Test
    void theDefaultWeighsResponse30Solution35Satisfaction35() {
        // 100 × (0.30 × 9/10 + 0.35 × 8/10 + 0.35 × 9/10) = 27 + 28 + 31.5 = 86.5
        assertThat(RankingPolicy.defaults().score(unit(9, 10, 8, 9, 10))).isCloseTo(86.5, offset(1e-9));
        assertThat(RankingPolicy.defaults().weights())
                .containsExactly(Map.entry("response", 0.30), Map.entry("solution", 0.35), Map.entry("satisfaction", 0.35));
    }

    @Test
    void weightsAreSharesOfTheirSum() {
        RankingPolicy policy = new RankingPolicy(Map.of(RankedRate.RESPONSE, 3.0, RankedRate.SATISFACTION, 1.0), Map.of());
        // 100 × (3 × 1/2 + 1 × 1/1) / 4 = 62.5
        assertThat(policy.score(unit(1, 2, 0, 1, 1))).isCloseTo(62.5, offset(1e-9));
    }

    @Test
    void unitsAreSortedByScoreAndTiesShareARank() {
        Map<String, FigureSet> units = new LinkedHashMap<>();
        units.put("A", unit(5, 10, 5, 5, 10));   // 50
        units.put("B", unit(10, 10, 10, 10, 10)); // 100
        units.put("C", unit(5, 10, 5, 5, 10));   // 50
        units.put("D", unit(0, 10, 0, 0, 10));   // 0
        RankingPolicy.Standings standings = RankingPolicy.defaults().rank(units);
        assertThat(standings.ranking()).extracting(RankingPolicy.RankedUnit::unit).containsExactly("B", "A", "C", "D");
        assertThat(standings.ranking()).extracting(RankingPolicy.RankedUnit::rank).containsExactly(1, 2, 2, 4);
    }

    @Test
    void aUnitMissingAWeightedRateIsUnrankedButAZeroWeightIsNotRequired() {
        Map<String, FigureSet> units = Map.of("NEW", unit(3, 4, 0, 0, 0));
        RankingPolicy.Standings byDefault = RankingPolicy.defaults().rank(units);
        assertThat(byDefault.ranking()).isEmpty();
        assertThat(byDefault.unranked()).singleElement().satisfies(unranked -> {
            assertThat(unranked.unit()).isEqualTo("NEW");
            assertThat(unranked.missing()).containsExactly("solution", "satisfaction");
        });

        RankingPolicy responseOnly = new RankingPolicy(Map.of(RankedRate.RESPONSE, 1.0, RankedRate.SATISFACTION, 0.0),
                Map.of());
        assertThat(responseOnly.weights()).containsOnlyKeys("response");
        assertThat(responseOnly.rank(units).ranking()).singleElement()
                .satisfies(ranked -> assertThat(ranked.score()).isCloseTo(75.0, offset(1e-9)));
    }

    @Test
    void theBulletinNamesTheUnitsBelowEachFloorLowestFirst() {
        Map<String, FigureSet> units = new LinkedHashMap<>();
        units.put("A", unit(91, 100, 9, 84, 100));  // response 0.91 < 0.92, satisfaction 0.84 < 0.85
        units.put("B", unit(92, 100, 9, 85, 100));  // exactly on both floors: not below
        units.put("C", unit(50, 100, 0, 0, 0));     // no evaluations: not below the satisfaction floor
        RankingPolicy.Standings standings = RankingPolicy.defaults().rank(units);
        assertThat(standings.belowFloors()).extracting(RankingPolicy.FloorBreach::figure)
                .containsExactly("response", "satisfaction");
        RankingPolicy.FloorBreach response = standings.belowFloors().get(0);
        assertThat(response.floor()).isEqualTo(0.92);
        assertThat(response.units()).extracting(RankingPolicy.UnitRate::unit).containsExactly("C", "A");
        assertThat(response.units().get(1)).isEqualTo(new RankingPolicy.UnitRate("A", 91, 100, 0.91));
        assertThat(standings.belowFloors().get(1).units()).extracting(RankingPolicy.UnitRate::unit).containsExactly("A");
    }

    @Test
    void aWeightingThatCannotRankIsRefused() {
        assertThatThrownBy(() -> new RankingPolicy(Map.of(RankedRate.RESPONSE, -0.1), Map.of()))
                .hasMessageContaining("response");
        assertThatThrownBy(() -> new RankingPolicy(Map.of(RankedRate.RESPONSE, 0.0), Map.of()))
                .hasMessageContaining("at least one weight");
        assertThatThrownBy(() -> new RankingPolicy(Map.of(RankedRate.RESPONSE, 1.0), Map.of(RankedRate.SATISFACTION, 85.0)))
                .hasMessageContaining("[0, 1]");
    }
}
