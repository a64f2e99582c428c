package io.hotline.infra.security.accounts;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The rationing of failed sign-ins, on a pinned clock. */
class SignInThrottleTest {

    private final AtomicLong nanos = new AtomicLong();
    private final SignInThrottle throttle = new SignInThrottle(new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    });

    private void pass(Duration time) {
        nanos.addAndGet(time.toNanos());
    }

    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username, address);
        }
    }

    @Test
    void tenFailuresFromOneAddressThenOneAMinute() {
        fail("zhang", "10.0.0.1", 9);
        assertThat(throttle.refusal("zhang", "10.0.0.1")).isEmpty();

        fail("li", "10.0.0.1", 1);
        SignInThrottle.Refusal refusal = throttle.refusal("wang", "10.0.0.1").orElseThrow();
        assertThat(refusal.limit()).isEqualTo(SignInThrottle.Limit.ADDRESS);
        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofMinutes(1));

        pass(Duration.ofMinutes(1));
        assertThat(throttle.refusal("wang", "10.0.0.1")).isEmpty();
        assertThat(throttle.refusal("wang", "10.0.0.2")).as("another address").isEmpty();
    }

    @Test
    void theDelayGrowsPastFiftyFailuresADayFromOneAddress() {
        // one failure a minute never empties the per-minute allowance, but the day's runs out after about 50
        for (int i = 0; i < 50; i++) {
            fail("zhang", "10.0.0.1", 1);
            pass(Duration.ofMinutes(1));
            assertThat(throttle.refusal("zhang", "10.0.0.1")).as("after %d failures", i + 1).isEmpty();
        }
        fail("zhang", "10.0.0.1", 2);
        SignInThrottle.Refusal refusal = throttle.refusal("zhang", "10.0.0.1").orElseThrow();
        assertThat(refusal.limit()).isEqualTo(SignInThrottle.Limit.ADDRESS);
        assertThat(refusal.retryAfter()).isGreaterThan(Duration.ofMinutes(1))
                .isLessThanOrEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void guessingAnAccountFromManyAddressesGetsTwoTriesAMinuteAndTheOwnerWaitsHalfAMinuteAtMost() {
        for (int i = 0; i < 10; i++) {
            fail("zhang", "10.0.1." + i, 1);
        }
        SignInThrottle.Refusal refusal = throttle.refusal("zhang", "192.168.1.20").orElseThrow();
        assertThat(refusal.limit()).isEqualTo(SignInThrottle.Limit.ACCOUNT);
        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.refusal("li", "10.0.1.0")).as("other accounts, those addresses").isEmpty();

        pass(Duration.ofSeconds(30));
        assertThat(throttle.refusal("zhang", "192.168.1.20")).isEmpty();
    }

    @Test
    void successesTakeNothing() {
        assertThat(throttle.refusal("zhang", "10.0.0.1")).isEmpty();
        assertThat(throttle.refusal(null, null)).isEmpty();
    }
}
