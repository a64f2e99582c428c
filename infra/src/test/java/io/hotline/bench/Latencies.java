package io.hotline.bench;

import org.HdrHistogram.ConcurrentHistogram;

/** Response times in microseconds, with the percentiles a benchmark reports. */
final class Latencies {

    private final ConcurrentHistogram histogram;

    Latencies() {
        this(new ConcurrentHistogram(3_600_000_000L, 3));
    }

    private Latencies(ConcurrentHistogram histogram) {
        this.histogram = histogram;
    }

    /** A copy that later answers do not change: percentiles read from one moment (p50 never above p99). */
    Latencies frozen() {
        return new Latencies(histogram.copy());
    }

    void record(long startNanos) {
        histogram.recordValue(Math.max(1, (System.nanoTime() - startNanos) / 1_000));
    }

    long count() {
        return histogram.getTotalCount();
    }

    String millis(double percentile) {
        return "%.1f".formatted(millisAt(percentile));
    }

    double millisAt(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** The percentiles, or "none" when nothing was recorded (an empty histogram would read as 0.0 ms). */
    String summary() {
        if (count() == 0) {
            return "none (n=0)";
        }
        return "p50 %s ms, p99 %s ms, p99.9 %s ms (n=%d)".formatted(millis(50), millis(99), millis(99.9), count());
    }
}
