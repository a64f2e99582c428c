package io.hotline.infra.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Bucket4j token buckets kept per key (an account, a client address, a case), in memory on each node and bounded in
 * size: the least recently used keys go first. The sign-in throttle and the citizens' public routes ration with it.
 * <p>
 * {@link #guessesFromAnAddress} and {@link #guessesAtOneTarget} are the one rationing of guesses (a password, a query
 * code): per address 10 at once, then one a minute, and past 50 in a day one every half hour, so whoever guesses from
 * one address is slowed down for good; per target 10 at once, then one every 30 seconds, so the real person, who
 * shares that bucket, never waits more than half a minute and an attacker cannot lock them out for long.
 */
public final class KeyedBuckets {

    private static final int MAX_ENTRIES = 100_000;

    private final Function<TimeMeter, Bucket> fresh;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** Buckets made by {@code fresh} on the clock {@code time} (the wall clock, or a test's). */
    public KeyedBuckets(Function<TimeMeter, Bucket> fresh, TimeMeter time) {
        this.fresh = fresh;
        this.time = time;
    }

    /** Guesses from one client address. */
    public static KeyedBuckets guessesFromAnAddress(TimeMeter time) {
        return new KeyedBuckets(clock -> Bucket.builder().withCustomTimePrecision(clock)
                .addLimit(limit -> limit.capacity(10).refillGreedy(1, Duration.ofMinutes(1)))
                .addLimit(limit -> limit.capacity(50).refillGreedy(48, Duration.ofDays(1)))
                .build(), time);
    }

    /** Guesses at one target (an account, a case), whatever the address. */
    public static KeyedBuckets guessesAtOneTarget(TimeMeter time) {
        return new KeyedBuckets(clock -> Bucket.builder().withCustomTimePrecision(clock)
                .addLimit(limit -> limit.capacity(10).refillGreedy(1, Duration.ofSeconds(30))).build(), time);
    }

    /** {@code requests} a minute per key. */
    public static KeyedBuckets perMinute(int requests, TimeMeter time) {
        return new KeyedBuckets(clock -> Bucket.builder().withCustomTimePrecision(clock)
                .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, Duration.ofMinutes(1))).build(), time);
    }

    /** How long until {@code key} may be tried again, without taking anything; empty when it may now. */
    public Optional<Duration> waitFor(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.get(key);
        }
        if (bucket == null) {
            return Optional.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Takes a token for {@code key}; how long to wait when there was none. */
    public Optional<Duration> take(String key) {
        if (key == null) {
            return Optional.empty();
        }
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** A failure: one token less for {@code key}, if it has one. */
    public void spend(String key) {
        if (key != null) {
            bucket(key).tryConsume(1);
        }
    }

    private Bucket bucket(String key) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(key, k -> fresh.apply(time));
        }
    }
}
