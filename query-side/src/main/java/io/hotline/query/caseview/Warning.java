package io.hotline.query.caseview;

import java.time.Instant;

/**
 * The early-warning colour of a deadline (预警), computed when a reader asks, against the clock, so it never
 * goes stale in a stored view. NONE: no step is waiting on this clock.
 */
public enum Warning {
    NONE,
    GREEN,
    YELLOW,
    RED;

    /** Green until warnAt, yellow until due, red after; none without a deadline. */
    public static Warning of(Instant warnAt, Instant due, Instant now) {
        if (due == null) {
            return NONE;
        }
        if (!now.isBefore(due)) {
            return RED;
        }
        if (warnAt != null && !now.isBefore(warnAt)) {
            return YELLOW;
        }
        return GREEN;
    }

    public Warning worst(Warning other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
