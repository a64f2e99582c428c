package io.hotline.infra.security.accounts;

import io.github.bucket4j.TimeMeter;
import io.hotline.infra.security.KeyedBuckets;

import java.time.Duration;
import java.util.Optional;

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

    private final KeyedBuckets accounts;
    private final KeyedBuckets addresses;

    /** The wall clock: this guards the CPU and the accounts, not business time. */
    SignInThrottle() {
        this(TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** With a clock of its own, for tests that pin time. */
    SignInThrottle(TimeMeter time) {
        this.accounts = KeyedBuckets.guessesAtOneTarget(time);
        this.addresses = KeyedBuckets.guessesFromAnAddress(time);
    }

    /** Whether a sign-in for {@code username} from {@code address} may be tried now; empty when it may. */
    Optional<Refusal> refusal(String username, String address) {
        Optional<Duration> fromAddress = addresses.waitFor(address);
        if (fromAddress.isPresent()) {
            return Optional.of(new Refusal(Limit.ADDRESS, fromAddress.get()));
        }
        return accounts.waitFor(username).map(wait -> new Refusal(Limit.ACCOUNT, wait));
    }

    /** A sign-in failed: one token less for the account and for the address. */
    void failed(String username, String address) {
        accounts.spend(username);
        addresses.spend(address);
    }
}
