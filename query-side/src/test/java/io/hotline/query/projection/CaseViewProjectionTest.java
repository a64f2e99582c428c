package io.hotline.query.projection;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.cases.Deadline;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.cases.ReplyResult;
import io.hotline.kernel.cases.Satisfaction;
import io.hotline.kernel.common.Jurisdiction;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.caseview.ChainEntry;
import io.hotline.query.caseview.ChainRole;
import io.hotline.query.caseview.ChainStep;
import io.hotline.query.caseview.Warning;
import io.hotline.query.inbox.InboxEntry;
import io.hotline.query.inbox.InboxRole;
import io.hotline.query.personal.PhoneHasher;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What every event does to the case view and the unit inboxes, without Spring or a database. */
class CaseViewProjectionTest {

    static final PhoneHasher PHONES = new PhoneHasher("test-key-of-sixteen-bytes".getBytes(StandardCharsets.UTF_8));

    final InMemoryViewStore store = new InMemoryViewStore();
    final CaseViewProjection projection = new CaseViewProjection(store, PHONES, ViewChanges.NONE);

    private CaseView told(CaseStory story) {
        story.tell(projection);
        return store.view(story.caseId());
    }

    @Test
    void aRegisteredCaseIsTheHotlinesAndKeepsNoRawPersonalData() {
        CaseView view = told(CaseStory.of("c1").registered("20261120-000001"));

        assertThat(view.status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(view.caseNumber()).isEqualTo("20261120-000001");
        assertThat(view.caseNumbers()).containsExactly("20261120-000001");
        assertThat(view.title()).isEqualTo("路灯不亮");
        assertThat(view.area()).isEqualTo("370602");
        assertThat(view.accountableUnit()).isEqualTo("HOTLINE");
        assertThat(view.chain()).extracting(ChainEntry::unit, ChainEntry::role, ChainEntry::step)
                .containsExactly(tuple("HOTLINE", ChainRole.INTAKE, ChainStep.REGISTERED));
        assertThat(view.citizen().name()).isEqualTo("张*");
        assertThat(view.citizen().maskedPhone()).isEqualTo("138****8000");
        assertThat(view.citizen().maskedIdNumber()).isEqualTo("110***********1234");
        assertThat(view.citizen().phoneHash()).isEqualTo(PHONES.hash("+86 138 0013 8000"));
        assertThat(view.version()).isZero();
        assertThat(view.registeredAt()).isEqualTo(CaseStory.START);
        assertThat(store.snapshot().toString()).doesNotContain(CaseStory.PHONE).doesNotContain(CaseStory.ID_NUMBER);
        assertThat(store.inboxes).isEmpty();
    }

    @Test
    void eachNewCaseTakesTheNextPlaceOnTheCaseListAndKeepsIt() {
        CaseStory first = CaseStory.of("c1").registered("N1");
        CaseStory second = CaseStory.of("c2").registered("N2");
        first.tell(projection);
        second.tell(projection);
        CaseStory.of("c3").registered("N3").dispatched("WATER").tell(projection);
        CaseView later = told(CaseStory.of("c1").registered("N1").dispatched("WATER").signedFor("WATER"));

        assertThat(later.listPosition()).isEqualTo(1);
        assertThat(store.view("c2").listPosition()).isEqualTo(2);
        assertThat(store.view("c3").listPosition()).isEqualTo(3);
        assertThat(store.listLength()).isEqualTo(3);
    }

    @Test
    void aRegistrationDeliveredAgainTakesNoSecondPlace() {
        CaseStory story = CaseStory.of("c1").registered("N1");
        story.tell(projection);
        story.tell(projection);
        CaseStory.of("c2").registered("N2").tell(projection);

        assertThat(store.view("c1").listPosition()).isEqualTo(1);
        assertThat(store.view("c2").listPosition()).isEqualTo(2);
        assertThat(store.listLength()).isEqualTo(2);
    }

    @Test
    void anErasureLeavesTheCaseAndForgetsThePerson() {
        CaseView view = told(CaseStory.of("c1").registered("20261120-000001").dispatched("WATER").erased());

        assertThat(view.citizen()).isEqualTo(io.hotline.query.caseview.CitizenView.ERASED);
        assertThat(view.citizen().name()).isEqualTo("[已删除]");
        assertThat(view.citizen().maskedPhone()).isNull();
        assertThat(view.citizen().phoneHash()).isNull();
        assertThat(view.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(view.leadUnit()).isEqualTo("WATER");
        assertThat(view.version()).isEqualTo(2);
    }

    @Test
    void casesEndedAtIntakeLeaveNoDeadlinesAndNoInboxes() {
        CaseView resolved = told(CaseStory.of("c1").registered("N1").resolvedAtIntake());
        CaseView redirected = told(CaseStory.of("c2").registered("N2").redirected());
        CaseView withdrawn = told(CaseStory.of("c3").registered("N3").withdrawn());

        assertThat(resolved.status()).isEqualTo(CaseStatus.RESOLVED_AT_INTAKE);
        assertThat(resolved.ending().text()).isEqualTo("已当场解答");
        assertThat(redirected.status()).isEqualTo(CaseStatus.REDIRECTED);
        assertThat(redirected.ending().jurisdiction()).isEqualTo(Jurisdiction.COURT);
        assertThat(withdrawn.status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(withdrawn.ending().text()).isEqualTo("诉求人撤回");
        assertThat(List.of(resolved, redirected, withdrawn)).allSatisfy(view -> {
            assertThat(view.endedAt()).isNotNull();
            assertThat(view.nextDue()).isNull();
        });
        assertThat(store.inboxes).isEmpty();
    }

    @Test
    void aMergedCaseKeepsItsNumberFindableOnTheSurvivingCase() {
        CaseView survivor = told(CaseStory.of("a").registered("N-A").linked("b", "N-B"));
        CaseView merged = told(CaseStory.of("b").registered("N-B").merged("a", "N-A"));

        assertThat(merged.status()).isEqualTo(CaseStatus.MERGED);
        assertThat(merged.mergedInto().caseId()).isEqualTo("a");
        assertThat(survivor.caseNumbers()).containsExactly("N-A", "N-B");
        assertThat(survivor.repeatedRequests()).singleElement().satisfies(linked -> {
            assertThat(linked.caseId()).isEqualTo("b");
            assertThat(linked.caseNumber()).isEqualTo("N-B");
        });
    }

    @Test
    void dispatchMakesTheLeadAccountableAndPutsTheCaseInLeadAndAssistingInboxes() {
        CaseStory story = CaseStory.of("c1").registered("N1");
        Deadline signFor = story.signFor();
        CaseView view = told(story.dispatched("WATER", "STREET"));

        assertThat(view.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(view.leadUnit()).isEqualTo("WATER");
        assertThat(view.assistingUnits()).containsExactly("STREET");
        assertThat(view.accountableUnit()).isEqualTo("WATER");
        assertThat(view.currentUnits()).containsExactly("WATER", "STREET");
        assertThat(view.signForDeadline().due()).isEqualTo(signFor.due());
        assertThat(view.signForDeadline().unit()).isEqualTo("WATER");
        assertThat(view.nextDue()).isEqualTo(signFor.due());
        assertThat(view.dispatchedAt()).isNotNull();
        assertThat(view.dispatch().proposedUnit()).isEqualTo("WATER");
        assertThat(view.chain()).extracting(ChainEntry::unit, ChainEntry::role, ChainEntry::step, ChainEntry::accountable)
                .containsExactly(tuple("HOTLINE", ChainRole.INTAKE, ChainStep.REGISTERED, true),
                        tuple("WATER", ChainRole.LEAD, ChainStep.DISPATCHED, true),
                        tuple("STREET", ChainRole.ASSIST, ChainStep.DISPATCHED, false));
        assertThat(view.chain().get(1).by().userId()).isEqualTo("op-li");

        assertThat(store.inbox("WATER").entries()).singleElement().satisfies(entry -> {
            assertThat(entry.role()).isEqualTo(InboxRole.LEAD);
            assertThat(entry.deadlineKind()).isEqualTo(DeadlineKind.SIGN_FOR);
            assertThat(entry.due()).isEqualTo(signFor.due());
            assertThat(entry.warnAt()).isEqualTo(signFor.warnAt());
            assertThat(entry.caseNumber()).isEqualTo("N1");
        });
        assertThat(store.inbox("STREET").entries()).extracting(InboxEntry::role).containsExactly(InboxRole.ASSIST);
    }

    @Test
    void signingForStartsTheCompletionClock() {
        CaseStory story = CaseStory.of("c1").registered("N1").dispatched("WATER");
        Deadline completion = story.completion(10);
        CaseView view = told(story.signedFor("WATER"));

        assertThat(view.status()).isEqualTo(CaseStatus.IN_HANDLING);
        assertThat(view.signForDeadline().isDone()).isTrue();
        assertThat(view.signForDeadline().onTime()).isTrue();
        assertThat(view.completionDeadline().due()).isEqualTo(completion.due());
        assertThat(view.nextDue()).isEqualTo(completion.due());
        assertThat(view.signedForAt()).isNotNull();
        assertThat(view.chain()).last().extracting(ChainEntry::step, ChainEntry::accountable)
                .containsExactly(ChainStep.SIGNED, true);
        assertThat(store.inbox("WATER").entries()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(CaseStatus.IN_HANDLING);
            assertThat(entry.deadlineKind()).isEqualTo(DeadlineKind.COMPLETION);
            assertThat(entry.due()).isEqualTo(completion.due());
        });
    }

    @Test
    void anAssistingUnitSigningForItsPartChangesNeitherOwnerNorClock() {
        CaseStory story = CaseStory.of("c1").registered("N1").dispatched("WATER", "STREET");
        CaseView view = told(story.signedFor("STREET"));

        assertThat(view.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(view.accountableUnit()).isEqualTo("WATER");
        assertThat(view.completionDeadline()).isNull();
        assertThat(view.signForDeadline().isDone()).isFalse();
        assertThat(view.chain()).last().extracting(ChainEntry::unit, ChainEntry::role, ChainEntry::step,
                ChainEntry::accountable).containsExactly("STREET", ChainRole.ASSIST, ChainStep.SIGNED, false);
    }

    @Test
    void anObjectionLeavesAccountabilityAndADesignationMovesIt() {
        CaseStory story = CaseStory.of("c1").registered("N1").dispatched("WATER").objected("WATER");
        CaseView objected = told(story);

        assertThat(objected.accountableUnit()).isEqualTo("WATER");
        assertThat(objected.leadUnit()).isEqualTo("WATER");
        assertThat(objected.pendingObjection().unit()).isEqualTo("WATER");
        assertThat(objected.pendingObjection().reason()).isEqualTo("不属于本单位职责");
        assertThat(objected.counters().objections()).isEqualTo(1);
        assertThat(objected.chain()).last().extracting(ChainEntry::step, ChainEntry::accountable)
                .containsExactly(ChainStep.OBJECTED, true);
        assertThat(store.inbox("WATER").entries()).singleElement()
                .satisfies(entry -> assertThat(entry.objectionPending()).isTrue());

        CaseView designated = told(story.designated("WATER", "PARKS", "STREET"));

        assertThat(designated.leadUnit()).isEqualTo("PARKS");
        assertThat(designated.accountableUnit()).isEqualTo("PARKS");
        assertThat(designated.assistingUnits()).containsExactly("STREET");
        assertThat(designated.pendingObjection()).isNull();
        assertThat(designated.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(designated.counters().designations()).isEqualTo(1);
        assertThat(designated.involvedUnits()).containsExactly("HOTLINE", "WATER", "PARKS", "STREET");
        assertThat(designated.chain()).extracting(ChainEntry::unit, ChainEntry::step)
                .endsWith(tuple("PARKS", ChainStep.DESIGNATED), tuple("STREET", ChainStep.DESIGNATED));
        assertThat(store.inbox("WATER").entries()).isEmpty();
        assertThat(store.inbox("PARKS").entries()).extracting(InboxEntry::role).containsExactly(InboxRole.LEAD);
        assertThat(store.inbox("STREET").entries()).extracting(InboxEntry::role).containsExactly(InboxRole.ASSIST);
    }

    @Test
    void aRedispatchMovesLeadAndAccountabilityTogether() {
        CaseView view = told(CaseStory.of("c1").registered("N1").dispatched("WATER").objected("WATER")
                .redispatched("WATER", "GAS"));

        assertThat(view.leadUnit()).isEqualTo("GAS");
        assertThat(view.accountableUnit()).isEqualTo("GAS");
        assertThat(view.pendingObjection()).isNull();
        assertThat(view.counters().redispatches()).isEqualTo(1);
        assertThat(view.chain()).last().extracting(ChainEntry::unit, ChainEntry::step, ChainEntry::accountable)
                .containsExactly("GAS", ChainStep.REDISPATCHED, true);
        assertThat(store.inbox("WATER").entries()).isEmpty();
        assertThat(store.inbox("GAS").entries()).extracting(InboxEntry::caseId).containsExactly("c1");
    }

    @Test
    void aTransferMovesTheLeadAtOnceAndAccountabilityOnlyWhenTheNewUnitSigns() {
        CaseStory story = CaseStory.of("c1").registered("N1").dispatched("WATER").signedFor("WATER")
                .transferred("WATER", "DISTRICT");
        CaseView transferred = told(story);

        assertThat(transferred.leadUnit()).isEqualTo("DISTRICT");
        assertThat(transferred.accountableUnit()).isEqualTo("WATER");
        assertThat(transferred.transferPendingTo()).isEqualTo("DISTRICT");
        assertThat(transferred.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(transferred.signForDeadline().unit()).isEqualTo("DISTRICT");
        assertThat(transferred.completionDeadline()).isNull();
        assertThat(transferred.counters().transfers()).isEqualTo(1);
        assertThat(transferred.chain()).last().extracting(ChainEntry::unit, ChainEntry::step, ChainEntry::accountable)
                .containsExactly("DISTRICT", ChainStep.TRANSFERRED, false);
        assertThat(store.inbox("DISTRICT").entries()).extracting(InboxEntry::role).containsExactly(InboxRole.LEAD);
        assertThat(store.inbox("WATER").entries()).extracting(InboxEntry::role).containsExactly(InboxRole.ACCOUNTABLE);

        CaseView signed = told(story.signedFor("DISTRICT"));

        assertThat(signed.accountableUnit()).isEqualTo("DISTRICT");
        assertThat(signed.transferPendingTo()).isNull();
        assertThat(signed.chain()).last().extracting(ChainEntry::unit, ChainEntry::step, ChainEntry::accountable)
                .containsExactly("DISTRICT", ChainStep.SIGNED, true);
        assertThat(signed.involvedUnits()).contains("WATER", "DISTRICT");
        assertThat(store.inbox("WATER").entries()).isEmpty();
        assertThat(store.inbox("DISTRICT").entries()).extracting(InboxEntry::role).containsExactly(InboxRole.LEAD);
    }

    @Test
    void handlingStepsAreCountedAndTheLatestOfEachKept() {
        CaseStory story = CaseStory.of("c1").registered("N1").dispatched("WATER").signedFor("WATER")
                .progress("WATER").materials("WATER", false).materials("WATER", true).extensionRequested("WATER");
        CaseView requested = told(story);

        assertThat(requested.counters().progressNotes()).isEqualTo(1);
        assertThat(requested.lastProgress().note()).isEqualTo("已现场查看");
        assertThat(requested.counters().materialRequests()).isEqualTo(2);
        assertThat(requested.counters().materialRequestViolations()).isEqualTo(1);
        assertThat(requested.lastMaterialRequest().items()).containsExactly("照片", "地址");
        assertThat(requested.lastMaterialRequest().repeated()).isTrue();
        assertThat(requested.pendingExtension().extraWorkingDays()).isEqualTo(5);
        assertThat(requested.counters().extensionRequests()).isEqualTo(1);

        Deadline extended = CaseStory.deadline(DeadlineKind.COMPLETION, story.now(), Duration.ofDays(12),
                Duration.ofDays(15));
        CaseView approved = told(story.extensionApproved(extended));

        assertThat(approved.pendingExtension()).isNull();
        assertThat(approved.counters().extensions()).isEqualTo(1);
        assertThat(approved.completionDeadline().due()).isEqualTo(extended.due());
        assertThat(approved.completionDeadline().unit()).isEqualTo("WATER");
        assertThat(store.inbox("WATER").entries()).singleElement()
                .satisfies(entry -> assertThat(entry.due()).isEqualTo(extended.due()));

        CaseView rejected = told(story.extensionRequested("WATER").extensionRejected());

        assertThat(rejected.pendingExtension()).isNull();
        assertThat(rejected.counters().extensionRejections()).isEqualTo(1);
        assertThat(rejected.completionDeadline().due()).isEqualTo(extended.due());
    }

    @Test
    void aReplyTakesTheCaseOffTheDeskAndDissatisfactionReopensIt() {
        CaseStory story = CaseStory.of("c1").registered("N1").dispatched("WATER").signedFor("WATER")
                .replied("WATER", false);
        CaseView replied = told(story);

        assertThat(replied.status()).isEqualTo(CaseStatus.REPLIED);
        assertThat(replied.lastReply().result()).isEqualTo(ReplyResult.SOLVED);
        assertThat(replied.lastReply().onTime()).isFalse();
        assertThat(replied.completionDeadline().isDone()).isTrue();
        assertThat(replied.completionDeadline().onTime()).isFalse();
        assertThat(replied.repliedAt()).isNotNull();
        assertThat(replied.nextDue()).isNull();
        assertThat(store.inbox("WATER").entries()).isEmpty();

        CaseView feedback = told(story.feedback(Satisfaction.DISSATISFIED));
        assertThat(feedback.lastFeedback().satisfaction()).isEqualTo(Satisfaction.DISSATISFIED);
        assertThat(feedback.lastFeedback().countsAsSatisfied()).isFalse();

        Deadline again = story.completion(5);
        CaseView reopened = told(story.reopened("WATER"));
        assertThat(reopened.status()).isEqualTo(CaseStatus.IN_HANDLING);
        assertThat(reopened.counters().reopens()).isEqualTo(1);
        assertThat(reopened.completionDeadline().due()).isEqualTo(again.due());
        assertThat(reopened.completionDeadline().isDone()).isFalse();
        assertThat(reopened.lastReply()).isNotNull();
        assertThat(reopened.chain()).last().extracting(ChainEntry::step).isEqualTo(ChainStep.REOPENED);
        assertThat(store.inbox("WATER").entries()).extracting(InboxEntry::caseId).containsExactly("c1");

        CaseView closed = told(story.replied("WATER", true).feedback(Satisfaction.SATISFIED).closed());
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.endedAt()).isNotNull();
        assertThat(store.inbox("WATER").entries()).isEmpty();
    }

    @Test
    void supervisionAndUrgingAreFlaggedAndCounted() {
        CaseView view = told(CaseStory.of("c1").registered("N1").dispatched("WATER").supervised().urged("WATER")
                .urged("WATER"));

        assertThat(view.supervised()).isTrue();
        assertThat(view.supervision().note()).isEqualTo("挂牌督办");
        assertThat(view.counters().urges()).isEqualTo(2);
        assertThat(view.lastUrge().unit()).isEqualTo("WATER");
        assertThat(store.inbox("WATER").entries()).singleElement()
                .satisfies(entry -> assertThat(entry.supervised()).isTrue());
    }

    @Test
    void deadlineWarningsAndMissesMarkTheClockTheyNameOnly() {
        CaseStory story = CaseStory.of("c1").registered("N1");
        Deadline signFor = story.signFor();
        story.dispatched("WATER")
                .warned(DeadlineKind.SIGN_FOR, "WATER", signFor.due())
                .missed(DeadlineKind.SIGN_FOR, "WATER", signFor.due())
                .warned(DeadlineKind.SIGN_FOR, "WATER", signFor.due().plus(Duration.ofDays(1)));
        CaseView view = told(story);

        assertThat(view.signForDeadline().warningRaisedAt()).isEqualTo(signFor.startedAt().plus(Duration.ofHours(1)));
        assertThat(view.signForDeadline().missedAt()).isEqualTo(signFor.startedAt().plus(Duration.ofHours(2)));
        assertThat(view.counters().deadlinesMissed()).isEqualTo(1);
        assertThat(view.warningAt(signFor.startedAt())).isEqualTo(Warning.GREEN);
        assertThat(view.warningAt(signFor.warnAt())).isEqualTo(Warning.YELLOW);
        assertThat(view.warningAt(signFor.due())).isEqualTo(Warning.RED);
        assertThat(view.warningAt(DeadlineKind.COMPLETION, signFor.due())).isEqualTo(Warning.NONE);
    }

    @Test
    void everyEventMovesTheVersionAndTheLastChangeTime() {
        CaseStory story = CaseStory.of("c1").registered("N1").dispatched("WATER").progress("WATER");
        CaseView view = told(story);

        assertThat(view.version()).isEqualTo(2);
        assertThat(view.updatedAt()).isEqualTo(CaseStory.START.plus(2, ChronoUnit.HOURS));
    }
}
