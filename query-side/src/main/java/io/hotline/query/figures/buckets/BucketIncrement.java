package io.hotline.query.figures.buckets;

import java.util.Set;

/**
 * What one processor batch adds to one bucket: the sum of its events' deltas there, and {@code upTo}, the log
 * position of the last of those events. The bucket stores the position with the sum in the same update, which
 * is how a retried batch knows which of its events the bucket holds already (see {@link
 * io.hotline.query.figures.ledger.FigureBatch}). {@code counts} and {@code bins} name every field some event touched,
 * also where the sum nets to zero: the bucket gets those fields (as zero) exactly as when the events are booked one by
 * one.
 */
public record BucketIncrement(String bucket, Tally sum, Set<String> counts, Set<Integer> bins, long upTo) {
}
