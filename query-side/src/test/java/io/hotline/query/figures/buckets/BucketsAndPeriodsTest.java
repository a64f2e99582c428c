package io.hotline.query.figures.buckets;

import io.hotline.query.figures.answers.DateRange;
import io.hotline.query.figures.answers.HandlingTime;
import io.hotline.query.figures.answers.Period;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Bucket ids, range covers, series steps and histogram bins. */
class BucketsAndPeriodsTest {

    @Test
    void aCellIsAddedToItsDayAndMonthInEveryCombinationOfItsDimensions() {
        Cell cell = new Cell(LocalDate.parse("2024-10-08"), "CGJ", "COMPLAINT", "370602");
        assertThat(BucketIds.of(cell)).hasSize(16).doesNotHaveDuplicates()
                .contains("D|2024-10-08|CGJ|COMPLAINT|370602", "D|2024-10-08|*|*|*", "M|2024-10|CGJ|*|370602",
                        "M|2024-10|*|COMPLAINT|*");
        assertThat(BucketIds.of(Cell.now("CGJ", "COMPLAINT", "370602"))).hasSize(8).contains("N|now|CGJ|*|*");
    }

    @Test
    void codesCannotCollideWithTheSeparatorOrTheWildcard() {
        assertThat(BucketIds.of("D|2024-10-08", new FigureFilter("A|B", null, null))).isEqualTo("D|2024-10-08|A%7CB|*|*");
        assertThat(BucketIds.of("D|2024-10-08", new FigureFilter("*", null, null))).isEqualTo("D|2024-10-08|%2A|*|*");
    }

    @Test
    void aRangeIsCoveredByWholeMonthsAndTheDaysAtEitherEnd() {
        assertThat(BucketIds.cover(LocalDate.parse("2024-09-29"), LocalDate.parse("2024-12-02")))
                .containsExactly("D|2024-09-29", "D|2024-09-30", "M|2024-10", "M|2024-11", "D|2024-12-01", "D|2024-12-02");
        assertThat(BucketIds.cover(LocalDate.parse("2024-10-01"), LocalDate.parse("2024-10-30"))).hasSize(30);
        // 400 days: at most 13 months and a few dozen days
        assertThat(BucketIds.cover(LocalDate.parse("2024-01-15"), LocalDate.parse("2025-02-17"))).hasSizeLessThan(75);
    }

    @Test
    void seriesStepsAreCutToTheRange() {
        DateRange range = new DateRange(LocalDate.parse("2024-12-28"), LocalDate.parse("2025-01-07"));
        assertThat(Period.WEEK.steps(range)).extracting(Period.Step::label)
                .containsExactly("2024-W52", "2025-W01", "2025-W02");
        assertThat(Period.WEEK.steps(range).get(1).range())
                .isEqualTo(new DateRange(LocalDate.parse("2024-12-30"), LocalDate.parse("2025-01-05")));
        assertThat(Period.MONTH.steps(range)).extracting(Period.Step::label).containsExactly("2024-12", "2025-01");
        assertThat(Period.DAY.steps(range)).hasSize(11);
    }

    @Test
    void histogramBinsAreFifteenMinutesThenHoursThenDays() {
        assertThat(HandlingTimeBins.binOf(0)).isZero();
        assertThat(HandlingTimeBins.binOf(14)).isZero();
        assertThat(HandlingTimeBins.binOf(15)).isEqualTo(1);
        assertThat(HandlingTimeBins.binOf(1439)).isEqualTo(95);
        assertThat(HandlingTimeBins.binOf(1440)).isEqualTo(96);
        assertThat(HandlingTimeBins.lowerEdge(96)).isEqualTo(1440);
        assertThat(HandlingTimeBins.upperEdge(96)).isEqualTo(1500);
        assertThat(HandlingTimeBins.binOf(10079)).isEqualTo(239);
        assertThat(HandlingTimeBins.binOf(10080)).isEqualTo(240);
        assertThat(HandlingTimeBins.upperEdge(240)).isEqualTo(10080 + 1440);
        assertThat(HandlingTimeBins.binOf(400L * 1440 - 1)).isEqualTo(632);
        assertThat(HandlingTimeBins.binOf(400L * 1440)).isEqualTo(HandlingTimeBins.OVERFLOW);
        assertThat(HandlingTimeBins.upperEdge(HandlingTimeBins.OVERFLOW)).isNull();
        for (int bin = 0; bin < HandlingTimeBins.OVERFLOW; bin++) {
            assertThat(HandlingTimeBins.binOf(HandlingTimeBins.lowerEdge(bin))).isEqualTo(bin);
            assertThat(HandlingTimeBins.binOf(HandlingTimeBins.upperEdge(bin) - 1)).isEqualTo(bin);
        }
    }

    @Test
    void theP90IsTheNearestRankReadFromTheHistogram() {
        Tally tally = Tally.empty();
        for (int minutes = 1; minutes <= 10; minutes++) {
            tally.addHandling(minutes * 20L * 60);       // 20, 40, ..., 200 minutes
        }
        HandlingTime time = HandlingTime.of(tally);
        // ceil(0.9 × 10) = 9th smallest = 180 min, bin [180, 195)
        assertThat(time.p90BinFromMinutes()).isEqualTo(180L);
        assertThat(time.p90WorkingMinutes()).isEqualTo(195L);
        assertThat(time.averageWorkingMinutes()).isEqualTo(110.0);

        Tally overflow = Tally.empty().addHandling(500L * 1440 * 60);
        assertThat(HandlingTime.of(overflow).p90WorkingMinutes()).isEqualTo(400L * 1440);
    }
}
