package io.hotline.bench;

import org.HdrHistogram.ConcurrentHistogram;

/** Response times in microseconds, with the percentiles a benchmark reports. */
final class Latencies {

    private final ConcurrentHistogram histogram = new ConcurrentHistogram(3_600_000_000L, 3);

    void record(long startNanos) {
        histogram.recordValue(Math.max(1, (System.nanoTime() - startNanos) / 1_000));
    }

    long count() {
        return histogram.getTotalCount();
    }

    String millis(double percentile) {
        return "%.1f".formatted(histogram.getValueAtPercentile(percentile) / 1000.0);
    }

    String summary() {
        return "p50 %s ms, p99 %s ms, p99.9 %s ms (n=%d)".formatted(millis(50), millis(99), millis(99.9), count());
    }
}
