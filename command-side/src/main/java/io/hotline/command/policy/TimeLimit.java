package io.hotline.command.policy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * How long a step may take, as a service commitment states it: "15 minutes" or "24 hours" around the clock for
 * the urgent tiers, "2 working days" for ordinary cases. The unit decides the time base: wall-clock limits
 * run through nights and holidays, working-time limits only through office hours.
 * <p>
 * Written in configuration as {@code "<amount> <UNIT>"}, e.g. {@code 15 MINUTES} or {@code 2 WORKING_DAYS}.
 */
public record TimeLimit(long amount, Unit unit) {

    public enum Unit {
        /** Wall-clock minutes, around the clock. */
        MINUTES(true),
        /** Wall-clock hours, around the clock. */
        HOURS(true),
        /** Hours of office time on working days. */
        WORKING_HOURS(false),
        /** Working days, each the length of a working day's office hours. */
        WORKING_DAYS(false);

        private final boolean wallClock;

        Unit(boolean wallClock) {
            this.wallClock = wallClock;
        }
    }

    public TimeLimit {
        Objects.requireNonNull(unit, "unit");
        if (amount <= 0) {
            throw new IllegalArgumentException("A time limit must be positive, not " + amount + " " + unit);
        }
    }

    public static TimeLimit of(long amount, Unit unit) {
        return new TimeLimit(amount, unit);
    }

    /**
     * Reads {@code "15 MINUTES"} or {@code "2 working-days"}. Named {@code valueOf} so that Spring's binder turns a
     * setting's text into a limit without a registered converter.
     */
    public static TimeLimit valueOf(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 2 || !parts[0].matches("\\d{1,18}")) {
            throw unreadable(text);
        }
        String unit = parts[1].toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(Unit.values())
                .filter(candidate -> candidate.name().equals(unit))
                .findFirst()
                .map(known -> new TimeLimit(Long.parseLong(parts[0]), known))
                .orElseThrow(() -> unreadable(text));
    }

    /** Says what a limit looks like: the message an operator sees when the application refuses to start. */
    private static IllegalArgumentException unreadable(String text) {
        return new IllegalArgumentException("A time limit reads like '15 MINUTES', '24 HOURS', '4 WORKING_HOURS' or "
                + "'2 WORKING_DAYS', not '" + text + "'");
    }

    /** Whether the limit runs around the clock rather than on working time. */
    public boolean onWallClock() {
        return unit.wallClock;
    }

    /**
     * The allowed time: wall-clock time for {@link #onWallClock()} limits, otherwise working time, where a working
     * day is {@code workingDayLength} long.
     */
    public Duration length(Duration workingDayLength) {
        return switch (unit) {
            case MINUTES -> Duration.ofMinutes(amount);
            case HOURS, WORKING_HOURS -> Duration.ofHours(amount);
            case WORKING_DAYS -> workingDayLength.multipliedBy(amount);
        };
    }

    @Override
    public String toString() {
        return amount + " " + unit;
    }
}
