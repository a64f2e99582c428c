package io.hotline.kernel.time;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Working time as the service commitments count it (限时办结): only the office hours of working days count.
 * Weekends and public holidays do not; the make-up working days China announces each year (调休上班日) do,
 * even on a Saturday or Sunday.
 * <p>
 * Deadlines that run on working time are computed with {@link #plusWorkingTime}; handling-time figures are
 * measured with {@link #workingTimeBetween}, which is its exact inverse, so a case finished at its due moment
 * took exactly the allowed time.
 * <p>
 * Immutable and thread-safe. The zone, the office hours and the holiday data are inputs, so a city with other
 * hours, or a test, builds its own.
 */
public final class WorkingCalendar {

    /** Where the hotline's offices are. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    /** The usual office hours of a government office: 09:00–12:00 and 13:30–17:30, eight hours a day. */
    public static final List<WorkingPeriod> DEFAULT_PERIODS = List.of(
            WorkingPeriod.of(LocalTime.of(9, 0), LocalTime.of(12, 0)),
            WorkingPeriod.of(LocalTime.of(13, 30), LocalTime.of(17, 30)));

    private final ZoneId zone;
    private final List<WorkingPeriod> periods;
    private final HolidayCalendar holidays;
    private final Duration workingDayLength;

    /**
     * @param periods the office hours of every working day, in any order, not overlapping
     */
    public WorkingCalendar(ZoneId zone, List<WorkingPeriod> periods, HolidayCalendar holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.holidays = Objects.requireNonNull(holidays, "holidays");
        List<WorkingPeriod> sorted = new ArrayList<>(Objects.requireNonNull(periods, "periods"));
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("A working day needs at least one working period");
        }
        sorted.sort(Comparator.comparing(WorkingPeriod::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                throw new IllegalArgumentException("Working periods overlap: " + sorted.get(i - 1) + " and "
                        + sorted.get(i));
            }
        }
        this.periods = List.copyOf(sorted);
        this.workingDayLength = this.periods.stream().map(WorkingPeriod::length).reduce(Duration.ZERO,
                Duration::plus);
    }

    /** Shanghai time, 09:00–12:00 and 13:30–17:30, with the given holidays. */
    public static WorkingCalendar standard(HolidayCalendar holidays) {
        return new WorkingCalendar(DEFAULT_ZONE, DEFAULT_PERIODS, holidays);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The office hours of a working day, in order. */
    public List<WorkingPeriod> periods() {
        return periods;
    }

    public HolidayCalendar holidays() {
        return holidays;
    }

    /** How much working time one working day holds: the periods' total length, eight hours by default. */
    public Duration workingDayLength() {
        return workingDayLength;
    }

    /**
     * An announced holiday is off and an announced make-up day is on, whatever the weekday; any other date
     * works Monday to Friday.
     */
    public boolean isWorkingDay(LocalDate date) {
        return holidays.lookup(date)
                .map(AnnouncedDay::isWorkingDay)
                .orElseGet(() -> date.getDayOfWeek() != DayOfWeek.SATURDAY
                        && date.getDayOfWeek() != DayOfWeek.SUNDAY);
    }

    /** Whether the instant lies within the office hours of a working day (a period's end is already outside). */
    public boolean isWorkingTime(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, zone);
        if (!isWorkingDay(day)) {
            return false;
        }
        return periods.stream().anyMatch(period -> !instant.isBefore(at(day, period.start()))
                && instant.isBefore(at(day, period.end())));
    }

    /**
     * The earliest moment by which {@code workingTime} of office hours has passed since {@code start}. Nights,
     * lunch breaks, weekends and holidays are skipped; a start outside office hours begins counting when the
     * next working period opens. When the time runs out exactly at the close of a period the answer is that
     * close (a deadline of "today 17:30", not "the next working morning"). Zero working time is {@code start}.
     *
     * @throws IllegalArgumentException if {@code workingTime} is negative
     */
    public Instant plusWorkingTime(Instant start, Duration workingTime) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(workingTime, "workingTime");
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("Working time cannot be negative: " + workingTime);
        }
        if (workingTime.isZero()) {
            return start;
        }
        Duration remaining = workingTime;
        for (LocalDate day = LocalDate.ofInstant(start, zone); ; day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (WorkingPeriod period : periods) {
                Instant open = latest(start, at(day, period.start()));
                Instant close = at(day, period.end());
                if (open.isBefore(close)) {
                    Duration available = Duration.between(open, close);
                    if (remaining.compareTo(available) <= 0) {
                        return open.plus(remaining);
                    }
                    remaining = remaining.minus(available);
                }
            }
        }
    }

    /**
     * {@code days} working days after {@code start}, where one working day is {@link #workingDayLength()} of
     * working time: a case dispatched at 10:00 with one working day is due at 10:00 on the next working day,
     * and one dispatched on a Saturday is due at the close of Monday.
     *
     * @throws IllegalArgumentException if {@code days} is negative
     */
    public Instant plusWorkingDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Working days cannot be negative: " + days);
        }
        return plusWorkingTime(start, workingDayLength.multipliedBy(days));
    }

    /**
     * The office hours that lie between the two instants: the inverse of {@link #plusWorkingTime}, so
     * {@code workingTimeBetween(s, plusWorkingTime(s, d))} is {@code d}. Like {@link Duration#between}, the
     * answer is negative when {@code to} comes before {@code from}.
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return workingTimeBetween(to, from).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate day = LocalDate.ofInstant(from, zone); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (WorkingPeriod period : periods) {
                Instant open = latest(from, at(day, period.start()));
                Instant close = earliest(to, at(day, period.end()));
                if (open.isBefore(close)) {
                    total = total.plus(Duration.between(open, close));
                }
            }
        }
        return total;
    }

    private Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public String toString() {
        return "WorkingCalendar[" + zone + " " + periods + ", " + holidays + "]";
    }
}
