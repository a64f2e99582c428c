package io.hotline.query.figures.ledger;

import java.time.LocalDate;
import java.util.Set;

/** Some figures changed: those of these local days, and the open-case counters when {@code now} is set. */
public record FiguresChanged(Set<LocalDate> days, boolean now) {

    /** Whether figures over {@code from}..{@code to} (or the open-case counters shown with them) changed. */
    public boolean touches(LocalDate from, LocalDate to) {
        return now || days.stream().anyMatch(day -> !day.isBefore(from) && !day.isAfter(to));
    }
}
