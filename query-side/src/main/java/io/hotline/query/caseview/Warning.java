package io.hotline.query.caseview;

/**
 * The early-warning colour of a deadline (预警), computed when a reader asks, against the clock, so it never
 * goes stale in a stored view. NONE: no step is waiting on this clock.
 */
public enum Warning {
    NONE,
    GREEN,
    YELLOW,
    RED;

    public Warning worst(Warning other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
