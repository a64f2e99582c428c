package io.hotline.command.cases;

import io.hotline.kernel.cases.*;
import io.hotline.kernel.common.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static io.hotline.command.cases.CaseFixtures.*;

/**
 * 短信/网上评价: the citizen's own evaluation of a reply, its invitation that expires, and the citizen's actor, which
 * may evaluate and do nothing else.
 */
class CitizenEvaluationTest {

    private static final Actor CITIZEN_ACTOR = Actor.CITIZEN;
    /** The reply invites at T0; the invitation is open a week ({@link CaseFixtures#EVALUATION}). */
    private static final Instant EXPIRY = T0.plus(Duration.ofDays(7));

    private static RecordFeedback byCitizen(FeedbackChannel channel) {
        return new RecordFeedback(CASE, channel, Satisfaction.SATISFIED, true, "修好了", CITIZEN_ACTOR);
    }

    @Test
    void theCitizenEvaluatesOnTheWeb() {
        fixture().given(inHandlingBy(URBAN)).andGiven(repliedBy(URBAN))
                .when(byCitizen(FeedbackChannel.WEB))
                .expectEvents(new FeedbackRecorded(CASE, FeedbackChannel.WEB, Satisfaction.SATISFIED, true, true,
                        "修好了", CITIZEN_ACTOR, NOW));
    }

    @Test
    void theCitizenEvaluatesUpToTheLastMomentOfTheInvitation() {
        fixtureAt(EXPIRY.minusSeconds(1)).given(inHandlingBy(URBAN)).andGiven(repliedBy(URBAN))
                .when(byCitizen(FeedbackChannel.SMS))
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest
    @EnumSource(value = FeedbackChannel.class, names = {"SMS", "WEB"})
    void theCitizensOwnEvaluationAfterTheInvitationExpiredIsRefused(FeedbackChannel channel) {
        fixtureAt(EXPIRY).given(inHandlingBy(URBAN)).andGiven(repliedBy(URBAN))
                .when(byCitizen(channel))
                .expectException(Rejected.with(Rejection.EVALUATION_EXPIRED))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = FeedbackChannel.class, names = {"PHONE", "ON_SITE"})
    void anOperatorStillRecordsACallBackOrAVisitAfterExpiry(FeedbackChannel channel) {
        fixtureAt(EXPIRY.plus(Duration.ofDays(30))).given(inHandlingBy(URBAN)).andGiven(repliedBy(URBAN))
                .when(new RecordFeedback(CASE, channel, Satisfaction.DISSATISFIED, false, null, OPERATOR))
                .expectEvents(new FeedbackRecorded(CASE, channel, Satisfaction.DISSATISFIED, false, false, null,
                        OPERATOR, EXPIRY.plus(Duration.ofDays(30))));
    }

    @Test
    void anAnswerAtIntakeInvitesForAWeekToo() {
        fixtureAt(EXPIRY.plusSeconds(1)).given(registered(), new CaseResolvedAtIntake(CASE, "answer", OPERATOR, T0))
                .when(byCitizen(FeedbackChannel.WEB))
                .expectException(Rejected.with(Rejection.EVALUATION_EXPIRED));
    }

    @Test
    void aNewReplyAfterReopeningInvitesAgain() {
        Instant secondReply = EXPIRY.plus(Duration.ofDays(3));
        fixtureAt(secondReply.plus(Duration.ofDays(1))).given(inHandlingBy(URBAN))
                .andGiven(repliedBy(URBAN), feedback(Satisfaction.DISSATISFIED, false),
                        new CaseReopened(CASE, "URBAN-MGMT", "未解决", null, OPERATOR, T0.plus(Duration.ofDays(1))),
                        new CaseReplied(CASE, "URBAN-MGMT", ReplyResult.SOLVED, "已再次处理", true, URBAN, secondReply))
                .when(byCitizen(FeedbackChannel.WEB))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theCitizenEvaluatesOncePerReply() {
        fixture().given(inHandlingBy(URBAN)).andGiven(repliedBy(URBAN), feedback(Satisfaction.SATISFIED, true))
                .when(byCitizen(FeedbackChannel.WEB))
                .expectException(Rejected.with(Rejection.FEEDBACK_ALREADY_RECORDED));
    }

    @Test
    void theCitizenCannotEvaluateBeforeTheReply() {
        fixture().given(inHandlingBy(URBAN))
                .when(byCitizen(FeedbackChannel.WEB))
                .expectException(Rejected.with(Rejection.NOT_REPLIED));
    }

    @Test
    void theCitizenCannotEvaluateAClosedCase() {
        fixture().given(inHandlingBy(URBAN)).andGiven(repliedBy(URBAN), new CaseClosed(CASE, OPERATOR, T0))
                .when(byCitizen(FeedbackChannel.WEB))
                .expectException(Rejected.with(Rejection.CASE_ENDED));
    }

    @ParameterizedTest
    @EnumSource(value = FeedbackChannel.class, names = {"PHONE", "ON_SITE"})
    void theCitizenCannotClaimAStaffChannel(FeedbackChannel channel) {
        fixture().given(inHandlingBy(URBAN)).andGiven(repliedBy(URBAN))
                .when(byCitizen(channel))
                .expectException(Rejected.with(Rejection.CITIZEN_CHANNELS_ONLY));
    }

    static Stream<Object> everythingElse() {
        return Stream.of(
                new ReopenCase(CASE, "r", CITIZEN_ACTOR),
                new CloseCase(CASE, CITIZEN_ACTOR),
                new WithdrawCase(CASE, "r", CITIZEN_ACTOR),
                new RevealPersonalData(CASE, "r", CITIZEN_ACTOR),
                new SuperviseCase(CASE, "r", CITIZEN_ACTOR),
                new UrgeCase(CASE, "r", CITIZEN_ACTOR));
    }

    @ParameterizedTest
    @MethodSource("everythingElse")
    void theCitizensActorMayDoNothingElse(Object command) {
        fixture().given(inHandlingBy(URBAN)).andGiven(repliedBy(URBAN), feedback(Satisfaction.DISSATISFIED, false))
                .when(command)
                .expectException(Rejected.with(Rejection.ROLE_REQUIRED))
                .expectNoEvents();
    }
}
