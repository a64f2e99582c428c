package io.hotline.query.projection;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.cases.ReplyResult;
import io.hotline.query.caseview.CaseAnswer;
import io.hotline.query.caseview.CaseDetails;
import io.hotline.query.caseview.CaseLevel;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.caseview.ChainEntry;
import io.hotline.query.caseview.ChainRole;
import io.hotline.query.caseview.ChainStep;
import io.hotline.query.caseview.DeadlineView;
import io.hotline.query.caseview.Warning;
import io.hotline.query.inbox.InboxEntry;
import io.hotline.query.inbox.InboxRole;
import org.junit.jupiter.api.Test;

import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Dispatch by level (分级派单) in the case view and the inboxes: the chain across levels, who is accountable at each
 * step, each level's clocks (the sender's keeps running), an objection decided by the sender, a draft awaiting the
 * sender's review, and the inboxes of the unit below and the unit above.
 */
class DispatchByLevelViewTest {

    final InMemoryViewStore store = new InMemoryViewStore();
    final CaseViewProjection projection = new CaseViewProjection(store, CaseViewProjectionTest.PHONES, ViewChanges.NONE);

    private static CaseStory signedByTheDistrict() {
        return CaseStory.of("c1").registered("N1").dispatched("HUANCUI").signedFor("HUANCUI");
    }

    private CaseView told(CaseStory story) {
        story.tell(projection);
        return store.view(story.caseId());
    }

    private static CaseDetails details(CaseView view) {
        return CaseDetails.of(view);
    }

    @Test
    void sentDownTheSenderStaysAccountableAndItsClockRunsOn() {
        CaseStory story = signedByTheDistrict();
        CaseView signedAtTheFirstLevel = told(story);
        DeadlineView districtsClock = signedAtTheFirstLevel.completionDeadline();
        CaseView view = told(story.dispatchedDown("HUANCUI", "HC-JINGYUAN", 2));

        assertThat(view.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(view.leadUnit()).isEqualTo("HC-JINGYUAN");
        assertThat(view.accountableUnit()).isEqualTo("HUANCUI");
        assertThat(view.signForDeadline().unit()).isEqualTo("HC-JINGYUAN");
        assertThat(view.completionDeadline()).isNull();
        assertThat(view.sendingUnit()).isEqualTo("HUANCUI");
        assertThat(view.chain()).last().satisfies(entry -> {
            assertThat(entry.unit()).isEqualTo("HC-JINGYUAN");
            assertThat(entry.step()).isEqualTo(ChainStep.DISPATCHED_DOWN);
            assertThat(entry.from()).isEqualTo("HUANCUI");
            assertThat(entry.level()).isEqualTo(2);
            assertThat(entry.accountable()).isFalse();
            assertThat(entry.reason()).isEqualTo("请属地核实");
        });
        assertThat(details(view).levels())
                .extracting(CaseLevel::level, CaseLevel::unit, CaseLevel::accountableTo, CaseLevel::handling,
                        CaseLevel::accountable, CaseLevel::sentDownTo)
                .containsExactly(tuple(1, "HUANCUI", "HOTLINE", false, true, "HC-JINGYUAN"),
                        tuple(2, "HC-JINGYUAN", "HUANCUI", true, false, null));
        assertThat(details(view).levels().get(0).completionDeadline()).isEqualTo(districtsClock);
        // both clocks pending: the street's sign-for and the district's own completion
        assertThat(view.pendingDeadlines()).extracting(DeadlineView::kind, DeadlineView::unit)
                .containsExactly(tuple(DeadlineKind.SIGN_FOR, "HC-JINGYUAN"), tuple(DeadlineKind.COMPLETION, "HUANCUI"));
        assertThat(store.inbox("HC-JINGYUAN").entries()).singleElement().satisfies(entry -> {
            assertThat(entry.role()).isEqualTo(InboxRole.LEAD);
            assertThat(entry.deadlineKind()).isEqualTo(DeadlineKind.SIGN_FOR);
        });
        assertThat(store.inbox("HUANCUI").entries()).singleElement().satisfies(entry -> {
            assertThat(entry.role()).isEqualTo(InboxRole.SENT_DOWN);
            assertThat(entry.deadlineKind()).isEqualTo(DeadlineKind.COMPLETION);
            assertThat(entry.due()).isEqualTo(districtsClock.due().truncatedTo(ChronoUnit.MILLIS));
        });
    }

    @Test
    void theLowerUnitsSignForMakesItAccountableToTheSender() {
        CaseView view = told(signedByTheDistrict().dispatchedDown("HUANCUI", "HC-JINGYUAN", 2)
                .signedFor("HC-JINGYUAN"));

        assertThat(view.status()).isEqualTo(CaseStatus.IN_HANDLING);
        assertThat(view.accountableUnit()).isEqualTo("HC-JINGYUAN");
        assertThat(view.signForDeadline().isDone()).isTrue();
        assertThat(view.completionDeadline().unit()).isEqualTo("HC-JINGYUAN");
        assertThat(view.chain()).last().extracting(ChainEntry::unit, ChainEntry::step, ChainEntry::from,
                ChainEntry::level).containsExactly("HC-JINGYUAN", ChainStep.SIGNED, "HUANCUI", 2);
        assertThat(details(view).levels()).extracting(CaseLevel::unit, CaseLevel::accountable)
                .containsExactly(tuple("HUANCUI", false), tuple("HC-JINGYUAN", true));
        assertThat(store.inbox("HUANCUI").entries()).extracting(InboxEntry::role).containsExactly(InboxRole.SENT_DOWN);
        assertThat(store.inbox("HC-JINGYUAN").entries()).extracting(InboxEntry::role).containsExactly(InboxRole.LEAD);
    }

    @Test
    void anObjectionFromBelowAwaitsTheSendersDecision() {
        CaseStory story = signedByTheDistrict().dispatchedDown("HUANCUI", "HC-JINGYUAN", 2).objected("HC-JINGYUAN");
        CaseView view = told(story);

        assertThat(view.pendingObjection().unit()).isEqualTo("HC-JINGYUAN");
        assertThat(view.pendingObjection().decidedBy()).isEqualTo("HUANCUI");
        assertThat(store.inbox("HUANCUI").entries()).extracting(InboxEntry::role)
                .containsExactly(InboxRole.DECIDE_OBJECTION);

        CaseView overruled = told(story.overruled("HC-JINGYUAN", "HUANCUI", true));
        assertThat(overruled.pendingObjection()).isNull();
        assertThat(overruled.leadUnit()).isEqualTo("HC-JINGYUAN");
        assertThat(overruled.accountableUnit()).isEqualTo("HUANCUI");
        // not yet signed: a fresh sign-for clock for the street, the time spent on the objection not its own
        assertThat(overruled.signForDeadline().startedAt()).isAfter(view.signForDeadline().startedAt());
        assertThat(overruled.signForDeadline().unit()).isEqualTo("HC-JINGYUAN");
        assertThat(overruled.chain()).last().extracting(ChainEntry::unit, ChainEntry::role, ChainEntry::step,
                        ChainEntry::from, ChainEntry::level)
                .containsExactly("HUANCUI", ChainRole.SENDER, ChainStep.OBJECTION_OVERRULED, "HC-JINGYUAN", 1);
        assertThat(store.inbox("HUANCUI").entries()).extracting(InboxEntry::role).containsExactly(InboxRole.SENT_DOWN);
    }

    @Test
    void anObjectionAtTheFirstLevelIsTheHotlinesToDecide() {
        CaseView view = told(CaseStory.of("c1").registered("N1").dispatched("HUANCUI").objected("HUANCUI"));

        assertThat(view.pendingObjection().decidedBy()).isEqualTo("HOTLINE");
    }

    @Test
    void takenBackTheSenderLeadsAgainWithItsOwnClock() {
        CaseStory story = signedByTheDistrict();
        DeadlineView districtsClock = told(story).completionDeadline();
        CaseView view = told(story.dispatchedDown("HUANCUI", "HC-JINGYUAN", 2).objected("HC-JINGYUAN")
                .takenBack("HC-JINGYUAN", "HUANCUI", null));

        assertThat(view.status()).isEqualTo(CaseStatus.IN_HANDLING);
        assertThat(view.leadUnit()).isEqualTo("HUANCUI");
        assertThat(view.accountableUnit()).isEqualTo("HUANCUI");
        assertThat(view.completionDeadline()).isEqualTo(districtsClock);
        assertThat(view.pendingObjection()).isNull();
        assertThat(view.above()).isEmpty();
        assertThat(view.chain()).last().extracting(ChainEntry::unit, ChainEntry::step, ChainEntry::from)
                .containsExactly("HUANCUI", ChainStep.TAKEN_BACK, "HC-JINGYUAN");
        assertThat(details(view).levels()).extracting(CaseLevel::unit).containsExactly("HUANCUI");
        assertThat(store.inbox("HC-JINGYUAN").entries()).isEmpty();
        assertThat(store.inbox("HUANCUI").entries()).extracting(InboxEntry::role).containsExactly(InboxRole.LEAD);
    }

    @Test
    void aDraftAwaitsTheSendersReviewAndItsApprovalReachesTheCitizen() {
        CaseStory story = signedByTheDistrict().dispatchedDown("HUANCUI", "HC-JINGYUAN", 2)
                .signedFor("HC-JINGYUAN").drafted("HC-JINGYUAN", "HUANCUI", true);
        CaseView drafted = told(story);

        assertThat(drafted.status()).isEqualTo(CaseStatus.IN_HANDLING);
        assertThat(drafted.pendingReview().result()).isEqualTo(ReplyResult.SOLVED);
        assertThat(drafted.pendingReview().text()).isEqualTo("已修复路灯");
        assertThat(drafted.pendingReview().reviewer()).isEqualTo("HUANCUI");
        assertThat(drafted.reviewDeadline().kind()).isEqualTo(DeadlineKind.REVIEW);
        assertThat(drafted.reviewDeadline().unit()).isEqualTo("HUANCUI");
        assertThat(drafted.lastReply()).isNull();
        assertThat(store.inbox("HUANCUI").entries()).singleElement().satisfies(entry -> {
            assertThat(entry.role()).isEqualTo(InboxRole.REVIEW_REPLY);
            assertThat(entry.deadlineKind()).isEqualTo(DeadlineKind.REVIEW);
        });

        CaseView returned = told(story.returned("HUANCUI", "HC-JINGYUAN"));
        assertThat(returned.pendingReview()).isNull();
        assertThat(returned.lastReview().approved()).isFalse();
        assertThat(returned.lastReview().text()).isEqualTo("请补充现场照片");
        assertThat(returned.reviewDeadline().isDone()).isTrue();
        assertThat(returned.chain()).last().extracting(ChainEntry::unit, ChainEntry::role, ChainEntry::step)
                .containsExactly("HUANCUI", ChainRole.SENDER, ChainStep.REPLY_RETURNED);
        assertThat(store.inbox("HUANCUI").entries()).extracting(InboxEntry::role).containsExactly(InboxRole.SENT_DOWN);

        CaseView approved = told(story.drafted("HC-JINGYUAN", "HUANCUI", true).approved("HUANCUI", "HC-JINGYUAN", true));
        assertThat(approved.status()).isEqualTo(CaseStatus.REPLIED);
        assertThat(approved.lastReply().unit()).isEqualTo("HC-JINGYUAN");
        assertThat(approved.lastReview().approved()).isTrue();
        assertThat(approved.completionDeadline().isDone()).isTrue();
        assertThat(approved.above()).singleElement()
                .satisfies(level -> assertThat(level.completionDeadline().isDone()).isTrue());
        assertThat(approved.pendingDeadlines()).isEmpty();
        assertThat(store.inbox("HUANCUI").entries()).isEmpty();
        assertThat(store.inbox("HC-JINGYUAN").entries()).isEmpty();
    }

    @Test
    void reopenedTheCaseGoesBackToTheFirstLevelUnit() {
        CaseView view = told(signedByTheDistrict().dispatchedDown("HUANCUI", "HC-JINGYUAN", 2)
                .signedFor("HC-JINGYUAN").drafted("HC-JINGYUAN", "HUANCUI", true)
                .approved("HUANCUI", "HC-JINGYUAN", true).reopened("HUANCUI"));

        assertThat(view.status()).isEqualTo(CaseStatus.IN_HANDLING);
        assertThat(view.leadUnit()).isEqualTo("HUANCUI");
        assertThat(view.accountableUnit()).isEqualTo("HUANCUI");
        assertThat(view.above()).isEmpty();
        assertThat(details(view).levels()).extracting(CaseLevel::unit).containsExactly("HUANCUI");
        assertThat(store.inbox("HUANCUI").entries()).extracting(InboxEntry::role).containsExactly(InboxRole.LEAD);
        assertThat(store.inbox("HC-JINGYUAN").entries()).isEmpty();
    }

    @Test
    void theSendersClockIsWarnedAndMissedByItsOwnMarks() {
        CaseStory story = signedByTheDistrict();
        DeadlineView districtsClock = told(story).completionDeadline();
        CaseView view = told(story.dispatchedDown("HUANCUI", "HC-JINGYUAN", 2).signedFor("HC-JINGYUAN")
                .missed(DeadlineKind.COMPLETION, "HUANCUI", districtsClock.due()));

        assertThat(view.above().get(0).completionDeadline().missedAt()).isNotNull();
        assertThat(view.completionDeadline().missedAt()).isNull();
        assertThat(new CaseAnswer(view, districtsClock.due().plusSeconds(1)).getWarning()).isEqualTo(Warning.RED);
    }

    @Test
    void aCommunityTwoLevelsDownShowsEveryLevel() {
        CaseView view = told(signedByTheDistrict().dispatchedDown("HUANCUI", "HC-JINGYUAN", 2)
                .signedFor("HC-JINGYUAN").dispatchedDown("HC-JINGYUAN", "HC-JY-COMMUNITY", 3));

        assertThat(details(view).levels())
                .extracting(CaseLevel::level, CaseLevel::unit, CaseLevel::accountableTo, CaseLevel::accountable)
                .containsExactly(tuple(1, "HUANCUI", "HOTLINE", false), tuple(2, "HC-JINGYUAN", "HUANCUI", true),
                        tuple(3, "HC-JY-COMMUNITY", "HC-JINGYUAN", false));
        assertThat(store.inbox("HC-JINGYUAN").entries()).extracting(InboxEntry::role).containsExactly(InboxRole.SENT_DOWN);
        assertThat(store.inbox("HUANCUI").entries()).extracting(InboxEntry::role).containsExactly(InboxRole.SENT_DOWN);
        assertThat(store.inbox("HC-JY-COMMUNITY").entries()).extracting(InboxEntry::role).containsExactly(InboxRole.LEAD);
    }

    @Test
    void aReplayChangesNothingTwice() {
        CaseStory story = signedByTheDistrict().dispatchedDown("HUANCUI", "HC-JINGYUAN", 2).objected("HC-JINGYUAN")
                .overruled("HC-JINGYUAN", "HUANCUI", true).signedFor("HC-JINGYUAN")
                .drafted("HC-JINGYUAN", "HUANCUI", true).returned("HUANCUI", "HC-JINGYUAN");
        story.tell(projection);
        String once = store.snapshot().toString();
        story.tell(projection);

        assertThat(store.snapshot().toString()).isEqualTo(once);
    }
}
