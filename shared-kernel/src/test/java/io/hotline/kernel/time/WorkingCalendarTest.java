package io.hotline.kernel.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The working-time rules, on the 2025 and 2026 notices and the default office hours (7 h a day). */
class WorkingCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final WorkingCalendar CALENDAR = WorkingCalendar.standard(NoticesFor2025And2026.holidays());

    /** A Shanghai wall-clock time, e.g. {@code "2025-03-07T16:30"}. */
    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private static Instant plus(String start, Duration workingTime) {
        return CALENDAR.plusWorkingTime(at(start), workingTime);
    }

    @Test
    void aWorkingDayHoldsTheTotalOfItsPeriods() {
        assertThat(CALENDAR.workingDayLength()).isEqualTo(Duration.ofHours(7));
    }

    @Test
    void weekdaysWorkAndWeekendsRest() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-03-07"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-03-08"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-03-09"))).isFalse();
    }

    @Test
    void workingTimeSkipsTheWeekend() {
        assertThat(plus("2025-03-07T16:30", Duration.ofHours(2))).isEqualTo(at("2025-03-10T10:00"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "元旦 on a Wednesday,      2025-01-01",
            "清明 on a Friday,         2025-04-04",
            "劳动节 on a Monday,       2025-05-05",
            "端午 on a Monday,         2025-06-02",
            "国庆中秋 on a Wednesday,  2025-10-08",
            "元旦 on a Friday,         2026-01-02",
            "中秋 on a Friday,         2026-09-25",
    })
    void aPublicHolidayOnAWeekdayIsNotAWorkingDay(String holiday, LocalDate date) {
        assertThat(CALENDAR.isWorkingDay(date)).as(holiday).isFalse();
    }

    @Test
    void aHolidayOnAWeekendIsSimplyADayOff() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-05-31"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-04-04"))).isFalse();
    }

    @Test
    void makeUpSaturdayIsAWorkingDay() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-02-08"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-10-11"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-05-09"))).isTrue();
    }

    @Test
    void makeUpSundayIsAWorkingDay() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-01-26"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-04-27"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-09-20"))).isTrue();
    }

    @Test
    void workingTimeCountsOnAMakeUpSaturday() {
        assertThat(plus("2025-10-10T17:00", Duration.ofHours(1))).isEqualTo(at("2025-10-11T09:30"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "清明 2025 (Fri-Sun),               2025-04-03T17:00, 2025-04-07T09:30",
            "劳动节 2025 (after make-up Sunday), 2025-04-30T17:00, 2025-05-06T09:30",
            "端午 2025 (Sat-Mon),               2025-05-30T17:00, 2025-06-03T09:30",
            "国庆中秋 2025 (eight days),         2025-09-30T17:00, 2025-10-09T09:30",
            "端午 2026 (Fri-Sun),               2026-06-18T17:00, 2026-06-22T09:30",
            "国庆 2026 (seven days),            2026-09-30T17:00, 2026-10-08T09:30",
    })
    void aHolidayIsSkippedLikeAWeekend(String holiday, String start, String due) {
        assertThat(plus(start, Duration.ofHours(1))).as(holiday).isEqualTo(at(due));
    }

    @Test
    void aStartBeforeOfficeHoursBeginsCountingWhenTheOfficeOpens() {
        assertThat(plus("2025-03-10T07:00", Duration.ofHours(1))).isEqualTo(at("2025-03-10T10:00"));
    }

    @Test
    void aStartAfterCloseBeginsCountingTheNextWorkingMorning() {
        assertThat(plus("2025-03-07T20:00", Duration.ofMinutes(30))).isEqualTo(at("2025-03-10T09:30"));
    }

    @Test
    void aStartOnAWeekendBeginsCountingOnMonday() {
        assertThat(CALENDAR.plusWorkingDays(at("2025-03-08T10:00"), 1)).isEqualTo(at("2025-03-10T17:30"));
    }

    @Test
    void theLunchBreakDoesNotCount() {
        assertThat(plus("2025-03-10T11:30", Duration.ofHours(1))).isEqualTo(at("2025-03-10T14:00"));
    }

    @Test
    void aStartDuringLunchBeginsCountingAfterLunch() {
        assertThat(plus("2025-03-10T12:30", Duration.ofHours(1))).isEqualTo(at("2025-03-10T14:30"));
    }

    @Test
    void timeRunningOutAtCloseIsDueAtCloseNotTheNextMorning() {
        assertThat(plus("2025-03-10T16:30", Duration.ofHours(1))).isEqualTo(at("2025-03-10T17:30"));
        assertThat(plus("2025-03-10T11:00", Duration.ofHours(1))).isEqualTo(at("2025-03-10T12:00"));
    }

    @Test
    void zeroWorkingTimeIsTheStartItself() {
        assertThat(plus("2025-03-08T03:00", Duration.ZERO)).isEqualTo(at("2025-03-08T03:00"));
    }

    @Test
    void negativeWorkingTimeIsRejected() {
        assertThatThrownBy(() -> plus("2025-03-10T10:00", Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CALENDAR.plusWorkingDays(at("2025-03-10T10:00"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void crossingTheSpringFestival2025CountsTheMakeUpSundayBeforeIt() {
        // Friday 17:00: half an hour left, Saturday off, Sunday 26 January a make-up working day.
        assertThat(plus("2025-01-24T17:00", Duration.ofHours(1))).isEqualTo(at("2025-01-26T09:30"));
        // Monday 27 January 16:30: one hour left, then 28 January to 4 February off.
        assertThat(plus("2025-01-27T16:30", Duration.ofHours(2))).isEqualTo(at("2025-02-05T10:00"));
    }

    @Test
    void crossingTheSpringFestival2026SkipsNineDaysBetweenTwoMakeUpSaturdays() {
        assertThat(plus("2026-02-13T17:00", Duration.ofHours(1))).isEqualTo(at("2026-02-14T09:30"));
        assertThat(plus("2026-02-14T17:00", Duration.ofHours(1))).isEqualTo(at("2026-02-24T09:30"));
        // 24 to 27 February (Tue-Fri) and the make-up Saturday 28 February: five working days.
        assertThat(CALENDAR.plusWorkingDays(at("2026-02-14T10:00"), 5)).isEqualTo(at("2026-02-28T10:00"));
    }

    @Test
    void crossingTheYearBoundaryReadsTheNextYearsNotice() {
        // 31 December 2025 (Wed), then 元旦 1-3 January 2026, then the make-up Sunday 4 January.
        assertThat(plus("2025-12-31T17:00", Duration.ofHours(1))).isEqualTo(at("2026-01-04T09:30"));
        assertThat(CALENDAR.plusWorkingDays(at("2025-12-31T10:00"), 2)).isEqualTo(at("2026-01-05T10:00"));
    }

    @Test
    void oneWorkingDayFromInsideOfficeHoursIsTheSameClockTimeOnTheNextWorkingDay() {
        assertThat(CALENDAR.plusWorkingDays(at("2025-03-10T10:00"), 1)).isEqualTo(at("2025-03-11T10:00"));
        assertThat(CALENDAR.plusWorkingDays(at("2025-03-10T10:00"), 5)).isEqualTo(at("2025-03-17T10:00"));
    }

    @Test
    void workingTimeBetweenCountsOnlyOfficeHours() {
        assertThat(CALENDAR.workingTimeBetween(at("2025-03-10T00:00"), at("2025-03-11T00:00")))
                .isEqualTo(Duration.ofHours(7));
        assertThat(CALENDAR.workingTimeBetween(at("2025-03-10T00:00"), at("2025-03-17T00:00")))
                .isEqualTo(Duration.ofHours(35));
        assertThat(CALENDAR.workingTimeBetween(at("2025-03-10T11:00"), at("2025-03-10T14:00")))
                .isEqualTo(Duration.ofMinutes(90));
        assertThat(CALENDAR.workingTimeBetween(at("2025-01-27T17:00"), at("2025-02-05T09:30")))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void workingTimeBetweenIsTheInverseOfPlusWorkingTime() {
        List<String> starts = List.of("2025-01-24T17:00", "2025-03-08T03:00", "2025-03-10T12:15",
                "2025-04-30T16:59:30", "2025-09-27T23:00", "2025-12-31T11:45", "2026-02-13T09:00");
        List<Duration> amounts = List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(15),
                Duration.ofHours(3), Duration.ofHours(7), Duration.ofHours(7 * 15), Duration.ofMinutes(7 * 60 * 40 + 7));
        for (String start : starts) {
            for (Duration amount : amounts) {
                Instant due = plus(start, amount);
                assertThat(CALENDAR.workingTimeBetween(at(start), due)).as("%s + %s", start, amount)
                        .isEqualTo(amount);
            }
        }
    }

    @Test
    void plusWorkingTimeOfTheTimeBetweenReachesAnyMomentInsideOfficeHours() {
        Instant start = at("2025-09-26T15:10");
        for (String end : List.of("2025-09-26T16:00", "2025-09-28T09:00:01", "2025-10-09T13:31", "2025-10-11T17:29")) {
            assertThat(CALENDAR.plusWorkingTime(start, CALENDAR.workingTimeBetween(start, at(end)))).as(end)
                    .isEqualTo(at(end));
        }
    }

    @Test
    void workingTimeBetweenIsNegativeWhenTheEndComesFirst() {
        assertThat(CALENDAR.workingTimeBetween(at("2025-03-11T10:00"), at("2025-03-10T10:00")))
                .isEqualTo(Duration.ofHours(-7));
    }

    @Test
    void workingTimeIsOfficeHoursOfAWorkingDay() {
        assertThat(CALENDAR.isWorkingTime(at("2025-03-10T09:00"))).isTrue();
        assertThat(CALENDAR.isWorkingTime(at("2025-03-10T12:00"))).isFalse();
        assertThat(CALENDAR.isWorkingTime(at("2025-03-10T13:30"))).isTrue();
        assertThat(CALENDAR.isWorkingTime(at("2025-10-11T10:00"))).isTrue();
        assertThat(CALENDAR.isWorkingTime(at("2025-10-08T10:00"))).isFalse();
    }

    @Test
    void aYearWithoutANoticeFallsBackToTheWeek() {
        assertThat(CALENDAR.holidays().covers(2027)).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2027-01-01"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2027-01-02"))).isFalse();
    }

    @Test
    void officeHoursAndZoneAreInputs() {
        WorkingCalendar utcLongDays = new WorkingCalendar(ZoneOffset.UTC,
                List.of(WorkingPeriod.valueOf("14:00-18:00"), WorkingPeriod.valueOf("08:30-12:00")),
                HolidayCalendar.none());
        assertThat(utcLongDays.periods()).extracting(WorkingPeriod::start)
                .containsExactly(LocalTime.of(8, 30), LocalTime.of(14, 0));
        assertThat(utcLongDays.workingDayLength()).isEqualTo(Duration.ofMinutes(450));
        assertThat(utcLongDays.plusWorkingTime(Instant.parse("2025-01-01T11:00:00Z"), Duration.ofHours(2)))
                .as("no holidays given: 1 January is a plain Wednesday")
                .isEqualTo(Instant.parse("2025-01-01T15:00:00Z"));
    }

    @Test
    void overlappingPeriodsAreRejected() {
        assertThatThrownBy(() -> new WorkingCalendar(SHANGHAI,
                List.of(WorkingPeriod.valueOf("09:00-12:00"), WorkingPeriod.valueOf("11:00-17:00")),
                HolidayCalendar.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlap");
        assertThatThrownBy(() -> new WorkingCalendar(SHANGHAI, List.of(), HolidayCalendar.none()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWorkingPeriodReadsFromText() {
        assertThat(WorkingPeriod.valueOf(" 13:30 - 17:30 "))
                .isEqualTo(WorkingPeriod.of(LocalTime.of(13, 30), LocalTime.of(17, 30)));
        assertThat(WorkingPeriod.valueOf("09:00-12:00")).hasToString("09:00-12:00");
        assertThatThrownBy(() -> WorkingPeriod.valueOf("9 to 12")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingPeriod.valueOf("12:00-09:00")).isInstanceOf(IllegalArgumentException.class);
    }
}
