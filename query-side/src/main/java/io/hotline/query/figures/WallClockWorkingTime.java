package io.hotline.query.figures;

import java.time.Duration;
import java.time.Instant;

/**
 * The stand-in used while no working-day calendar is wired: every hour counts. Handling times then read
 * longer than they are across weekends and holidays, which is why the real calendar replaces it as soon as
 * one is registered (see {@link WallClockFallback}).
 */
final class WallClockWorkingTime implements WorkingTime {

    @Override
    public Duration between(Instant from, Instant to) {
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }
}
