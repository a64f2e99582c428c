package io.hotline.query.figures.buckets;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The counters of one bucket (or one case's contribution to it, or the difference between two contributions):
 * one number per {@link Count} and the handling-time histogram by {@link HandlingTimeBins bin}. Tallies only
 * add and subtract, which is what lets the projection move a case's contribution exactly and lets a query
 * sum any set of buckets. A mutable accumulator: copy before sharing.
 */
public final class Tally {

    private static final Count[] COUNTS = Count.values();

    private final long[] counts = new long[COUNTS.length];
    private final TreeMap<Integer, Long> bins = new TreeMap<>();

    public static Tally empty() {
        return new Tally();
    }

    public long get(Count count) {
        return counts[count.ordinal()];
    }

    public Tally add(Count count, long amount) {
        counts[count.ordinal()] += amount;
        return this;
    }

    /** Counts one handled reply: its handling time goes into the sum and into its bin. */
    public Tally addHandling(long workingSeconds) {
        add(Count.HANDLED, 1);
        add(Count.HANDLING_SECONDS, workingSeconds);
        return addBin(HandlingTimeBins.binOfSeconds(workingSeconds), 1);
    }

    public Tally addBin(int bin, long amount) {
        long value = bins.getOrDefault(bin, 0L) + amount;
        if (value == 0) {
            bins.remove(bin);
        } else {
            bins.put(bin, value);
        }
        return this;
    }

    /** Adds {@code other} times {@code sign} (+1 or -1) to this tally. */
    public Tally add(Tally other, int sign) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += sign * other.counts[i];
        }
        other.bins.forEach((bin, value) -> addBin(bin, sign * value));
        return this;
    }

    public Tally plus(Tally other) {
        return add(other, 1);
    }

    public Tally copy() {
        return new Tally().plus(this);
    }

    /** The non-empty histogram bins, in bin order. */
    public SortedMap<Integer, Long> bins() {
        return Collections.unmodifiableSortedMap(bins);
    }

    public boolean isZero() {
        return bins.isEmpty() && Arrays.stream(counts).allMatch(value -> value == 0);
    }

    /** The non-zero counters by field name, for storage and for messages. */
    public Map<String, Long> nonZeroCounts() {
        Map<String, Long> values = new TreeMap<>();
        for (Count count : COUNTS) {
            if (get(count) != 0) {
                values.put(count.field(), get(count));
            }
        }
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tally tally && Arrays.equals(counts, tally.counts) && bins.equals(tally.bins);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(counts), bins);
    }

    @Override
    public String toString() {
        return "Tally" + nonZeroCounts() + (bins.isEmpty() ? "" : " bins" + bins);
    }
}
