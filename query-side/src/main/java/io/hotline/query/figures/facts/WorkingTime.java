package io.hotline.query.figures.facts;

import java.time.Duration;
import java.time.Instant;

/**
 * How much working time lies between two instants. Handling times are judged in working time (限时办结制):
 * weekends and public holidays do not count, China's announced make-up working days (调休) do.
 * <p>
 * The figures only need this one question answered, so they own the port and the working-day calendar
 * plugs in behind it.
 */
public interface WorkingTime {

    /** The working time from {@code from} to {@code to}; zero when {@code to} is not after {@code from}. */
    Duration between(Instant from, Instant to);
}
