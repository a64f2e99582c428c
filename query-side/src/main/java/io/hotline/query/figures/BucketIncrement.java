package io.hotline.query.figures;

/**
 * What one processor batch adds to one bucket: the sum of its events' deltas there, and {@code upTo}, the log
 * position of the last of those events. The bucket stores the position with the sum in the same update, which
 * is how a retried batch knows which of its events the bucket holds already (see {@link FigureBatch}).
 */
record BucketIncrement(String bucket, Tally sum, long upTo) {
}
