package io.hotline.query.figures;

/** Cases open right now (registered, dispatched or in handling), and how many of them are overdue. */
record OpenNow(long open, long overdue) {

    static OpenNow of(Tally tally) {
        return new OpenNow(tally.get(Count.OPEN), tally.get(Count.OVERDUE_OPEN));
    }
}
