package io.hotline.command.notify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * 免打扰: no message reaches a citizen between {@code start} and {@code end} in the city's zone (21:00–08:00 by
 * default, across midnight); one due then is held until the morning, not suppressed. Emergencies are not held.
 */
record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    /** When a message due at {@code now} may go: empty for now, or the end of the quiet hours. */
    Optional<Instant> heldUntil(Instant now) {
        if (start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean acrossMidnight = start.isAfter(end);
        boolean quiet = acrossMidnight ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime morning = local.with(end);
        if (!morning.isAfter(local)) {
            morning = morning.plusDays(1);
        }
        return Optional.of(morning.toInstant());
    }
}
