package io.hotline.query.figures.buckets;

/**
 * The fixed bins of the handling-time histogram every bucket keeps, in working minutes. Buckets must add up
 * (a month is the sum of its days, a unit's figure the sum of its areas), so percentiles cannot be stored;
 * their distribution can. Bins are fixed, so two histograms add bin by bin.
 * <ul>
 *   <li>15-minute bins below one day (1,440 min): bins 0–95;</li>
 *   <li>1-hour bins from one day to seven days (10,080 min): bins 96–239;</li>
 *   <li>1-day bins from seven days to 400 days (576,000 min): bins 240–632;</li>
 *   <li>one open-ended bin beyond: bin 633.</li>
 * </ul>
 * Precision: a percentile is reported as the upper edge of the bin that holds it, so it is never below the
 * true value and above it by less than the bin width: 15 minutes for handling times under a day, an hour
 * under a week, a day beyond. Storage stays small because only non-empty bins are stored.
 */
public final class HandlingTimeBins {

    static final long DAY = 1_440;
    static final long WEEK = 7 * DAY;
    static final long LAST_EDGE = 400 * DAY;
    static final int OVERFLOW = binOf(LAST_EDGE);

    private HandlingTimeBins() {
    }

    /** The bin holding a handling time of {@code seconds} working seconds (whole minutes, rounded down). */
    static int binOfSeconds(long seconds) {
        return binOf(Math.max(0, seconds) / 60);
    }

    static int binOf(long minutes) {
        if (minutes < DAY) {
            return (int) (minutes / 15);
        }
        if (minutes < WEEK) {
            return 96 + (int) ((minutes - DAY) / 60);
        }
        if (minutes < LAST_EDGE) {
            return 240 + (int) ((minutes - WEEK) / DAY);
        }
        return 633;
    }

    /** Where a bin starts, in working minutes (inclusive). */
    public static long lowerEdge(int bin) {
        if (bin < 96) {
            return bin * 15L;
        }
        if (bin < 240) {
            return DAY + (bin - 96) * 60L;
        }
        if (bin < 633) {
            return WEEK + (bin - 240) * DAY;
        }
        return LAST_EDGE;
    }

    /** Where a bin ends, in working minutes (exclusive); null for the open-ended last bin. */
    public static Long upperEdge(int bin) {
        return bin >= OVERFLOW ? null : lowerEdge(bin + 1);
    }
}
