package io.hotline.query.figures.answers;

import io.hotline.query.figures.buckets.Count;
import io.hotline.query.figures.buckets.HandlingTimeBins;
import io.hotline.query.figures.buckets.Tally;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * Handling time in working time, from the start of a handling round (the unit signing for the case, or the
 * case being reopened to it) to the reply, over the replies of the period that have one.
 * <ul>
 *   <li>{@code averageWorkingMinutes = totalWorkingSeconds / 60 / replies}, exact;</li>
 *   <li>{@code p90WorkingMinutes}: the 90th percentile by nearest rank (the {@code ceil(0.9 n)}-th smallest),
 *       read from the histogram as the upper edge of the bin holding it, so the true value lies in
 *       [{@code p90BinFromMinutes}, {@code p90WorkingMinutes}); see {@link HandlingTimeBins} for the
 *       precision. In the open-ended last bin (over 400 days) only the lower edge is known and both fields
 *       give it.</li>
 * </ul>
 * Averages and percentiles are {@code null} when no reply has a handling time.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HandlingTime(long replies, long totalWorkingSeconds, Double averageWorkingMinutes,
                    Long p90WorkingMinutes, Long p90BinFromMinutes) {

    public static HandlingTime of(Tally tally) {
        long replies = tally.get(Count.HANDLED);
        long seconds = tally.get(Count.HANDLING_SECONDS);
        if (replies <= 0) {
            return new HandlingTime(replies, seconds, null, null, null);
        }
        Integer bin = percentileBin(tally, 90);
        Long upper = bin == null ? null : HandlingTimeBins.upperEdge(bin);
        Long lower = bin == null ? null : HandlingTimeBins.lowerEdge(bin);
        return new HandlingTime(replies, seconds, seconds / 60.0 / replies, upper == null ? lower : upper, lower);
    }

    /** The bin holding the nearest-rank {@code percent}-th percentile of the histogram (integer arithmetic). */
    static Integer percentileBin(Tally tally, int percent) {
        long total = tally.bins().values().stream().mapToLong(Long::longValue).sum();
        if (total <= 0) {
            return null;
        }
        long rank = (percent * total + 99) / 100;
        long seen = 0;
        for (Map.Entry<Integer, Long> bin : tally.bins().entrySet()) {
            seen += bin.getValue();
            if (seen >= rank) {
                return bin.getKey();
            }
        }
        return tally.bins().lastKey();
    }
}
