package io.hotline.command.deadlines;

import io.hotline.command.web.Callers;
import io.hotline.kernel.cases.CaseIds;
import io.hotline.kernel.cases.DispatchCase;
import io.hotline.kernel.cases.RegisterCase;
import io.hotline.kernel.cases.SignForCase;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;
import io.hotline.testing.MutableClock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 电子监察 end to end: an emergency case dispatched and left unsigned gets its warning at 80% of the 15 minutes
 * and its overdue mark at 15, each exactly once, however often and by however many watches the schedule is
 * walked; a step done in time raises nothing.
 */
@SpringBootTest(properties = {"app.deadlines.initial-delay=PT1H", "app.deadlines.lease=PT10S"})
class DeadlineWatchTest {

    static final Instant START = Instant.parse("2026-11-23T02:00:00Z");
    static final Actor OPERATOR = Actor.of("op-li", "HOTLINE", Role.OPERATOR);
    static final Actor URBAN = Actor.of("ub-zhang", "URBAN-MGMT", Role.UNIT_HANDLER);

    @TestConfiguration
    static class PinnedClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("hotline-deadlines").toString();
        registry.add("app.data-dir", () -> dir);
    }

    @Autowired
    MutableClock clock;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore events;
    @Autowired
    DeadlineWatch watch;
    @Autowired
    DeadlineBuckets buckets;
    @Autowired
    DeadlineWatchState state;

    @Test
    void anUnsignedEmergencyIsWarnedThenMarkedOverdueEachExactlyOnce() {
        clock.set(START);
        String caseId = registerAndDispatch("call-emergency-1", Urgency.EMERGENCY);
        awaitScheduled(START.plus(Duration.ofMinutes(12)));

        clock.set(START.plus(Duration.ofMinutes(11)));
        watch.runOnce();
        assertThat(marks(caseId)).isEmpty();

        clock.set(START.plus(Duration.ofMinutes(12)).plusSeconds(1));
        watch.runOnce();
        watch.runOnce();
        assertThat(marks(caseId)).containsExactly("DeadlineWarningRaised");

        clock.set(START.plus(Duration.ofMinutes(15)).plusSeconds(1));
        watch.runOnce();
        // Another node takes over once the lease has run out and walks the same minutes again.
        clock.advance(Duration.ofSeconds(11));
        DeadlineWatch otherNode = new DeadlineWatch(buckets, state, commands, clock, Duration.ofSeconds(10));
        otherNode.runOnce();
        clock.advance(Duration.ofMinutes(2));
        otherNode.runOnce();
        watch.runOnce();

        assertThat(marks(caseId)).containsExactly("DeadlineWarningRaised", "DeadlineMissed");
    }

    @Test
    void aCaseSignedInTimeRaisesNoMarks() {
        Instant start = START.plus(Duration.ofHours(1));
        clock.set(start);
        String caseId = registerAndDispatch("call-emergency-2", Urgency.EMERGENCY);
        awaitScheduled(start.plus(Duration.ofMinutes(12)));
        commands.sendAndWait(new SignForCase(caseId, URBAN));

        clock.set(start.plus(Duration.ofMinutes(16)));
        watch.runOnce();
        assertThat(marks(caseId)).isEmpty();
    }

    private String registerAndDispatch(String requestId, Urgency urgency) {
        String caseId = CaseIds.forRequest(requestId);
        commands.sendAndWait(new RegisterCase(caseId, requestId, Channel.HOTLINE, Category.HELP, urgency, "燃气泄漏",
                "楼道有燃气味", new Citizen("李四", "13900139000", null), "370602", OPERATOR));
        commands.sendAndWait(new DispatchCase(caseId, "URBAN-MGMT", List.of(), OPERATOR));
        return caseId;
    }

    private void awaitScheduled(Instant warnAt) {
        Instant minute = warnAt.truncatedTo(ChronoUnit.MINUTES);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (buckets.checksIn(minute).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the deadline was never scheduled for " + minute);
            }
            Thread.onSpinWait();
        }
    }

    private List<String> marks(String caseId) {
        return events.readEvents(caseId).asStream()
                .map(DomainEventMessage::getPayloadType).map(Class::getSimpleName)
                .filter(name -> name.startsWith("Deadline"))
                .toList();
    }
}
