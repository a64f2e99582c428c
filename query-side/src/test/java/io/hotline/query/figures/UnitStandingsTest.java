package io.hotline.query.figures;

import io.hotline.query.figures.query.UnitStandings;
import io.hotline.query.figures.ranking.RankingReport;
import io.hotline.query.figures.ranking.RankingPolicy;
import io.hotline.query.figures.query.UnitStandings.Rate;
import io.hotline.query.figures.query.UnitStandings.Standings;
import io.hotline.query.figures.query.UnitStandings.UnitLine;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What the bulletin prints per unit is the figures' one ranking, line by line (the seeded cases of SeededCases). */
class UnitStandingsTest {

    private final FiguresHarness figures = new FiguresHarness().feed(SeededCases.inOrder());
    private final UnitStandings standings = new UnitStandings(figures.queries, RankingPolicy.defaults());

    @Test
    void theStandingsAreTheRankingRankedUnitsFirstThenTheUnranked() {
        Standings period = standings.between(LocalDate.parse("2024-09-23"), LocalDate.parse("2024-10-20")).block();
        RankingReport report = figures.ranking("2024-09-23", "2024-10-20");

        assertThat(period.weights()).isEqualTo(report.weights());
        assertThat(period.floors()).isEqualTo(report.floors());
        assertThat(period.units()).extracting(UnitLine::unit).containsExactly("CGJ", "SWJ", "JTJ");
        Map<String, UnitLine> lines = period.units().stream()
                .collect(Collectors.toMap(UnitLine::unit, Function.identity()));
        assertThat(lines.get("CGJ").rank()).isEqualTo(1);
        assertThat(lines.get("CGJ").score()).isEqualTo(report.ranking().get(0).score());
        assertThat(lines.get("SWJ").rank()).isEqualTo(2);
        assertThat(lines.get("SWJ").onTimeSignFor()).isEqualTo(new Rate(1, 2));
        assertThat(lines.get("SWJ").belowFloor()).containsExactly("response", "satisfaction");
        assertThat(lines.get("JTJ").rank()).isNull();
        assertThat(lines.get("JTJ").score()).isNull();
        assertThat(lines.get("JTJ").belowFloor()).containsExactly("response");
        assertThat(lines).as("the hotline is never ranked as a handling unit").doesNotContainKey("HOTLINE");
    }
}
