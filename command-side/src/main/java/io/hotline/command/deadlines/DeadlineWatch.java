package io.hotline.command.deadlines;

import io.hotline.kernel.cases.CheckDeadline;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.common.Actor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * 电子监察's clock: every few seconds, the node holding the lease walks the schedule minute by minute up to now
 * and asks each listed case to check its deadline. The case decides whether a warning or an overdue mark is due
 * and raises each once, so the watch may look twice (after a restart, a lease hand-over, an overlap) without
 * anything firing twice; and since the schedule and the progress live in MongoDB, nothing is missed across
 * restarts either.
 * <p>
 * The watch sends commands to cases, so it runs where the command side runs; the platform turns on Spring's
 * scheduling for its {@code @Scheduled} pass.
 */
@Component
class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    private final DeadlineBuckets buckets;
    private final DeadlineWatchState state;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration lease;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    DeadlineWatch(DeadlineBuckets buckets, DeadlineWatchState state, CommandGateway commands, Clock clock,
                  @Value("${app.deadlines.lease:PT30S}") Duration lease) {
        this.buckets = buckets;
        this.state = state;
        this.commands = commands;
        this.clock = clock;
        this.lease = lease;
    }

    @Scheduled(fixedDelayString = "${app.deadlines.poll:PT5S}", initialDelayString = "${app.deadlines.initial-delay:PT5S}")
    void watch() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("Deadline watch pass failed; the next pass picks up where this one stopped", e);
        }
    }

    /** One pass: the minutes not yet done, up to the current one. Returns how many checks were sent. */
    int runOnce() {
        Optional<Instant> doneUpTo = state.claim(node, lease);
        if (doneUpTo.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant current = now.truncatedTo(ChronoUnit.MINUTES);
        int sent = 0;
        // Look again at the last minute done: a check filed into it while it was being walked is not lost.
        for (Instant minute = doneUpTo.get(); !minute.isAfter(current); minute = minute.plus(1, ChronoUnit.MINUTES)) {
            for (Document check : buckets.checksIn(minute)) {
                send(check);
                sent++;
            }
            if (minute.isBefore(current)) {
                state.markDone(node, minute);
            }
        }
        return sent;
    }

    private void send(Document check) {
        CheckDeadline command = new CheckDeadline(check.getString("caseId"),
                DeadlineKind.valueOf(check.getString("kind")), Instant.parse(check.getString("due")), Actor.SYSTEM);
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            log.warn("Deadline check for case {} failed: {}", command.caseId(), e.getMessage());
        }
    }
}
