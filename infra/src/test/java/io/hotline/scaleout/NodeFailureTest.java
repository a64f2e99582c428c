package io.hotline.scaleout;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one store, operators working both at once, and one node killed (SIGKILL) half-way through.
 * Afterwards, read straight from the store: every request any node acknowledged is in the event log exactly
 * once and in every read model exactly once; the survivor has taken over every segment of every tracking
 * processor and read to the head of the log; and each emergency left unsigned got its warning and its
 * overdue mark exactly once, although the node that might have been watching the deadlines died.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class NodeFailureTest {

    private static final Logger log = LoggerFactory.getLogger(NodeFailureTest.class);
    private static final int CASES = 100;
    private static final String SURVIVOR = "node-a";
    private static final String VICTIM = "node-b";

    @Test
    void aNodeKilledMidTrafficLosesNothingAndDoublesNothing(@TempDir Path dataDir) throws Exception {
        long began = System.nanoTime();
        try (Cluster cluster = Cluster.start("node-failure", dataDir,
                Map.of(SURVIVOR, List.of(), VICTIM, List.of()))) {
            long started = System.nanoTime();
            Waiting.until("the nodes split every processor's segments", Duration.ofSeconds(60),
                    () -> cluster.workIsSplitAmong(Set.of(SURVIVOR, VICTIM)));
            Map<String, List<String>> split = cluster.claims();

            Traffic traffic = new Traffic("nf", CASES, cluster.clients());
            CompletableFuture<Void> running = traffic.start(4, Duration.ofMinutes(3));
            traffic.awaitHalfway(running, Duration.ofMinutes(2));
            traffic.nodeDown(VICTIM);
            cluster.node(VICTIM).process().kill();
            long killedAt = System.nanoTime();
            running.get(4, TimeUnit.MINUTES);
            long trafficDone = System.nanoTime();

            Waiting.until("the survivor owns every segment and has read to the head of the log",
                    Duration.ofSeconds(90), () -> cluster.audit().tokensClaimedAndAtHead(Set.of(SURVIVOR)).isEmpty());
            long takenOver = System.nanoTime();

            List<String> emergencies = cluster.audit().unsignedEmergencies();
            Instant lastDue = cluster.audit().latestSignForDue(emergencies);
            Duration wait = Duration.between(Instant.now(), lastDue).plusSeconds(40);
            Waiting.until("every unsigned emergency is marked overdue", wait.isNegative() ? Duration.ofSeconds(40) : wait,
                    () -> cluster.audit().eachWarnedThenMarkedOverdueOnce(emergencies).isEmpty());
            // Give a duplicate mark, if the watch were to raise one, time to appear.
            Waiting.pause(Duration.ofSeconds(3));
            LogAudit audit = cluster.settled(Set.of(SURVIVOR), Duration.ofSeconds(60));
            List<Traffic.Ack> acks = traffic.acks();
            log.info("""
                            Node failure test, summary
                              cases told: {}, requests: {} (2xx {}, 409 {}, unanswered {}, other {}); outcomes {}
                              acknowledged requests checked in the log: {}
                              log: {} events in {} commits, positions 0..{}, {} cases
                              case_view: {} views for {} cases; deadline schedule: {} deadlines
                              emergencies left unsigned: {}, each with one warning and one overdue mark
                              segments before the kill: {}; after: {}
                              concurrency retries in the logs: {} {}, {} {}
                              times: nodes up {} s, traffic {} s (kill after {} s), segments taken over {} s after
                              the kill, whole test {} s""",
                    CASES, traffic.requests(), traffic.count("2"), traffic.count("409"), traffic.count("unreachable"),
                    traffic.requests() - traffic.count("2") - traffic.count("409") - traffic.count("unreachable"),
                    traffic.outcomes(), acks.size(),
                    audit.eventCount(), audit.commitCount(), audit.head(), audit.caseCount(),
                    audit.caseViewCount(), audit.caseCount(), audit.scheduledDeadlines(),
                    emergencies.size(), split, cluster.claims(),
                    SURVIVOR, cluster.concurrencyRetries(SURVIVOR), VICTIM, cluster.concurrencyRetries(VICTIM),
                    seconds(began, started), seconds(started, trafficDone), seconds(started, killedAt),
                    seconds(killedAt, takenOver), seconds(began, System.nanoTime()));

            traffic.refusals().stream().filter(refusal -> !refusal.answer().endsWith("NOT_REGISTERED"))
                    .forEach(refusal -> log.info("Refused: {}; the case's events: {}", refusal,
                            audit.story(refusal.caseId())));

            assertThat(acks).hasSizeGreaterThan(CASES);
            assertThat(traffic.count("5")).as("server errors").isZero();
            assertThat(audit.logIsWhole()).isEmpty();
            assertThat(audit.everyAcknowledgementExactlyOnce(acks)).isEmpty();
            assertThat(audit.noRevealTwice()).isEmpty();
            assertThat(audit.caseViewsMatchTheLog()).isEmpty();
            assertThat(audit.caseViewCount()).isEqualTo(audit.caseCount());
            assertThat(audit.deadlineScheduleMatchesTheLog()).isEmpty();
            assertThat(audit.tokensClaimedAndAtHead(Set.of(SURVIVOR))).isEmpty();
            assertThat(emergencies).hasSizeGreaterThanOrEqualTo(CASES / 5 - 2);
            assertThat(audit.eachWarnedThenMarkedOverdueOnce(emergencies)).isEmpty();
        }
    }

    private static long seconds(long from, long to) {
        return TimeUnit.NANOSECONDS.toSeconds(to - from);
    }
}
