package io.hotline.infra.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rationing of the citizens' public routes (Bucket4j token buckets), per client address and per case:
 * <ul>
 *   <li>every request takes a token: 60 a minute per address, 30 a minute per case, enough for a person and a
 *       household, not for a scraper;</li>
 *   <li>a wrong query code or an unknown number takes a token more, rationed like a wrong password: per address 10
 *       at once, then one a minute and past 50 in a day one every half hour; per case 10 at once, then one every 30
 *       seconds, so guessing a six-character code (about 2^30 of them) is hopeless, and the citizen who shares the
 *       case's bucket never waits more than half a minute.</li>
 * </ul>
 * While a failure bucket is empty, every request it covers is refused before the code is checked, the right code
 * included. Kept in memory on each node, bounded in size (the least recently used entries go first).
 */
final class CitizenThrottle {

    /** Which bucket refused: recorded and counted apart. */
    enum Limit { ADDRESS, CASE, ADDRESS_FAILURES, CASE_FAILURES }

    record Refusal(Limit limit, Duration retryAfter) {
    }

    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, Bucket> addressRequests = lru();
    private final Map<String, Bucket> caseRequests = lru();
    private final Map<String, Bucket> addressFailures = lru();
    private final Map<String, Bucket> caseFailures = lru();
    private final TimeMeter time;

    CitizenThrottle() {
        this(TimeMeter.SYSTEM_MILLISECONDS);
    }

    CitizenThrottle(TimeMeter time) {
        this.time = time;
    }

    /** Counts a request; the refusal when a bucket covering it is empty. */
    Optional<Refusal> admit(String address, String caseKey) {
        Optional<Refusal> failures = waitFor(addressFailures, address, Limit.ADDRESS_FAILURES)
                .or(() -> waitFor(caseFailures, caseKey, Limit.CASE_FAILURES));
        if (failures.isPresent()) {
            return failures;
        }
        return take(addressRequests, address, () -> perMinute(60), Limit.ADDRESS)
                .or(() -> take(caseRequests, caseKey, () -> perMinute(30), Limit.CASE));
    }

    void failed(String address, String caseKey) {
        if (address != null) {
            bucket(addressFailures, address, this::addressFailureBucket).tryConsume(1);
        }
        if (caseKey != null) {
            bucket(caseFailures, caseKey, this::caseFailureBucket).tryConsume(1);
        }
    }

    private Optional<Refusal> take(Map<String, Bucket> buckets, String key, Supplier<Bucket> fresh, Limit limit) {
        if (key == null) {
            return Optional.empty();
        }
        ConsumptionProbe probe = bucket(buckets, key, fresh).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(new Refusal(limit, Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    private static Optional<Refusal> waitFor(Map<String, Bucket> buckets, String key, Limit limit) {
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
        return probe.canBeConsumed() ? Optional.empty()
                : Optional.of(new Refusal(limit, Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    private static Bucket bucket(Map<String, Bucket> buckets, String key, Supplier<Bucket> fresh) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(key, k -> fresh.get());
        }
    }

    private Bucket perMinute(int requests) {
        return Bucket.builder().withCustomTimePrecision(time)
                .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, Duration.ofMinutes(1))).build();
    }

    private Bucket caseFailureBucket() {
        return Bucket.builder().withCustomTimePrecision(time)
                .addLimit(limit -> limit.capacity(10).refillGreedy(1, Duration.ofSeconds(30))).build();
    }

    private Bucket addressFailureBucket() {
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
