package io.hotline.infra.security.accounts;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Failed sign-ins are rationed (Bucket4j token buckets, one token per failure), per account and per client address.
 * While a bucket is empty, every sign-in it covers is refused before the password is checked, the right one
 * included, until a token comes back.
 *
 * <ul>
 *   <li>Per address, delays grow: 10 failures at once, then one a minute, and past 50 in a day one every half hour.
 *       Whoever guesses from one address is slowed down for good.</li>
 *   <li>Per account, whatever the address: 10 failures at once, then one every 30 seconds. Guessing from many
 *       addresses gets two tries a minute, and the real user, who shares that bucket, never waits more than half a
 *       minute: an attacker cannot lock them out for long.</li>
 * </ul>
 * A successful sign-in takes nothing. Kept in memory on each node, bounded in size (the least recently used
 * entries go first).
 */
final class SignInThrottle {

    /** Which bucket refused: recorded and counted apart. */
    enum Limit { ACCOUNT, ADDRESS }

    /** A refusal: which limit, and how long until a sign-in may be tried again. */
    record Refusal(Limit limit, Duration retryAfter) {
    }

    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, Bucket> accounts = lru();
    private final Map<String, Bucket> addresses = lru();
    private final TimeMeter time;

    /** The wall clock: this guards the CPU and the accounts, not business time. */
    SignInThrottle() {
        this(TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** With a clock of its own, for tests that pin time. */
    SignInThrottle(TimeMeter time) {
        this.time = time;
    }

    /** Whether a sign-in for {@code username} from {@code address} may be tried now; empty when it may. */
    Optional<Refusal> refusal(String username, String address) {
        Optional<Duration> fromAddress = waitFor(addresses, address);
        if (fromAddress.isPresent()) {
            return Optional.of(new Refusal(Limit.ADDRESS, fromAddress.get()));
        }
        return waitFor(accounts, username).map(wait -> new Refusal(Limit.ACCOUNT, wait));
    }

    /** A sign-in failed: one token less for the account and for the address. */
    void failed(String username, String address) {
        if (username != null) {
            bucket(accounts, username, this::accountBucket).tryConsume(1);
        }
        if (address != null) {
            bucket(addresses, address, this::addressBucket).tryConsume(1);
        }
    }

    private static Optional<Duration> waitFor(Map<String, Bucket> buckets, String key) {
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

    private static Bucket bucket(Map<String, Bucket> buckets, String key, Supplier<Bucket> fresh) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(key, k -> fresh.get());
        }
    }

    private Bucket accountBucket() {
        return Bucket.builder().withCustomTimePrecision(time).addLimit(limit -> limit.capacity(10).refillGreedy(1, Duration.ofSeconds(30))).build();
    }

    private Bucket addressBucket() {
        return Bucket.builder().withCustomTimePrecision(time)
                .addLimit(limit -> limit.capacity(10).refillGreedy(1, Duration.ofMinutes(1)))
                .addLimit(limit -> limit.capacity(50).refillGreedy(48, Duration.ofDays(1)))
                .build();
    }

    private static Map<String, Bucket> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }
}
