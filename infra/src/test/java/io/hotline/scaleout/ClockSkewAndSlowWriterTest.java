package io.hotline.scaleout;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes that disagree: node-b's clock runs 5 s behind node-a's, and node-b is a slow writer that stalls
 * for 0.8 s between picking a log position and storing its event, every third append. Operators work both
 * at once. Still every acknowledged event is in the log once and reaches every read model once, in its
 * case's order: each case view's version is its case's last sequence number (the view moves one event at a
 * time, so no event can be missing), and the deadline schedule holds every deadline a dispatch started.
 * The event timestamps in the log run backwards where the nodes interleave; positions never do.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ClockSkewAndSlowWriterTest {

    private static final Logger log = LoggerFactory.getLogger(ClockSkewAndSlowWriterTest.class);
    private static final int CASES = 60;
    private static final List<String> LAGGING_SLOW_WRITER = Stream.concat(Stream.of("--app.clock.offset=-PT5S"),
            SlowWriter.arguments(3, Duration.ofMillis(800)).stream()).toList();

    @Test
    void aLaggingClockAndAStalledWriterLoseNoEventAndReorderNone(@TempDir Path dataDir) throws Exception {
        long began = System.nanoTime();
        try (Cluster cluster = Cluster.start("clock-skew-slow-writer", dataDir,
                Map.of("node-a", List.of(), "node-b", LAGGING_SLOW_WRITER))) {
            assertThat(cluster.node("node-b").process().logContains("clock is shifted by PT-5S")).isTrue();
            assertThat(cluster.node("node-b").process().logContains("Every 3th event append stalls")).isTrue();
            long started = System.nanoTime();

            Traffic traffic = new Traffic("skew", CASES, cluster.clients());
            CompletableFuture<Void> running = traffic.start(4, Duration.ofMinutes(3));
            running.get(4, TimeUnit.MINUTES);
            long trafficDone = System.nanoTime();

            LogAudit audit = cluster.settled(Set.of("node-a", "node-b"), Duration.ofSeconds(60));
            long caughtUp = System.nanoTime();

            List<Traffic.Ack> acks = traffic.acks();
            log.info("""
                            Clock skew and slow writer test, summary
                              cases told: {}, requests: {} (2xx {}, 409 {}, unanswered {}); outcomes {}
                              acknowledged requests checked in the log: {}
                              log: {} events in {} commits, positions 0..{}, {} cases; timestamps running backwards \
                            between neighbouring events: {}
                              case_view: {} views for {} cases, each at its case's last sequence number; \
                            deadline schedule: {} deadlines
                              segments: {}
                              concurrency retries in the logs: node-a {}, node-b {}
                              times: nodes up {} s, traffic {} s, read models caught up {} s later, whole test {} s""",
                    CASES, traffic.requests(), traffic.count("2"), traffic.count("409"), traffic.count("unreachable"),
                    traffic.outcomes(), acks.size(),
                    audit.eventCount(), audit.commitCount(), audit.head(), audit.caseCount(),
                    audit.timestampInversions(), audit.caseViewCount(), audit.caseCount(), audit.scheduledDeadlines(),
                    cluster.claims(), cluster.concurrencyRetries("node-a"), cluster.concurrencyRetries("node-b"),
                    seconds(began, started), seconds(started, trafficDone), seconds(trafficDone, caughtUp),
                    seconds(began, System.nanoTime()));

            assertThat(acks).hasSizeGreaterThan(CASES);
            assertThat(traffic.count("5")).as("server errors").isZero();
            assertThat(audit.logIsWhole()).isEmpty();
            assertThat(audit.everyAcknowledgementExactlyOnce(acks)).isEmpty();
            assertThat(audit.noRevealTwice()).isEmpty();
            assertThat(audit.caseViewsMatchTheLog()).isEmpty();
            assertThat(audit.caseViewCount()).isEqualTo(audit.caseCount());
            assertThat(audit.deadlineScheduleMatchesTheLog()).isEmpty();
            assertThat(audit.tokensClaimedAndAtHead(Set.of("node-a", "node-b"))).isEmpty();
            assertThat(audit.timestampInversions()).as("the lagging clock shows in the log").isPositive();
        }
    }

    private static long seconds(long from, long to) {
        return TimeUnit.NANOSECONDS.toSeconds(to - from);
    }
}
