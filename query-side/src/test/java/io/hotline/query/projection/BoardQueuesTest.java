package io.hotline.query.projection;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.cases.Deadline;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.cases.ReplyResult;
import io.hotline.kernel.cases.Satisfaction;
import io.hotline.query.board.QueueEntry;
import io.hotline.query.board.QueueName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which queues of the coordination board a case is in after each event, and what its entry holds, as the
 * projection keeps them: without Spring or a database.
 */
class BoardQueuesTest {

    final InMemoryViewStore store = new InMemoryViewStore();
    final CaseViewProjection projection = new CaseViewProjection(store, CaseViewProjectionTest.PHONES,
            ViewChanges.NONE);
    /** How many of the story's steps were told already. */
    private int told;

    /** Tells the story's steps not yet told. */
    private void tell(CaseStory story) {
        List<CaseStory.Step> steps = story.steps();
        steps.subList(told, steps.size()).forEach(step -> CaseStory.feed(projection, step));
        told = steps.size();
    }

    /** The queues holding the case, by name. */
    private List<QueueName> queuesOf(String caseId) {
        return Arrays.stream(QueueName.values())
                .filter(queue -> store.queue(queue.name()).entry(caseId).isPresent())
                .toList();
    }

    private QueueEntry entry(QueueName queue, String caseId) {
        return store.queue(queue.name()).entry(caseId).orElseThrow(() -> new AssertionError(caseId + " not in " + queue));
    }

    @Test
    void aRegisteredCaseWaitsForDispatchUntilItIsDispatched() {
        CaseStory story = CaseStory.of("c1").registered("N1");
        tell(story);

        assertThat(queuesOf("c1")).containsExactly(QueueName.REGISTERED);
        QueueEntry registered = entry(QueueName.REGISTERED, "c1");
        assertThat(registered.caseNumber()).isEqualTo("N1");
        assertThat(registered.title()).isEqualTo("路灯不亮");
        assertThat(registered.status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(registered.area()).isEqualTo("370602");
        assertThat(registered.registeredAt()).isEqualTo(CaseStory.START);
        assertThat(registered.accountableUnit()).isEqualTo("HOTLINE");
        assertThat(registered.nextDue()).isNull();
        assertThat(registered.version()).isZero();

        tell(story.dispatched("WATER", "STREET"));

        assertThat(queuesOf("c1")).isEmpty();
        assertThat(store.queue(QueueName.REGISTERED.name()).entries()).isEmpty();
    }

    @Test
    void anObjectionWaitsForTheHotlineUntilALeadIsDesignatedOrTheCaseRedispatched() {
        CaseStory story = CaseStory.of("c1").registered("N1").dispatched("WATER", "STREET").objected("WATER");
        tell(story);

        assertThat(queuesOf("c1")).containsExactly(QueueName.OBJECTIONS);
        QueueEntry objected = entry(QueueName.OBJECTIONS, "c1");
        assertThat(objected.pendingObjection().unit()).isEqualTo("WATER");
        assertThat(objected.pendingObjection().reason()).isEqualTo("不属于本单位职责");
        assertThat(objected.pendingObjection().at()).isEqualTo(CaseStory.START.plus(Duration.ofHours(2)));
        assertThat(objected.leadUnit()).isEqualTo("WATER");
        assertThat(objected.assistingUnits()).containsExactly("STREET");
        assertThat(objected.category()).isNotNull();
        assertThat(objected.nextDeadlineKind()).isEqualTo(DeadlineKind.SIGN_FOR);
        assertThat(objected.pendingExtension()).isNull();

        tell(story.designated("WATER", "PARKS"));
        assertThat(queuesOf("c1")).isEmpty();

        tell(story.signedFor("PARKS").objected("PARKS"));
        assertThat(queuesOf("c1")).containsExactly(QueueName.OBJECTIONS);
        assertThat(entry(QueueName.OBJECTIONS, "c1").status()).isEqualTo(CaseStatus.IN_HANDLING);

        tell(story.redispatched("PARKS", "GAS"));
        assertThat(queuesOf("c1")).isEmpty();
    }

    @Test
    void anExtensionRequestWaitsUntilApprovedRejectedOrOvertakenByTheReply() {
        CaseStory story = CaseStory.of("c1").registered("N1").dispatched("WATER").signedFor("WATER")
                .extensionRequested("WATER");
        tell(story);

        assertThat(queuesOf("c1")).containsExactly(QueueName.EXTENSIONS);
        QueueEntry asked = entry(QueueName.EXTENSIONS, "c1");
        assertThat(asked.pendingExtension().unit()).isEqualTo("WATER");
        assertThat(asked.pendingExtension().extraWorkingDays()).isEqualTo(5);
        assertThat(asked.pendingExtension().reason()).isEqualTo("需协调施工");
        assertThat(asked.nextDeadlineKind()).isEqualTo(DeadlineKind.COMPLETION);

        Deadline extended = CaseStory.deadline(DeadlineKind.COMPLETION, story.now(), Duration.ofDays(12),
                Duration.ofDays(15));
        tell(story.extensionApproved(extended));
        assertThat(queuesOf("c1")).isEmpty();

        tell(story.extensionRequested("WATER"));
        assertThat(queuesOf("c1")).containsExactly(QueueName.EXTENSIONS);
        tell(story.extensionRejected());
        assertThat(queuesOf("c1")).isEmpty();

        tell(story.extensionRequested("WATER").replied("WATER", true));
        assertThat(queuesOf("c1")).containsExactly(QueueName.CALLBACK);
    }

    @Test
    void aCaseIsOverdueOnceAMissIsRecordedUntilTheStepIsDoneOrItsClockReplaced() {
        CaseStory story = CaseStory.of("c1").registered("N1");
        Deadline signFor = story.signFor();
        tell(story.dispatched("WATER").warned(DeadlineKind.SIGN_FOR, "WATER", signFor.due()));
        assertThat(queuesOf("c1")).as("a warning is not a miss").isEmpty();

        tell(story.missed(DeadlineKind.SIGN_FOR, "WATER", signFor.due().plus(Duration.ofDays(1))));
        assertThat(queuesOf("c1")).as("a miss of another clock").isEmpty();

        tell(story.missed(DeadlineKind.SIGN_FOR, "WATER", signFor.due()));
        assertThat(queuesOf("c1")).containsExactly(QueueName.OVERDUE);
        QueueEntry overdue = entry(QueueName.OVERDUE, "c1");
        assertThat(overdue.nextDeadlineKind()).isEqualTo(DeadlineKind.SIGN_FOR);
        assertThat(overdue.nextDue()).isEqualTo(signFor.due());
        assertThat(overdue.nextWarnAt()).isEqualTo(signFor.warnAt());
        assertThat(overdue.supervised()).isFalse();

        tell(story.supervised());
        assertThat(entry(QueueName.OVERDUE, "c1").supervised()).as("the entry follows the case").isTrue();
        assertThat(entry(QueueName.OVERDUE, "c1").version()).isEqualTo(story.version());

        Deadline completion = story.completion(10);
        tell(story.signedFor("WATER"));
        assertThat(queuesOf("c1")).as("signed for, late: that step is done").isEmpty();

        tell(story.missed(DeadlineKind.COMPLETION, "WATER", completion.due()));
        assertThat(queuesOf("c1")).containsExactly(QueueName.OVERDUE);
        assertThat(entry(QueueName.OVERDUE, "c1").nextDeadlineKind()).isEqualTo(DeadlineKind.COMPLETION);

        tell(story.extensionRequested("WATER"));
        assertThat(queuesOf("c1")).containsExactly(QueueName.EXTENSIONS, QueueName.OVERDUE);

        Deadline extended = CaseStory.deadline(DeadlineKind.COMPLETION, story.now(), Duration.ofDays(12),
                Duration.ofDays(15));
        tell(story.extensionApproved(extended));
        assertThat(queuesOf("c1")).as("a new clock, not missed").isEmpty();
    }

    @Test
    void aTransferGivesANewClockAndTakesTheCaseOffTheOverdueList() {
        CaseStory story = CaseStory.of("c1").registered("N1").dispatched("WATER");
        Deadline completion = story.completion(10);
        tell(story.signedFor("WATER").missed(DeadlineKind.COMPLETION, "WATER", completion.due()));
        assertThat(queuesOf("c1")).containsExactly(QueueName.OVERDUE);

        tell(story.transferred("WATER", "DISTRICT"));
        assertThat(queuesOf("c1")).isEmpty();
    }

    @Test
    void anAnswerWaitsForTheCallBackUntilTheCaseIsClosedOrReopened() {
        CaseStory story = CaseStory.of("c1").registered("N1").dispatched("WATER").signedFor("WATER")
                .replied("WATER", true);
        tell(story);

        assertThat(queuesOf("c1")).containsExactly(QueueName.CALLBACK);
        QueueEntry replied = entry(QueueName.CALLBACK, "c1");
        assertThat(replied.status()).isEqualTo(CaseStatus.REPLIED);
        assertThat(replied.lastReply().result()).isEqualTo(ReplyResult.SOLVED);
        assertThat(replied.lastReply().text()).isEqualTo("已修复");
        assertThat(replied.lastReply().at()).isEqualTo(CaseStory.START.plus(Duration.ofHours(3)));
        assertThat(replied.lastFeedback()).isNull();
        assertThat(replied.nextDue()).isNull();

        tell(story.feedback(Satisfaction.DISSATISFIED));
        QueueEntry withFeedback = entry(QueueName.CALLBACK, "c1");
        assertThat(withFeedback.lastFeedback().satisfaction()).isEqualTo(Satisfaction.DISSATISFIED);
        assertThat(withFeedback.lastFeedback().countsAsSatisfied()).isFalse();
        assertThat(withFeedback.lastFeedback().at()).isAfter(withFeedback.lastReply().at());

        tell(story.reopened("WATER"));
        assertThat(queuesOf("c1")).isEmpty();

        tell(story.replied("WATER", true).feedback(Satisfaction.SATISFIED));
        assertThat(queuesOf("c1")).containsExactly(QueueName.CALLBACK);
        tell(story.closed());
        assertThat(queuesOf("c1")).isEmpty();
    }

    @Test
    void anAnswerAtIntakeWaitsForTheCallBackWithItsText() {
        CaseStory story = CaseStory.of("c1").registered("N1").resolvedAtIntake();
        tell(story);

        assertThat(queuesOf("c1")).containsExactly(QueueName.CALLBACK);
        QueueEntry answered = entry(QueueName.CALLBACK, "c1");
        assertThat(answered.ending().how()).isEqualTo("RESOLVED_AT_INTAKE");
        assertThat(answered.ending().text()).isEqualTo("已当场解答");
        assertThat(answered.lastReply()).isNull();

        tell(story.closed());
        assertThat(queuesOf("c1")).isEmpty();
    }

    @Test
    void casesEndedOtherwiseWaitOnNoOne() {
        CaseStory redirected = CaseStory.of("c1").registered("N1").redirected();
        redirected.tell(projection);
        CaseStory withdrawn = CaseStory.of("c2").registered("N2").dispatched("WATER").withdrawn();
        withdrawn.tell(projection);
        CaseStory merged = CaseStory.of("c3").registered("N3").merged("c9", "N9");
        merged.tell(projection);

        assertThat(queuesOf("c1")).isEmpty();
        assertThat(queuesOf("c2")).isEmpty();
        assertThat(queuesOf("c3")).isEmpty();
    }

    @Test
    void theQueuesHoldNoPersonalDataOfTheCitizen() {
        CaseStory.of("c1").registered("N1").tell(projection);
        CaseStory.of("c2").registered("N2").resolvedAtIntake().tell(projection);

        Map<String, String> snapshot = store.snapshot();
        String queues = snapshot.entrySet().stream().filter(entry -> entry.getKey().startsWith("board_queue/"))
                .map(Map.Entry::getValue).reduce("", String::concat);
        assertThat(queues).contains("N1", "N2").doesNotContain("citizen").doesNotContain("张")
                .doesNotContain("8000").doesNotContain("1234").doesNotContain("小区门口");
    }

    @Test
    void eventsDeliveredAgainChangeNoQueue() {
        CaseStory story = CaseStory.of("c1").registered("N1").dispatched("WATER").objected("WATER");
        CaseStory other = CaseStory.of("c2").registered("N2").dispatched("GAS").signedFor("GAS")
                .replied("GAS", true);
        story.tell(projection);
        other.tell(projection);
        Map<String, String> before = store.snapshot();
        int queueWrites = store.queueWrites;

        story.tell(projection);
        other.steps().subList(1, 3).forEach(step -> CaseStory.feed(projection, step));

        assertThat(store.queueWrites).isEqualTo(queueWrites);
        assertThat(store.snapshot()).isEqualTo(before);
        assertThat(queuesOf("c1")).containsExactly(QueueName.OBJECTIONS);
        assertThat(queuesOf("c2")).containsExactly(QueueName.CALLBACK);
    }
}
