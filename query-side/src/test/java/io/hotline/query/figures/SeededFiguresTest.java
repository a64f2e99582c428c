package io.hotline.query.figures;

import io.hotline.query.figures.buckets.Dimension;
import io.hotline.query.figures.buckets.FigureFilter;
import io.hotline.query.figures.answers.FigureSet;
import io.hotline.query.figures.answers.OpenNow;
import io.hotline.query.figures.answers.Overdue;
import io.hotline.query.figures.answers.Period;
import io.hotline.query.figures.ranking.RankingPolicy;
import io.hotline.query.figures.ranking.RankingReport;
import io.hotline.query.figures.answers.Series;
import io.hotline.query.figures.answers.Summary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.hotline.query.figures.FigureAssertions.fraction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Every figure over {@link SeededCases}, against expectations worked out by hand from the case stories.
 * Each count names the cases (and the day and unit) it comes from.
 */
class SeededFiguresTest {

    private FiguresHarness figures;

    @BeforeEach
    void bookTheSeededCases() {
        figures = new FiguresHarness().feed(SeededCases.inOrder());
    }

    @Test
    void theWholeRangeAddsUpCaseByCase() {
        Summary summary = figures.summary("2024-09-23", "2024-10-20");
        FigureSet all = summary.figures();

        // received: C1..C11 = 11; accepted: all but C7 (still waiting for dispatch); C5 redirected, C6 merged and
        // C11 withdrawn count as accepted.
        fraction(all.acceptance(), 10, 11);
        // sign-for steps settled: C1 CGJ ✓, C2 SWJ ✗ (overdue 29 Sep), C3 CGJ ✓, C3 JTJ ✓, C8 CGJ ✓, C8 SWJ ✓,
        // C9 CGJ ✓, C10 JTJ ✗ (overdue 15 Oct). CGJ's step on C3 and C8 were signed before leaving.
        fraction(all.response(), 6, 8);
        // handling rounds settled: C1 ✓, C2 first ✓ (after the extension), C2 reopened ✓, C3 JTJ ✗ (overdue 8 Oct),
        // C8 SWJ ✓, C9 ✗ (overdue 15 Oct, replied late 16 Oct). CGJ's rounds on C3 and C8 ended unsettled when the
        // case moved on; C10's round is still running.
        fraction(all.onTimeCompletion(), 4, 6);
        assertThat(all.overdue()).isEqualTo(new Overdue(2, 2));
        // handling: C1 5760, C2 8820 and 2880, C8 6120, C9 9780 working minutes = 33360 min over 5 replies.
        assertThat(all.handlingTime().replies()).isEqualTo(5);
        assertThat(all.handlingTime().totalWorkingSeconds()).isEqualTo(33_360L * 60);
        assertThat(all.handlingTime().averageWorkingMinutes()).isEqualTo(6672.0);
        // p90 by nearest rank: ceil(0.9 × 5) = 5th smallest = 9780 min (163 h), in the 1-hour bin [9780, 9840).
        assertThat(all.handlingTime().p90BinFromMinutes()).isEqualTo(9780L);
        assertThat(all.handlingTime().p90WorkingMinutes()).isEqualTo(9840L);
        // answers: C1, C2 ×2, C4 (at intake), C5 (redirected), C8, C9 = 7; evaluated: all but C5 = 6;
        // satisfied: C1, C2 second, C4, C8 = 4; solved: C1, C2 second, C4, C8, C9 = 5; reopened: C2 first = 1.
        fraction(all.feedbackCoverage(), 6, 7);
        fraction(all.satisfaction(), 4, 6);
        fraction(all.solved(), 5, 6);
        fraction(all.reopen(), 1, 7);
        // material requests: C3 twice, the second repeated.
        fraction(all.repeatedMaterialRequests(), 1, 2);
        // dispatched: C1, C2, C3, C8, C9, C10 = 6; transfers: C8; objections: C3.
        fraction(all.transfersPerCase(), 1, 6);
        fraction(all.objectionsPerCase(), 1, 6);
        // open now: C3 (JTJ, overdue), C7 (HOTLINE, waiting for dispatch), C10 (JTJ, signed late, round running).
        assertThat(summary.now()).isEqualTo(new OpenNow(3, 1));
    }

    @Test
    void eachUnitIsJudgedOnWhatItWasGiven() {
        FigureSet cgj = unit("CGJ");
        fraction(cgj.response(), 4, 4);                 // C1, C3, C8, C9
        fraction(cgj.onTimeCompletion(), 1, 2);         // C1 ✓, C9 ✗
        fraction(cgj.satisfaction(), 1, 2);             // C1 ✓, C9 ✗
        fraction(cgj.solved(), 2, 2);
        fraction(cgj.feedbackCoverage(), 2, 2);
        fraction(cgj.reopen(), 0, 2);
        fraction(cgj.transfersPerCase(), 1, 4);         // first dispatched: C1, C3, C8, C9; C8 transferred
        fraction(cgj.objectionsPerCase(), 1, 4);        // C3
        fraction(cgj.repeatedMaterialRequests(), 0, 0);
        fraction(cgj.acceptance(), 0, 0);               // units do not register cases
        assertThat(cgj.handlingTime().totalWorkingSeconds()).isEqualTo((5760L + 9780) * 60);
        assertThat(cgj.handlingTime().averageWorkingMinutes()).isEqualTo(7770.0);
        assertThat(cgj.handlingTime().p90WorkingMinutes()).isEqualTo(9840L); // 2nd of 2: 9780 in [9780, 9840)

        FigureSet swj = unit("SWJ");
        fraction(swj.response(), 1, 2);                 // C2 ✗, C8 ✓
        fraction(swj.onTimeCompletion(), 3, 3);         // C2 ×2, C8
        fraction(swj.satisfaction(), 2, 3);             // C2 first ✗, C2 second ✓, C8 ✓
        fraction(swj.solved(), 2, 3);
        fraction(swj.reopen(), 1, 3);
        fraction(swj.transfersPerCase(), 0, 1);         // C2
        assertThat(swj.handlingTime().averageWorkingMinutes()).isEqualTo((8820 + 2880 + 6120) / 3.0);
        // ceil(0.9 × 3) = 3rd smallest = 8820 min, in the 1-hour bin [8820, 8880)
        assertThat(swj.handlingTime().p90BinFromMinutes()).isEqualTo(8820L);
        assertThat(swj.handlingTime().p90WorkingMinutes()).isEqualTo(8880L);

        FigureSet jtj = unit("JTJ");
        fraction(jtj.response(), 1, 2);                 // C3 ✓, C10 ✗
        fraction(jtj.onTimeCompletion(), 0, 1);         // C3 ✗
        fraction(jtj.satisfaction(), 0, 0);             // no answers yet: null, not 0
        fraction(jtj.repeatedMaterialRequests(), 1, 2);
        fraction(jtj.transfersPerCase(), 0, 1);         // C10
        assertThat(jtj.handlingTime().averageWorkingMinutes()).isNull();
        assertThat(jtj.handlingTime().p90WorkingMinutes()).isNull();
        assertThat(figures.summary("2024-09-23", "2024-10-20", new FigureFilter("JTJ", null, null)).now())
                .isEqualTo(new OpenNow(2, 1));

        FigureSet hotline = unit(CaseScript.INTAKE);
        fraction(hotline.acceptance(), 10, 11);
        fraction(hotline.feedbackCoverage(), 1, 2);     // C4 evaluated, C5 not
        fraction(hotline.satisfaction(), 1, 1);
        fraction(hotline.response(), 0, 0);
    }

    @Test
    void filtersCombine() {
        FigureSet complaints = figures.summary("2024-09-23", "2024-10-20",
                new FigureFilter(null, "COMPLAINT", null)).figures();
        // C1, C3, C5, C7, C8, C9, C11
        fraction(complaints.acceptance(), 6, 7);
        fraction(complaints.response(), 6, 6);          // C1, C3 ×2, C8 ×2, C9
        fraction(complaints.onTimeCompletion(), 2, 4);  // C1 ✓, C3 ✗, C8 ✓, C9 ✗
        fraction(complaints.feedbackCoverage(), 3, 4);  // answers C1, C5, C8, C9; C5 not evaluated
        fraction(complaints.satisfaction(), 2, 3);

        FigureSet cgjIn370602 = figures.summary("2024-09-23", "2024-10-20",
                new FigureFilter("CGJ", null, "370602")).figures();
        fraction(cgjIn370602.response(), 3, 3);         // C1, C3, C9 (C8 is in 370613)
        fraction(cgjIn370602.onTimeCompletion(), 1, 2);
        fraction(cgjIn370602.objectionsPerCase(), 1, 3);
        fraction(cgjIn370602.transfersPerCase(), 0, 3);

        FigureSet in370613 = figures.summary("2024-09-23", "2024-10-20",
                new FigureFilter(null, null, "370613")).figures();
        fraction(in370613.acceptance(), 4, 5);          // C2, C4, C7 (waiting), C8, C10
        fraction(in370613.response(), 2, 4);            // C2 ✗, C8 CGJ ✓, C8 SWJ ✓, C10 ✗

        FigureSet helpAtJtjIn370613 = figures.summary("2024-09-23", "2024-10-20",
                new FigureFilter("JTJ", "HELP", "370613")).figures();
        fraction(helpAtJtjIn370613.response(), 0, 1);   // C10
    }

    @Test
    void aFigureCountsOnTheDayItWasSettled() {
        // Sunday 29 September was a make-up working day: C2's sign-for deadline fell on it and was missed.
        FigureSet makeUpSunday = figures.summary("2024-09-29", "2024-09-29").figures();
        fraction(makeUpSunday.response(), 0, 1);
        assertThat(makeUpSunday.overdue()).isEqualTo(new Overdue(1, 0));
        fraction(makeUpSunday.acceptance(), 0, 0);

        // C9 was declared overdue on 15 Oct and replied late on 16 Oct: the lateness counts on the 15th, the
        // answer (and its evaluation the next day) on the 16th.
        fraction(figures.summary("2024-10-15", "2024-10-15").figures().onTimeCompletion(), 0, 1);
        FigureSet sixteenth = figures.summary("2024-10-16", "2024-10-16").figures();
        fraction(sixteenth.onTimeCompletion(), 1, 1);   // C8 on time
        fraction(sixteenth.satisfaction(), 1, 2);       // C8 ✓, C9 ✗, evaluated on the 17th
        fraction(sixteenth.acceptance(), 1, 1);         // C11 registered and withdrawn
    }

    @Test
    void aWholeMonthIsReadFromItsMonthBucket() {
        FigureSet october = figures.summary("2024-10-01", "2024-10-31").figures();
        assertThat(figures.store.lastLookup()).contains("M|2024-10|*|*|*")
                .noneMatch(id -> id.startsWith("D|2024-10"));
        fraction(october.acceptance(), 6, 7);            // C5..C11, C7 waiting
        fraction(october.response(), 3, 4);              // C9, C8 CGJ, C8 SWJ ✓; C10 ✗
        fraction(october.onTimeCompletion(), 3, 5);      // C3 ✗, C2 ×2 ✓, C8 ✓, C9 ✗
        fraction(october.feedbackCoverage(), 4, 5);      // answers C5, C2 ×2, C8, C9; C5 not evaluated
        fraction(october.satisfaction(), 2, 4);          // C2 second, C8
        fraction(october.solved(), 3, 4);                // C2 second, C8, C9
        fraction(october.reopen(), 1, 5);
        fraction(october.transfersPerCase(), 1, 3);      // C8, C9, C10 dispatched in October

        // the same month from its day buckets (a range not starting on the 1st) agrees, day by day
        FigureSet fromDays = figures.summary("2024-09-30", "2024-10-31").figures();
        FigureSet lastDayOfSeptember = figures.summary("2024-09-30", "2024-09-30").figures();
        assertThat(fromDays.acceptance().denominator())
                .isEqualTo(october.acceptance().denominator() + lastDayOfSeptember.acceptance().denominator());
        assertThat(fromDays.satisfaction().denominator())
                .isEqualTo(october.satisfaction().denominator() + lastDayOfSeptember.satisfaction().denominator());
    }

    @Test
    void weeklySeriesSplitAtMonday() {
        Series series = figures.series("2024-09-23", "2024-10-20", Period.WEEK, null);
        assertThat(series.lines()).hasSize(1);
        List<Series.Point> weeks = series.lines().get(0).points();
        assertThat(weeks).extracting(Series.Point::period)
                .containsExactly("2024-W39", "2024-W40", "2024-W41", "2024-W42");
        // received: W39 C1, C2, C3; W40 C4; W41 C5, C6, C7, C8, C9; W42 C10, C11
        assertThat(weeks).extracting(point -> point.figures().acceptance().denominator())
                .containsExactly(3L, 1L, 5L, 2L);
        // sign-for: W39 C1 ✓ C3 ✓✓ C2 ✗; W40 none; W41 C9 ✓ C8 ✓✓; W42 C10 ✗
        fraction(weeks.get(0).figures().response(), 3, 4);
        fraction(weeks.get(1).figures().response(), 0, 0);
        fraction(weeks.get(2).figures().response(), 3, 3);
        fraction(weeks.get(3).figures().response(), 0, 1);
        // completion: W39 C1 ✓; W40 none; W41 C3 ✗; W42 C2 ✓✓ C8 ✓ C9 ✗
        fraction(weeks.get(0).figures().onTimeCompletion(), 1, 1);
        fraction(weeks.get(1).figures().onTimeCompletion(), 0, 0);
        fraction(weeks.get(2).figures().onTimeCompletion(), 0, 1);
        fraction(weeks.get(3).figures().onTimeCompletion(), 3, 4);
        assertThat(weeks.get(3).from()).hasToString("2024-10-14");
        assertThat(weeks.get(3).to()).hasToString("2024-10-20");
    }

    @Test
    void seriesByUnitHasALinePerUnit() {
        Series series = figures.series("2024-09-23", "2024-10-20", Period.MONTH, Dimension.UNIT);
        Map<String, List<Series.Point>> lines = series.lines().stream()
                .collect(Collectors.toMap(Series.Line::key, Series.Line::points));
        assertThat(lines).containsOnlyKeys("CGJ", "HOTLINE", "JTJ", "SWJ");
        List<Series.Point> jtj = lines.get("JTJ");
        assertThat(jtj).extracting(Series.Point::period).containsExactly("2024-09", "2024-10");
        assertThat(jtj.get(0).from()).hasToString("2024-09-23");  // cut to the range
        fraction(jtj.get(0).figures().response(), 1, 1);          // C3
        fraction(jtj.get(1).figures().response(), 0, 1);          // C10
        fraction(jtj.get(1).figures().onTimeCompletion(), 0, 1);  // C3
        List<Series.Point> hotline = lines.get("HOTLINE");
        fraction(hotline.get(0).figures().acceptance(), 4, 4);    // C1..C4
        fraction(hotline.get(1).figures().acceptance(), 6, 7);    // C5..C11

        Series byCategory = figures.series("2024-09-23", "2024-10-20", Period.MONTH, Dimension.CATEGORY);
        assertThat(byCategory.lines()).extracting(Series.Line::key)
                .containsExactly("COMPLAINT", "CONSULTATION", "HELP");
    }

    @Test
    void unitsAreRankedByTheDefaultWeighting() {
        RankingReport report = figures.ranking("2024-09-23", "2024-10-20");
        assertThat(report.weights()).containsEntry("response", 0.30).containsEntry("solution", 0.35)
                .containsEntry("satisfaction", 0.35);
        // CGJ: 100 × (0.30 × 4/4 + 0.35 × 2/2 + 0.35 × 1/2) = 82.5
        // SWJ: 100 × (0.30 × 1/2 + 0.35 × 2/3 + 0.35 × 2/3) = 61.67
        assertThat(report.ranking()).extracting(RankingPolicy.RankedUnit::unit).containsExactly("CGJ", "SWJ");
        assertThat(report.ranking().get(0).score()).isCloseTo(82.5, offset(1e-9));
        assertThat(report.ranking().get(1).score())
                .isCloseTo(100 * (0.30 / 2 + 0.35 * 2 / 3 + 0.35 * 2 / 3), offset(1e-9));
        fraction(report.ranking().get(1).rates().get("response"), 1, 2);
        // JTJ has no evaluated answers yet; the hotline (which signs for nothing) is no handling unit: not listed
        Map<String, List<String>> unranked = report.unranked().stream()
                .collect(Collectors.toMap(RankingPolicy.UnrankedUnit::unit, RankingPolicy.UnrankedUnit::missing));
        assertThat(unranked).containsOnly(Map.entry("JTJ", List.of("solution", "satisfaction")));
        // floors: response 92% (SWJ 1/2, JTJ 1/2), satisfaction 85% (CGJ 1/2, SWJ 2/3)
        Map<String, List<String>> below = report.belowFloors().stream().collect(Collectors.toMap(
                RankingPolicy.FloorBreach::figure,
                breach -> breach.units().stream().map(RankingPolicy.UnitRate::unit).toList()));
        assertThat(below).containsOnly(Map.entry("response", List.of("JTJ", "SWJ")),
                Map.entry("satisfaction", List.of("CGJ", "SWJ")));
    }

    @Test
    void handlingTimeIsWorkingTimeNotWallClock() {
        // C2's first round ran Mon 30 Sep 09:00 to Mon 14 Oct 12:00: 14 days 3 hours on the wall clock
        // (20340 min), 147 working hours (8820 min) across the holiday and its make-up Saturday.
        FigureSet fourteenth = figures.summary("2024-10-14", "2024-10-14", new FigureFilter("SWJ", null, null)).figures();
        assertThat(fourteenth.handlingTime().totalWorkingSeconds()).isEqualTo(8820L * 60);
    }

    private FigureSet unit(String unit) {
        return figures.summary("2024-09-23", "2024-10-20", new FigureFilter(unit, null, null)).figures();
    }
}
