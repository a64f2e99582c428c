package io.hotline.infra.security;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The rationing of the citizens' public routes, on a pinned clock. */
class CitizenThrottleTest {

    private final AtomicLong nanos = new AtomicLong();
    private final CitizenThrottle throttle = new CitizenThrottle(new TimeMeter() {
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

    @Test
    void tenWrongCodesForOneCaseThenOneEveryThirtySecondsWhateverTheAddress() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.admit("10.0.0." + i, "number:20261123-000001")).isEmpty();
            throttle.failed("10.0.0." + i, "number:20261123-000001");
        }
        CitizenThrottle.Refusal refusal = throttle.admit("10.0.0.99", "number:20261123-000001").orElseThrow();
        assertThat(refusal.limit()).isEqualTo(CitizenThrottle.Limit.CASE_FAILURES);
        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.admit("10.0.0.99", "number:20261123-000002")).as("another case").isEmpty();

        pass(Duration.ofSeconds(30));
        assertThat(throttle.admit("10.0.0.99", "number:20261123-000001")).isEmpty();
    }

    @Test
    void tenWrongCodesFromOneAddressThenOneAMinuteWhateverTheCase() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("10.0.0.1", "number:20261123-00000" + i);
        }
        CitizenThrottle.Refusal refusal = throttle.admit("10.0.0.1", "number:20261124-000001").orElseThrow();
        assertThat(refusal.limit()).isEqualTo(CitizenThrottle.Limit.ADDRESS_FAILURES);
        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.admit("10.0.0.2", "number:20261124-000001")).as("another address").isEmpty();
    }

    @Test
    void requestsAreRationedPerAddressAndPerCaseEvenWithTheRightCode() {
        for (int i = 0; i < 30; i++) {
            assertThat(throttle.admit("10.0.0." + i, "case:c-1")).isEmpty();
        }
        assertThat(throttle.admit("10.0.0.200", "case:c-1").orElseThrow().limit())
                .isEqualTo(CitizenThrottle.Limit.CASE);
        for (int i = 0; i < 59; i++) {
            assertThat(throttle.admit("10.0.0.1", "case:c-" + (i + 2))).isEmpty();
        }
        assertThat(throttle.admit("10.0.0.1", "case:c-99").orElseThrow().limit())
                .isEqualTo(CitizenThrottle.Limit.ADDRESS);
        pass(Duration.ofMinutes(1));
        assertThat(throttle.admit("10.0.0.1", "case:c-99")).isEmpty();
    }
}
