package io.hotline.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The open-loop schedule itself: it never waits for the system, and a late request's wait counts as latency. */
class OpenLoopTest {

    @Test
    void aRequestDueWhileTheCapIsInFlightIsNotSentAndCountsAsAnError() {
        // nothing is ever answered: after the first five, every request due finds the cap full
        OpenLoop.Result result = OpenLoop.run(50, Duration.ofSeconds(1), 5, Duration.ZERO,
                due -> new CompletableFuture<>());

        assertThat(result.due()).isEqualTo(50);
        assertThat(result.overCap()).isEqualTo(45);
        assertThat(result.unanswered()).isEqualTo(5);
        assertThat(result.errors()).isEqualTo(50);
        assertThat(result.latencies().count()).isZero();
    }

    @Test
    void latencyRunsFromTheScheduledStartNotFromWhenTheRequestWasSent() {
        // each send holds the scheduler for 300 ms where 100 ms were planned: request 10 is sent about 1.8 s late;
        // measured from its sending it would take no time at all
        OpenLoop.Result result = OpenLoop.run(10, Duration.ofSeconds(1), 100, Duration.ofSeconds(5), due -> {
            sleep(300);
            return CompletableFuture.completedFuture(true);
        });

        assertThat(result.latencies().count()).isEqualTo(10);
        assertThat(result.latencies().millisAt(100)).isGreaterThanOrEqualTo(1_800);
        assertThat(result.errors()).isZero();
    }

    @Test
    void aRefusedAnswerIsAnErrorAndIsNotInTheLatencies() {
        OpenLoop.Result result = OpenLoop.run(20, Duration.ofSeconds(1), 100, Duration.ofSeconds(5),
                due -> CompletableFuture.completedFuture(false));

        assertThat(result.failed()).isEqualTo(20);
        assertThat(result.latencies().count()).isZero();
        assertThat(result.achieved()).isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
