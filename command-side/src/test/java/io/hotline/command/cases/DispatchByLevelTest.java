package io.hotline.command.cases;

import io.hotline.kernel.cases.*;
import io.hotline.kernel.common.Actor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.hotline.command.cases.CaseFixtures.*;

/**
 * 分级派单 (下派), decisions by the level above, and 办结审核: the hotline dispatches to a district, the district sends
 * the case down to a street (or a street to a community), an objection from below goes back to the sender, and a
 * reply drafted by a street goes up to its district before the citizen hears it.
 */
class DispatchByLevelTest {

    private static final Instant DISTRICT_DUE = T0.plus(COMPLETION);

    private static CaseDispatchedDown sentDownTo(String unit, Actor by, int level) {
        return new CaseDispatchedDown(CASE, by.unitId(), unit, List.of(), "请核实处理",
                level, deadline(DeadlineKind.SIGN_FOR, T0, STREET_SIGN_FOR), by, T0);
    }

    private static CaseSignedFor streetSigned() {
        return new CaseSignedFor(CASE, STREET, true, deadline(DeadlineKind.COMPLETION, T0, STREET_COMPLETION),
                STREET_HANDLER, T0);
    }

    private static ReplySubmittedForReview draft() {
        return new ReplySubmittedForReview(CASE, STREET, DISTRICT, ReplyResult.SOLVED, "路灯已修复", true,
                deadline(DeadlineKind.REVIEW, T0, REVIEW), STREET_HANDLER, T0);
    }

    /** Registered, dispatched to the district, signed there and sent down to the street. */
    private static Object[] withTheStreet(Object... more) {
        Object[] start = {registered(), dispatchedTo(DISTRICT), signedBy(DISTRICT_HANDLER),
                sentDownTo(STREET, DISTRICT_HANDLER, 2)};
        Object[] all = java.util.Arrays.copyOf(start, start.length + more.length);
        System.arraycopy(more, 0, all, start.length, more.length);
        return all;
    }

    // ---- 下派

    @Test
    void theDistrictSendsTheCaseDownToAStreetWithTheStreetLevelsSignForClock() {
        fixture().given(registered(), dispatchedTo(DISTRICT), signedBy(DISTRICT_HANDLER))
                .when(new DispatchDown(CASE, STREET, List.of(), "请核实处理", DISTRICT_HANDLER))
                .expectEvents(new CaseDispatchedDown(CASE, DISTRICT, STREET, List.of(), "请核实处理", 2,
                        deadline(DeadlineKind.SIGN_FOR, NOW, STREET_SIGN_FOR), DISTRICT_HANDLER, NOW))
                .expectResultMessagePayload(new CaseAcknowledged(CASE, 3));
    }

    @Test
    void aStreetSendsItFurtherDownToACommunityAtTheThirdLevel() {
        fixture().given(withTheStreet(streetSigned()))
                .when(new DispatchDown(CASE, COMMUNITY, List.of(), null, STREET_HANDLER))
                .expectEvents(new CaseDispatchedDown(CASE, STREET, COMMUNITY, List.of(), null, 3,
                        deadline(DeadlineKind.SIGN_FOR, NOW, STREET_SIGN_FOR), STREET_HANDLER, NOW));
    }

    @Test
    void aCaseGoesDownOnlyWithinTheSendersSubtree() {
        fixture().given(registered(), dispatchedTo(DISTRICT), signedBy(DISTRICT_HANDLER))
                .when(new DispatchDown(CASE, OTHER_DISTRICT_STREET, List.of(), null, DISTRICT_HANDLER))
                .expectNoEvents()
                .expectException(Rejected.with(Rejection.OUTSIDE_SUBTREE));
    }

    @Test
    void assistingUnitsBelowMustBeInTheSubtreeToo() {
        fixture().given(registered(), dispatchedTo(DISTRICT), signedBy(DISTRICT_HANDLER))
                .when(new DispatchDown(CASE, STREET, List.of(OTHER_DISTRICT_STREET), null, DISTRICT_HANDLER))
                .expectException(Rejected.with(Rejection.OUTSIDE_SUBTREE));
    }

    @Test
    void aUnitOutOfServiceReceivesNothing() {
        fixture().given(registered(), dispatchedTo(DISTRICT), signedBy(DISTRICT_HANDLER))
                .when(new DispatchDown(CASE, RETIRED_STREET, List.of(), null, DISTRICT_HANDLER))
                .expectException(Rejected.with(Rejection.UNIT_NOT_IN_SERVICE));
    }

    @Test
    void onlyASignedForCaseGoesDown() {
        fixture().given(registered(), dispatchedTo(DISTRICT))
                .when(new DispatchDown(CASE, STREET, List.of(), null, DISTRICT_HANDLER))
                .expectException(Rejected.with(Rejection.NOT_IN_HANDLING));
    }

    @Test
    void onlyTheUnitLeadingTheCaseSendsItDown() {
        fixture().given(registered(), dispatchedTo(DISTRICT), signedBy(DISTRICT_HANDLER))
                .when(new DispatchDown(CASE, COMMUNITY, List.of(), null, STREET_HANDLER))
                .expectException(Rejected.with(Rejection.OUT_OF_SIGHT));
    }

    @Test
    void theHotlineDoesNotSendDown() {
        fixture().given(registered(), dispatchedTo(DISTRICT), signedBy(DISTRICT_HANDLER))
                .when(new DispatchDown(CASE, STREET, List.of(), null, OPERATOR))
                .expectException(Rejected.with(Rejection.ROLE_REQUIRED));
    }

    // ---- 首问负责 across levels, and each level's clock

    @Test
    void theStreetSignsAgainstItsOwnLevelsCompletionLimit() {
        fixture().given(withTheStreet())
                .when(new SignForCase(CASE, STREET_HANDLER))
                .expectEvents(new CaseSignedFor(CASE, STREET, true,
                        deadline(DeadlineKind.COMPLETION, NOW, STREET_COMPLETION), STREET_HANDLER, NOW));
    }

    @Test
    void aLowerLevelNeverGetsPastTheSendersOwnDeadline() {
        Instant late = T0.plus(Duration.ofDays(9));
        fixtureAt(late).given(registered(), dispatchedTo(DISTRICT), signedBy(DISTRICT_HANDLER),
                        new CaseDispatchedDown(CASE, DISTRICT, STREET, List.of(), null, 2,
                                deadline(DeadlineKind.SIGN_FOR, late, STREET_SIGN_FOR), DISTRICT_HANDLER, late))
                .when(new SignForCase(CASE, STREET_HANDLER))
                .expectEvents(new CaseSignedFor(CASE, STREET, true,
                        new Deadline(DeadlineKind.COMPLETION, late, late, DISTRICT_DUE), STREET_HANDLER, late));
    }

    @Test
    void theSendersClockRunsOnWhileTheStreetHandlesAndItsMissIsTheSenders() {
        fixtureAt(DISTRICT_DUE).given(withTheStreet(streetSigned()))
                .when(new CheckDeadline(CASE, DeadlineKind.COMPLETION, DISTRICT_DUE, Actor.SYSTEM))
                .expectEvents(new DeadlineMissed(CASE, DeadlineKind.COMPLETION, DISTRICT, DISTRICT_DUE,
                        Actor.SYSTEM, DISTRICT_DUE));
    }

    @Test
    void theStreetsOwnMissIsTheStreets() {
        Instant due = T0.plus(STREET_COMPLETION);
        fixtureAt(due).given(withTheStreet(streetSigned()))
                .when(new CheckDeadline(CASE, DeadlineKind.COMPLETION, due, Actor.SYSTEM))
                .expectEvents(new DeadlineMissed(CASE, DeadlineKind.COMPLETION, STREET, due, Actor.SYSTEM, due));
    }

    @Test
    void untilTheStreetSignsAMissedSignForIsTheStreetsAndTheDistrictStaysAccountable() {
        Instant due = T0.plus(STREET_SIGN_FOR);
        fixtureAt(due).given(withTheStreet())
                .when(new CheckDeadline(CASE, DeadlineKind.SIGN_FOR, due, Actor.SYSTEM))
                .expectEvents(new DeadlineMissed(CASE, DeadlineKind.SIGN_FOR, STREET, due, Actor.SYSTEM, due));
    }

    // ---- objections from below go to the sender

    @Test
    void theHotlineDoesNotDecideAnObjectionFromBelow() {
        fixture().given(withTheStreet(objectedBy(STREET_HANDLER)))
                .when(new RedispatchCase(CASE, "HOUSING", List.of(), "改派", OPERATOR))
                .expectException(Rejected.with(Rejection.OBJECTION_GOES_TO_SENDER));
    }

    @Test
    void theCitysCoordinatorDoesNotDesignateBelowEither() {
        fixture().given(withTheStreet(objectedBy(STREET_HANDLER)))
                .when(new DesignateLeadUnit(CASE, OTHER_STREET, List.of(), "协调", COORDINATOR))
                .expectException(Rejected.with(Rejection.OBJECTION_GOES_TO_SENDER));
    }

    @Test
    void theSenderOverrulesTheObjectionAndTheStreetGetsAFreshSignForClock() {
        fixture().given(withTheStreet(objectedBy(STREET_HANDLER)))
                .when(new OverruleObjection(CASE, "属于街道职责", DISTRICT_HANDLER))
                .expectEvents(new ObjectionOverruled(CASE, STREET, DISTRICT, "属于街道职责",
                        deadline(DeadlineKind.SIGN_FOR, NOW, STREET_SIGN_FOR), DISTRICT_HANDLER, NOW));
    }

    @Test
    void overrulingNeedsAnObjection() {
        fixture().given(withTheStreet())
                .when(new OverruleObjection(CASE, "属于街道职责", DISTRICT_HANDLER))
                .expectException(Rejected.with(Rejection.NO_OBJECTION_PENDING));
    }

    @Test
    void theObjectingUnitDoesNotDecideItsOwnObjection() {
        fixture().given(withTheStreet(objectedBy(STREET_HANDLER)))
                .when(new OverruleObjection(CASE, "无", STREET_HANDLER))
                .expectException(Rejected.with(Rejection.NOT_YOUR_CASE));
    }

    @Test
    void theSenderTakesTheCaseBackAndItsOwnClockIsInForceAgain() {
        fixture().given(withTheStreet(objectedBy(STREET_HANDLER)))
                .when(new TakeBackCase(CASE, "区级自办", DISTRICT_HANDLER))
                .expectEvents(new CaseTakenBack(CASE, STREET, DISTRICT, "区级自办",
                        deadline(DeadlineKind.COMPLETION, T0, COMPLETION), DISTRICT_HANDLER, NOW));
    }

    @Test
    void takenBackTheDistrictRepliesItselfWithoutReview() {
        fixture().given(withTheStreet(new CaseTakenBack(CASE, STREET, DISTRICT, "区级自办",
                        deadline(DeadlineKind.COMPLETION, T0, COMPLETION), DISTRICT_HANDLER, T0)))
                .when(new ReplyToCitizen(CASE, ReplyResult.SOLVED, "已修复", DISTRICT_HANDLER))
                .expectEvents(new CaseReplied(CASE, DISTRICT, ReplyResult.SOLVED, "已修复", true, DISTRICT_HANDLER,
                        NOW));
    }

    @Test
    void belowTheFirstLevelATransferStaysWithinTheSendersSubtree() {
        fixture().given(withTheStreet(streetSigned()))
                .when(new TransferCase(CASE, OTHER_STREET, "属地调整", STREET_HANDLER))
                .expectEvents(new CaseTransferred(CASE, STREET, OTHER_STREET, "属地调整",
                        deadline(DeadlineKind.SIGN_FOR, NOW, SIGN_FOR), STREET_HANDLER, NOW));
    }

    @Test
    void belowTheFirstLevelATransferOutOfTheSendersSubtreeIsRefused() {
        fixture().given(withTheStreet(streetSigned()))
                .when(new TransferCase(CASE, OTHER_DISTRICT_STREET, "属地调整", STREET_HANDLER))
                .expectException(Rejected.with(Rejection.OUTSIDE_SUBTREE));
    }

    @Test
    void belowTheFirstLevelATransferBackUpIsATakeBackNotATransfer() {
        fixture().given(withTheStreet(streetSigned()))
                .when(new TransferCase(CASE, DISTRICT, "退回", STREET_HANDLER))
                .expectException(Rejected.with(Rejection.OUTSIDE_SUBTREE));
    }

    // ---- 办结审核

    @Test
    void aStreetsReplyGoesUpToItsDistrictForReview() {
        fixture().given(withTheStreet(streetSigned()))
                .when(new ReplyToCitizen(CASE, ReplyResult.SOLVED, "路灯已修复", STREET_HANDLER))
                .expectEvents(new ReplySubmittedForReview(CASE, STREET, DISTRICT, ReplyResult.SOLVED, "路灯已修复",
                        true, deadline(DeadlineKind.REVIEW, NOW, REVIEW), STREET_HANDLER, NOW));
    }

    @Test
    void aLevelWithoutReviewRepliesStraightToTheCitizen() {
        CaseSignedFor communitySigned = new CaseSignedFor(CASE, COMMUNITY, true,
                deadline(DeadlineKind.COMPLETION, T0, STREET_COMPLETION), COMMUNITY_HANDLER, T0);
        fixture().given(withTheStreet(streetSigned(), sentDownTo(COMMUNITY, STREET_HANDLER, 3), communitySigned))
                .when(new ReplyToCitizen(CASE, ReplyResult.SOLVED, "已处理", COMMUNITY_HANDLER))
                .expectEvents(new CaseReplied(CASE, COMMUNITY, ReplyResult.SOLVED, "已处理", true,
                        COMMUNITY_HANDLER, NOW));
    }

    @Test
    void theDistrictApprovesAndTheReplyReachesTheCitizenAsTheStreets() {
        fixture().given(withTheStreet(streetSigned(), draft()))
                .when(new ApproveReply(CASE, "同意", DISTRICT_HANDLER))
                .expectEvents(new ReplyApproved(CASE, DISTRICT, STREET, "同意", true, DISTRICT_HANDLER, NOW),
                        new CaseReplied(CASE, STREET, ReplyResult.SOLVED, "路灯已修复", true, DISTRICT_HANDLER, NOW));
    }

    @Test
    void theDistrictReturnsTheDraftAndTheStreetRepliesAgain() {
        fixture().given(withTheStreet(streetSigned(), draft()))
                .when(new ReturnReply(CASE, "请补充现场照片", DISTRICT_HANDLER))
                .expectEvents(new ReplyReturned(CASE, DISTRICT, STREET, "请补充现场照片", true, DISTRICT_HANDLER, NOW));
        fixture().given(withTheStreet(streetSigned(), draft(), new ReplyReturned(CASE, DISTRICT, STREET, "请补充",
                        true, DISTRICT_HANDLER, T0)))
                .when(new ReplyToCitizen(CASE, ReplyResult.SOLVED, "已补充", STREET_HANDLER))
                .expectEvents(new ReplySubmittedForReview(CASE, STREET, DISTRICT, ReplyResult.SOLVED, "已补充",
                        true, deadline(DeadlineKind.REVIEW, NOW, REVIEW), STREET_HANDLER, NOW));
    }

    @Test
    void aReviewLateIsRecordedAsLate() {
        Instant late = T0.plus(REVIEW).plusSeconds(1);
        fixtureAt(late).given(withTheStreet(streetSigned(), draft()))
                .when(new ApproveReply(CASE, null, DISTRICT_HANDLER))
                .expectEvents(new ReplyApproved(CASE, DISTRICT, STREET, null, false, DISTRICT_HANDLER, late),
                        new CaseReplied(CASE, STREET, ReplyResult.SOLVED, "路灯已修复", true, DISTRICT_HANDLER, late));
    }

    @Test
    void noSecondReplyWhileADraftAwaitsReview() {
        fixture().given(withTheStreet(streetSigned(), draft()))
                .when(new ReplyToCitizen(CASE, ReplyResult.SOLVED, "再答复", STREET_HANDLER))
                .expectException(Rejected.with(Rejection.REVIEW_PENDING));
    }

    @Test
    void noTakingBackWhileADraftAwaitsReview() {
        fixture().given(withTheStreet(streetSigned(), draft()))
                .when(new TakeBackCase(CASE, "收回", DISTRICT_HANDLER))
                .expectException(Rejected.with(Rejection.REVIEW_PENDING));
    }

    @Test
    void approvingNeedsADraft() {
        fixture().given(withTheStreet(streetSigned()))
                .when(new ApproveReply(CASE, null, DISTRICT_HANDLER))
                .expectException(Rejected.with(Rejection.NO_REVIEW_PENDING));
    }

    @Test
    void theDraftingUnitDoesNotApproveItsOwnReply() {
        fixture().given(withTheStreet(streetSigned(), draft()))
                .when(new ApproveReply(CASE, null, STREET_HANDLER))
                .expectException(Rejected.with(Rejection.NOT_YOUR_CASE));
    }

    @Test
    void aReviewNotDoneInTimeIsTheReviewersMiss() {
        Instant due = T0.plus(REVIEW);
        fixtureAt(due).given(withTheStreet(streetSigned(), draft()))
                .when(new CheckDeadline(CASE, DeadlineKind.REVIEW, due, Actor.SYSTEM))
                .expectEvents(new DeadlineMissed(CASE, DeadlineKind.REVIEW, DISTRICT, due, Actor.SYSTEM, due));
    }

    @Test
    void reopenedAfterAReplyFromBelowTheCaseGoesBackToTheFirstLevel() {
        fixture().given(withTheStreet(streetSigned(), draft(),
                        new ReplyApproved(CASE, DISTRICT, STREET, null, true, DISTRICT_HANDLER, T0),
                        new CaseReplied(CASE, STREET, ReplyResult.SOLVED, "路灯已修复", true, DISTRICT_HANDLER, T0),
                        feedback(io.hotline.kernel.cases.Satisfaction.DISSATISFIED, false)))
                .when(new ReopenCase(CASE, "仍未修复", OPERATOR))
                .expectEvents(new CaseReopened(CASE, DISTRICT, "仍未修复",
                        deadline(DeadlineKind.COMPLETION, NOW, COMPLETION), OPERATOR, NOW));
    }
}
