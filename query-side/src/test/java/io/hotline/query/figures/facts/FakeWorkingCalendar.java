package io.hotline.query.figures.facts;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * A working-time calendar the tests control, shaped like China's: Monday to Friday are working days, the
 * listed public holidays are not, the listed make-up days (调休, often a Saturday or Sunday) are. Every hour of
 * a working day counts, which keeps hand computation simple. The 2024 entries are the State Council's:
 * Mid-Autumn 15–17 September with Saturday 14 September worked, National Day 1–7 October with Sunday
 * 29 September and Saturday 12 October worked.
 */
public final class FakeWorkingCalendar implements WorkingTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static final FakeWorkingCalendar CHINA_2024 = new FakeWorkingCalendar(
            Set.of(LocalDate.parse("2024-09-16"), LocalDate.parse("2024-09-17"),
                    LocalDate.parse("2024-10-01"), LocalDate.parse("2024-10-02"), LocalDate.parse("2024-10-03"),
                    LocalDate.parse("2024-10-04"), LocalDate.parse("2024-10-07")),
            Set.of(LocalDate.parse("2024-09-14"), LocalDate.parse("2024-09-29"), LocalDate.parse("2024-10-12")));

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpDays;

    FakeWorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> makeUpDays) {
        this.holidays = holidays;
        this.makeUpDays = makeUpDays;
    }

    boolean isWorkingDay(LocalDate day) {
        if (makeUpDays.contains(day)) {
            return true;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && !holidays.contains(day);
    }

    @Override
    public Duration between(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        LocalDate day = LocalDate.ofInstant(from, ZONE);
        while (from.isBefore(to)) {
            Instant nextDay = day.plusDays(1).atStartOfDay(ZONE).toInstant();
            Instant end = to.isBefore(nextDay) ? to : nextDay;
            if (isWorkingDay(day)) {
                total = total.plus(Duration.between(from, end));
            }
            from = end;
            day = day.plusDays(1);
        }
        return total;
    }
}
