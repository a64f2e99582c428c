package io.hotline.command.cases;

import io.hotline.command.policy.SatisfactionScale;
import io.hotline.kernel.cases.*;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import static io.hotline.command.cases.CaseFixtures.*;

/** 件件有回音: reply, call-back, reopen, supervision, close and withdrawal. */
class FeedbackAndClosingTest {

    @Test
    void feedbackIsRecordedWithTheScalesVerdict() {
        fixture().given(inHandlingBy(URBAN)).andGiven(repliedBy(URBAN))
                .when(new RecordFeedback(CASE, FeedbackChannel.PHONE, Satisfaction.BASICALLY_SATISFIED, true, null, OPERATOR))
                .expectEvents(new FeedbackRecorded(CASE, FeedbackChannel.PHONE, Satisfaction.BASICALLY_SATISFIED, true,
                        true, null, OPERATOR, NOW));
    }

    @Test
    void feedbackBeforeAReplyIsRefused() {
        fixture().given(inHandlingBy(URBAN))
                .when(new RecordFeedback(CASE, FeedbackChannel.SMS, Satisfaction.SATISFIED, true, null, OPERATOR))
                .expectException(Rejected.with(Rejection.NOT_REPLIED));
    }

    @Test
    void oneFeedbackPerReply() {
        fixture().given(inHandlingBy(URBAN)).andGiven(repliedBy(URBAN), feedback(Satisfaction.SATISFIED, true))
                .when(new RecordFeedback(CASE, FeedbackChannel.SMS, Satisfaction.SATISFIED, true, null, OPERATOR))
                .expectException(Rejected.with(Rejection.FEEDBACK_ALREADY_RECORDED));
    }

    @Test
    void aLevelOffTheScaleInUseIsRefused() {
        FixtureConfiguration<Case> threeLevels = fixtureWith(NOW, new SatisfactionScale() {
            @Override
            public boolean offers(Satisfaction level) {
                return level == Satisfaction.SATISFIED || level == Satisfaction.BASICALLY_SATISFIED
                        || level == Satisfaction.DISSATISFIED;
            }

            @Override
            public boolean countsAsSatisfied(Satisfaction level) {
                return level == Satisfaction.SATISFIED;
            }
        });
        threeLevels.given(inHandlingBy(URBAN)).andGiven(repliedBy(URBAN))
                .when(new RecordFeedback(CASE, FeedbackChannel.WEB, Satisfaction.VERY_SATISFIED, true, null, OPERATOR))
                .expectException(Rejected.with(Rejection.LEVEL_NOT_ON_SCALE));
    }

    @Test
    void anIntakeAnswerGetsFeedbackToo() {
        fixture().given(registered(), new CaseResolvedAtIntake(CASE, "answer", OPERATOR, T0))
                .when(new RecordFeedback(CASE, FeedbackChannel.SMS, Satisfaction.SATISFIED, true, null, OPERATOR))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void dissatisfiedFeedbackReopensTheCaseWithItsLeadUnit() {
        fixture().given(inHandlingBy(URBAN)).andGiven(repliedBy(URBAN), feedback(Satisfaction.DISSATISFIED, false))
                .when(new ReopenCase(CASE, "问题未解决", OPERATOR))
                .expectEvents(new CaseReopened(CASE, "URBAN-MGMT", "问题未解决",
                        deadline(DeadlineKind.COMPLETION, NOW, COMPLETION), OPERATOR, NOW));
    }

    @Test
    void aSatisfiedCaseCannotBeReopened() {
        fixture().given(inHandlingBy(URBAN)).andGiven(repliedBy(URBAN), feedback(Satisfaction.SATISFIED, true))
                .when(new ReopenCase(CASE, "r", OPERATOR))
                .expectException(Rejected.with(Rejection.REOPEN_NEEDS_DISSATISFACTION));
    }

    @Test
    void reopeningWithoutFeedbackIsRefused() {
        fixture().given(inHandlingBy(URBAN)).andGiven(repliedBy(URBAN))
                .when(new ReopenCase(CASE, "r", OPERATOR))
                .expectException(Rejected.with(Rejection.REOPEN_NEEDS_DISSATISFACTION));
    }

    @Test
    void aClosedCaseCannotBeReopened() {
        fixture().given(inHandlingBy(URBAN)).andGiven(repliedBy(URBAN), feedback(Satisfaction.DISSATISFIED, false),
                        new CaseClosed(CASE, OPERATOR, T0))
                .when(new ReopenCase(CASE, "r", OPERATOR))
                .expectException(Rejected.with(Rejection.CASE_ENDED));
    }

    @Test
    void aReopenedIntakeAnswerGoesBackToBeDispatched() {
        fixture().given(registered(), new CaseResolvedAtIntake(CASE, "answer", OPERATOR, T0),
                        feedback(Satisfaction.DISSATISFIED, false))
                .when(new ReopenCase(CASE, "答复不准确", OPERATOR))
                .expectEvents(new CaseReopened(CASE, null, "答复不准确", null, OPERATOR, NOW))
                .expectState(state -> org.assertj.core.api.Assertions.assertThat(state)
                        .extracting("state.status").isEqualTo(CaseStatus.REGISTERED));
    }

    @Test
    void aRepliedCaseIsClosed() {
        fixture().given(inHandlingBy(URBAN)).andGiven(repliedBy(URBAN), feedback(Satisfaction.SATISFIED, true))
                .when(new CloseCase(CASE, OPERATOR))
                .expectEvents(new CaseClosed(CASE, OPERATOR, NOW));
    }

    @Test
    void aCaseWithoutAReplyCannotBeClosed() {
        fixture().given(inHandlingBy(URBAN))
                .when(new CloseCase(CASE, OPERATOR))
                .expectException(Rejected.with(Rejection.NOT_REPLIED));
    }

    @Test
    void aClosedCaseCannotBeClosedAgain() {
        fixture().given(inHandlingBy(URBAN)).andGiven(repliedBy(URBAN), new CaseClosed(CASE, OPERATOR, T0))
                .when(new CloseCase(CASE, OPERATOR))
                .expectException(Rejected.with(Rejection.CASE_ENDED));
    }

    @Test
    void theCitizenWithdrawsAnOpenCase() {
        fixture().given(inHandlingBy(URBAN))
                .when(new WithdrawCase(CASE, "问题已自行解决", OPERATOR))
                .expectEvents(new CaseWithdrawn(CASE, "问题已自行解决", OPERATOR, NOW));
    }

    @Test
    void aRepliedCaseCannotBeWithdrawn() {
        fixture().given(inHandlingBy(URBAN)).andGiven(repliedBy(URBAN))
                .when(new WithdrawCase(CASE, "r", OPERATOR))
                .expectException(Rejected.with(Rejection.NOT_OPEN));
    }

    @Test
    void nothingHappensToAWithdrawnCase() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT"), new CaseWithdrawn(CASE, "r", OPERATOR, T0))
                .when(new SignForCase(CASE, URBAN))
                .expectException(Rejected.with(Rejection.CASE_ENDED));
    }

    @Test
    void aSupervisorPutsAnOpenCaseUnderSupervision() {
        fixture().given(inHandlingBy(URBAN))
                .when(new SuperviseCase(CASE, "挂牌督办", SUPERVISOR))
                .expectEvents(new SupervisionStarted(CASE, "挂牌督办", SUPERVISOR, NOW));
    }

    @Test
    void supervisionIsStartedOnce() {
        fixture().given(inHandlingBy(URBAN)).andGiven(new SupervisionStarted(CASE, "n", SUPERVISOR, T0))
                .when(new SuperviseCase(CASE, "again", SUPERVISOR))
                .expectException(Rejected.with(Rejection.ALREADY_SUPERVISED));
    }

    @Test
    void onlySupervisorsSupervise() {
        fixture().given(inHandlingBy(URBAN))
                .when(new SuperviseCase(CASE, "n", OPERATOR))
                .expectException(Rejected.with(Rejection.ROLE_REQUIRED));
    }

    @Test
    void aSupervisorUrgesTheLeadUnit() {
        fixture().given(inHandlingBy(URBAN))
                .when(new UrgeCase(CASE, "请尽快办理", SUPERVISOR))
                .expectEvents(new CaseUrged(CASE, "URBAN-MGMT", "请尽快办理", SUPERVISOR, NOW));
    }

    @Test
    void anUndispatchedCaseHasNoUnitToUrge() {
        fixture().given(registered())
                .when(new UrgeCase(CASE, "n", SUPERVISOR))
                .expectException(Rejected.with(Rejection.NOT_DISPATCHED_YET));
    }

    @Test
    void aClosedCaseIsNotSupervised() {
        fixture().given(inHandlingBy(URBAN)).andGiven(repliedBy(URBAN), new CaseClosed(CASE, OPERATOR, T0))
                .when(new SuperviseCase(CASE, "n", SUPERVISOR))
                .expectException(Rejected.with(Rejection.CASE_ENDED));
    }
}
