package io.hotline.kernel.time;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One stretch of office hours within a working day, for example 09:00–12:00. The lunch break is simply the gap
 * between two periods, so it never counts towards a deadline. A period lies within one day: offices that work
 * past midnight are not the hotline's handling units.
 */
public record WorkingPeriod(LocalTime start, LocalTime end) {

    public WorkingPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("A working period must end after it starts: " + start + "-" + end);
        }
    }

    public static WorkingPeriod of(LocalTime start, LocalTime end) {
        return new WorkingPeriod(start, end);
    }

    /**
     * Reads {@code "09:00-12:00"}. Named {@code valueOf} so that configuration binders (Spring's among them)
     * turn a setting's text into a period without a registered converter.
     */
    public static WorkingPeriod valueOf(String text) {
        Objects.requireNonNull(text, "text");
        String[] bounds = text.trim().split("\\s*-\\s*");
        if (bounds.length != 2) {
            throw new IllegalArgumentException("A working period reads like 09:00-12:00, not '" + text + "'");
        }
        try {
            return new WorkingPeriod(LocalTime.parse(bounds[0]), LocalTime.parse(bounds[1]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("A working period reads like 09:00-12:00, not '" + text + "'", e);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
