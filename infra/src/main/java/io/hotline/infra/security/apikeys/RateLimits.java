package io.hotline.infra.security.apikeys;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often each API key may file a request: a token bucket per key (Bucket4j) holding
 * {@code app.open311.requests-per-minute} requests, refilled evenly over the minute. In memory on each node: with
 * n nodes behind a balancer an app gets at most n times the rate, which is enough to stop a runaway client without
 * a shared store on every request. Buckets are per key id, so there are only as many as keys ever used here.
 */
final class RateLimits {

    private final int perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Takes one request from the key's allowance: empty when granted, else how long until the next one is. */
    Optional<Duration> take(String keyId) {
        Bucket bucket = buckets.computeIfAbsent(keyId, id -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
