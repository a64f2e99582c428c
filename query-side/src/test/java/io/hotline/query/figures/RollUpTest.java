package io.hotline.query.figures;

import io.hotline.kernel.cases.Satisfaction;
import io.hotline.kernel.common.Category;
import io.hotline.query.figures.answers.FigureSet;
import io.hotline.query.figures.answers.OpenNow;
import io.hotline.query.figures.answers.Summary;
import io.hotline.query.figures.buckets.FigureFilter;
import io.hotline.query.figures.levels.UnitLevels;
import io.hotline.query.figures.query.FigureQueries;
import io.hotline.query.figures.ranking.PeerGroupRankingTest;
import io.hotline.query.figures.ranking.RankingPolicy;
import io.hotline.query.figures.ranking.RankingReport;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

import static io.hotline.query.figures.FigureAssertions.fraction;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures rolled up the unit tree: a district's figures with its subtree are the sum of its own and its streets'
 * and communities' parts, each unit's part counted once; the ranking compares each unit on its rolled-up figures
 * with its peers.
 */
class RollUpTest {

    private static final UnitLevels DIRECTORY = () -> Mono.just(PeerGroupRankingTest.TREE);

    /** Three cases: HC sends one down to HC-JY (reviewed), handles one itself late, WD handles one; one open at HC-HB. */
    private static FiguresHarness figures() {
        List<CaseScript> scripts = new ArrayList<>();
        scripts.add(LevelFiguresTest.reviewedTwice());
        scripts.add(CaseScript.registered("R2", Category.REPORT, "371002", "2024-10-08T09:00")
                .dispatched("HC", "2024-10-08T09:05", "2024-10-09T09:05")
                .signedFor("HC", "2024-10-09T12:00", false, "2024-10-16T12:00")
                .replied("HC", "2024-10-10T10:00", true)
                .feedback("2024-10-11T09:00", Satisfaction.DISSATISFIED, false, false));
        scripts.add(CaseScript.registered("R3", Category.REPORT, "371003", "2024-10-08T09:00")
                .dispatched("WD", "2024-10-08T09:05", "2024-10-09T09:05")
                .signedFor("WD", "2024-10-08T12:00", true, "2024-10-16T12:00")
                .replied("WD", "2024-10-10T10:00", true)
                .feedback("2024-10-11T09:00", Satisfaction.SATISFIED, true, true));
        scripts.add(CaseScript.registered("R4", Category.HELP, "371002", "2024-10-20T09:00")
                .dispatched("HC", "2024-10-20T09:05", "2024-10-21T09:05")
                .signedFor("HC", "2024-10-20T10:00", true, "2024-10-28T10:00")
                .dispatchedDown("HC", "HC-HB", 2, "2024-10-20T11:00", "2024-10-21T11:00"));
        List<CaseScript.Booked> log = new ArrayList<>(FiguresHarness.directory(PeerGroupRankingTest.NODES,
                "2024-01-02T09:00"));
        log.addAll(FiguresHarness.inOrder(scripts));
        return new FiguresHarness().feed(log);
    }

    @Test
    void aDistrictWithItsSubtreeSumsEachUnitsOwnPart() {
        FiguresHarness figures = figures();
        FigureQueries queries = figures.queriesWith(DIRECTORY);
        Summary rolled = queries.summary(FiguresHarness.range("2024-10-01", "2024-10-31"),
                FigureFilter.subtreeOf("HC", null, null)).block();

        // sign-for: HC on time (L1), HC late (R2), HC on time (R4), HC-JY late (L1); HC-HB has not signed
        fraction(rolled.figures().response(), 2, 4);
        // completion: HC's forwarded round (L1, on time), HC's own (R2, on time), HC-JY's two drafts (one on time)
        fraction(rolled.figures().onTimeCompletion(), 3, 4);
        fraction(rolled.figures().onTimeReview(), 1, 2);
        fraction(rolled.figures().satisfaction(), 1, 2);  // HC-JY's answer satisfied, HC's own not
        assertThat(rolled.now()).isEqualTo(new OpenNow(1, 0));
        assertThat(rolled.units()).isEqualTo(5);

        FigureSet alone = figures.summary("2024-10-01", "2024-10-31", new FigureFilter("HC", null, null)).figures();
        fraction(alone.response(), 2, 3);
        fraction(alone.satisfaction(), 0, 1);
        assertThat(figures.summary("2024-10-01", "2024-10-31", new FigureFilter("HC", null, null)).units()).isNull();

        FigureSet street = queries.summary(FiguresHarness.range("2024-10-01", "2024-10-31"),
                FigureFilter.subtreeOf("HC-JY", null, null)).block().figures();
        fraction(street.onTimeCompletion(), 1, 2);
        // the subtree is the one the cases were booked under: reading needs no directory
        FigureSet noDirectory = figures.queries.summary(FiguresHarness.range("2024-10-01", "2024-10-31"),
                FigureFilter.subtreeOf("HC", null, null)).block().figures();
        assertThat(noDirectory).isEqualTo(rolled.figures());
    }

    @Test
    void aDistrictsSubtreeIsTwoBucketsPerPeriodWhateverItsSize() {
        FiguresHarness figures = figures();
        figures.queriesWith(DIRECTORY).summary(FiguresHarness.range("2024-10-01", "2024-10-31"),
                FigureFilter.subtreeOf("HC", null, null)).block();
        // the month's own and subtree buckets, and "now"'s: no bucket of HC-JY, HC-HB or HC-JY-01 is read
        assertThat(figures.store.lastLookup()).containsExactlyInAnyOrder(
                "M|2024-10|HC|*|*", "M|2024-10|^HC|*|*", "N|now|HC|*|*", "N|now|^HC|*|*");
    }

    @Test
    void figuresBookedBeforeAUnitMovedStayWithTheOldParentAndLaterOnesGoToTheNew() {
        List<CaseScript.Booked> log = new ArrayList<>(FiguresHarness.directory(PeerGroupRankingTest.NODES,
                "2024-01-02T09:00"));
        // HC-HB's case is open under HC when HC-HB moves to WD; it is replied after the move
        CaseScript before = CaseScript.registered("M1", Category.HELP, "371002", "2024-10-08T09:00")
                .dispatched("HC-HB", "2024-10-08T09:05", "2024-10-09T09:05")
                .signedFor("HC-HB", "2024-10-08T10:00", true, "2024-10-16T10:00")
                .replied("HC-HB", "2024-10-10T10:00", true);
        CaseScript after = CaseScript.registered("M2", Category.HELP, "371002", "2024-10-09T09:00")
                .dispatched("HC-HB", "2024-10-09T09:05", "2024-10-10T09:05")
                .signedFor("HC-HB", "2024-10-09T10:00", false, "2024-10-17T10:00");
        List<CaseScript.Booked> cases = new ArrayList<>(FiguresHarness.inOrder(List.of(before, after)));
        cases.add(FiguresHarness.moved("HC-HB", "WD", "HC", log.size(), "2024-10-08T12:00"));
        cases.sort(java.util.Comparator.comparing(CaseScript.Booked::at));
        log.addAll(cases);
        FiguresHarness figures = new FiguresHarness().feed(log);
        FigureQueries queries = figures.queriesWith(DIRECTORY);

        Summary hc = queries.summary(FiguresHarness.range("2024-10-01", "2024-10-31"),
                FigureFilter.subtreeOf("HC", null, null)).block();
        Summary wd = queries.summary(FiguresHarness.range("2024-10-01", "2024-10-31"),
                FigureFilter.subtreeOf("WD", null, null)).block();
        // M1 met HC-HB under HC: its signing, its reply and its open count came and went there
        fraction(hc.figures().response(), 1, 1);
        fraction(hc.figures().onTimeCompletion(), 1, 1);
        assertThat(hc.now()).isEqualTo(new OpenNow(0, 0));
        // M2 met HC-HB under WD
        fraction(wd.figures().response(), 0, 1);
        assertThat(wd.now()).isEqualTo(new OpenNow(1, 0));
    }

    @Test
    void aSeriesOfASubtreeAddsUpToItsSummary() {
        FigureQueries queries = figures().queriesWith(DIRECTORY);
        var series = queries.series(FiguresHarness.range("2024-10-01", "2024-10-31"),
                io.hotline.query.figures.answers.Period.DAY, null, FigureFilter.subtreeOf("HC", null, null)).block();
        long judged = series.lines().get(0).points().stream()
                .mapToLong(point -> point.figures().onTimeCompletion().denominator()).sum();
        assertThat(judged).isEqualTo(4);
    }

    @Test
    void districtsAreRankedOnTheirRolledUpFiguresAndStreetsAmongTheirDistrictsStreets() {
        FigureQueries queries = figures().queriesWith(DIRECTORY);
        RankingReport districts = queries.ranking(FiguresHarness.range("2024-10-01", "2024-10-31"), "DISTRICT", null,
                null).block();
        assertThat(districts.groups()).extracting(group -> group.key()).containsExactly("DISTRICT");
        // HC: response 2/4, solved 1/2, satisfied 1/2; WD: all 1/1
        assertThat(districts.ranking()).extracting(RankingPolicy.RankedUnit::unit).containsExactly("WD", "HC");
        assertThat(districts.ranking().get(1).rates().get("response").denominator()).isEqualTo(4);

        RankingReport insideHc = queries.dashboard(FiguresHarness.range("2024-10-01", "2024-10-31"),
                FigureFilter.subtreeOf("HC", null, null)).block().ranking();
        assertThat(insideHc.groups()).extracting(group -> group.key()).containsExactly("STREET:HC");
        // HC-HB's only step is not settled: nothing of the range is its yet, so it is not listed
        assertThat(insideHc.ranking()).extracting(RankingPolicy.RankedUnit::unit).containsExactly("HC-JY");
        assertThat(insideHc.unranked()).isEmpty();
    }
}
