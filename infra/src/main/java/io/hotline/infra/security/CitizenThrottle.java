package io.hotline.infra.security;

import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.Optional;

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

    private final KeyedBuckets addressRequests;
    private final KeyedBuckets caseRequests;
    private final KeyedBuckets addressFailures;
    private final KeyedBuckets caseFailures;

    CitizenThrottle() {
        this(TimeMeter.SYSTEM_MILLISECONDS);
    }

    CitizenThrottle(TimeMeter time) {
        this.addressRequests = KeyedBuckets.perMinute(60, time);
        this.caseRequests = KeyedBuckets.perMinute(30, time);
        this.addressFailures = KeyedBuckets.guessesFromAnAddress(time);
        this.caseFailures = KeyedBuckets.guessesAtOneTarget(time);
    }

    /** Counts a request; the refusal when a bucket covering it is empty. */
    Optional<Refusal> admit(String address, String caseKey) {
        Optional<Refusal> failures = refusal(addressFailures.waitFor(address), Limit.ADDRESS_FAILURES)
                .or(() -> refusal(caseFailures.waitFor(caseKey), Limit.CASE_FAILURES));
        if (failures.isPresent()) {
            return failures;
        }
        return refusal(addressRequests.take(address), Limit.ADDRESS)
                .or(() -> refusal(caseRequests.take(caseKey), Limit.CASE));
    }

    void failed(String address, String caseKey) {
        addressFailures.spend(address);
        caseFailures.spend(caseKey);
    }

    private static Optional<Refusal> refusal(Optional<Duration> wait, Limit limit) {
        return wait.map(retryAfter -> new Refusal(limit, retryAfter));
    }
}
