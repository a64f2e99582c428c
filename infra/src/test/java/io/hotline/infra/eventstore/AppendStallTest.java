package io.hotline.infra.eventstore;

import io.hotline.infra.eventstore.MongoCommitLogStorageEngine.AppendPause;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The injected slow writer: off by default; when on, every n-th commit stalls once, its retries never. */
class AppendStallTest {

    @Test
    void offUnlessConfigured() {
        assertThat(EventStoreConfiguration.appendPause(0, Duration.ofSeconds(1))).isSameAs(AppendPause.NONE);
        assertThat(EventStoreConfiguration.appendPause(3, Duration.ZERO)).isSameAs(AppendPause.NONE);
    }

    @Test
    void everyThirdCommitStallsAndItsRetriesDoNot() {
        AppendPause stall = EventStoreConfiguration.appendPause(3, Duration.ofMillis(200));

        assertThat(timeOf(() -> stall.beforeInsert(0))).isLessThan(100);
        assertThat(timeOf(() -> stall.beforeInsert(1))).isLessThan(100);
        assertThat(timeOf(() -> stall.beforeInsert(2))).isGreaterThanOrEqualTo(200);
        assertThat(timeOf(() -> stall.beforeRetry(3))).isLessThan(100);
        assertThat(timeOf(() -> stall.beforeRetry(4))).isLessThan(100);
        assertThat(timeOf(() -> stall.beforeInsert(5))).isLessThan(100);
    }

    private static long timeOf(Runnable call) {
        long began = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - began).toMillis();
    }
}
