package io.hotline.query.figures.answers;

import io.hotline.query.figures.buckets.Count;
import io.hotline.query.figures.buckets.Tally;


/** Cases open right now (registered, dispatched or in handling), and how many of them are overdue. */
public record OpenNow(long open, long overdue) {

    public static OpenNow of(Tally tally) {
        return new OpenNow(tally.get(Count.OPEN), tally.get(Count.OVERDUE_OPEN));
    }
}
