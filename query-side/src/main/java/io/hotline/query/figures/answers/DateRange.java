package io.hotline.query.figures.answers;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Local dates {@code from} to {@code to}, both included, in the figures' time zone. */
public record DateRange(LocalDate from, LocalDate to) {

    public DateRange {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
