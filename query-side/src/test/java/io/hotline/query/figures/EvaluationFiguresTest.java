package io.hotline.query.figures;

import io.hotline.kernel.cases.FeedbackChannel;
import io.hotline.kernel.cases.Satisfaction;
import io.hotline.kernel.common.Category;
import io.hotline.query.figures.answers.Evaluations;
import io.hotline.query.figures.buckets.FigureFilter;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * 回访评价 figures: participation and satisfaction by channel, the time from the answer to its evaluation, and the
 * invitations that expired unanswered, which count as unanswered and never as satisfied.
 */
class EvaluationFiguresTest {

    private static final String UNIT = "CGJ";

    private static CaseScript repliedCase(String id, String repliedAt) {
        return CaseScript.registered(id, Category.COMPLAINT, "370602", "2024-11-01T09:00")
                .dispatched(UNIT, "2024-11-01T09:10", "2024-11-01T17:00")
                .signedFor(UNIT, "2024-11-01T10:00", true, "2024-11-15T17:00")
                .replied(UNIT, repliedAt, true);
    }

    private static final List<CaseScript> NOVEMBER = List.of(
            repliedCase("web", "2024-11-04T10:00")
                    .evaluated(FeedbackChannel.WEB, "2024-11-04T12:00", Satisfaction.SATISFIED, true),
            repliedCase("sms", "2024-11-04T11:00")
                    .evaluated(FeedbackChannel.SMS, "2024-11-05T11:00", Satisfaction.DISSATISFIED, false),
            repliedCase("silent", "2024-11-04T14:00"),
            CaseScript.registered("intake", Category.CONSULTATION, "370602", "2024-11-05T09:00")
                    .resolvedAtIntake("2024-11-05T09:00")
                    // after the citizen's own channels closed: only a call-back records it
                    .evaluated(FeedbackChannel.PHONE, "2024-11-20T09:00", Satisfaction.VERY_SATISFIED, true),
            CaseScript.registered("redirected", Category.CONSULTATION, "370602", "2024-11-05T10:00")
                    .redirected("2024-11-05T10:00"),
            repliedCase("recent", "2024-11-25T10:00"));

    private Evaluations november() {
        FiguresHarness figures = new FiguresHarness().feed(FiguresHarness.inOrder(NOVEMBER));
        return figures.queriesAt(CaseScript.at("2024-11-28T12:00"))
                .summary(FiguresHarness.range("2024-11-01", "2024-11-30"), FigureFilter.ALL).block().evaluations();
    }

    @Test
    void participationCountsEveryAnswerThatInvitedAnEvaluationButNotARedirection() {
        Evaluations evaluations = november();
        assertThat(evaluations.invitations()).isEqualTo(5);
        assertThat(evaluations.participation().numerator()).isEqualTo(3);
        assertThat(evaluations.participation().denominator()).isEqualTo(5);
    }

    @Test
    void participationAndSatisfactionAreSplitByChannel() {
        Map<FeedbackChannel, Evaluations.ByChannel> byChannel = november().byChannel().stream()
                .collect(Collectors.toMap(Evaluations.ByChannel::channel, line -> line));
        assertThat(byChannel.get(FeedbackChannel.WEB).participation().numerator()).isEqualTo(1);
        assertThat(byChannel.get(FeedbackChannel.WEB).satisfaction().rate()).isEqualTo(1.0);
        assertThat(byChannel.get(FeedbackChannel.SMS).participation().numerator()).isEqualTo(1);
        assertThat(byChannel.get(FeedbackChannel.SMS).satisfaction().rate()).isEqualTo(0.0);
        assertThat(byChannel.get(FeedbackChannel.PHONE).satisfaction().numerator()).isEqualTo(1);
        assertThat(byChannel.get(FeedbackChannel.ON_SITE).participation().numerator()).isZero();
        assertThat(byChannel.get(FeedbackChannel.ON_SITE).satisfaction().rate()).isNull();
    }

    @Test
    void anExpiredUnansweredInvitationIsUnansweredNotSatisfiedAndARecentOneIsNotYet() {
        Evaluations evaluations = november();
        // "silent" expired unanswered; "recent" (25 Nov) may still be answered, so it is not counted yet
        assertThat(evaluations.unanswered()).isEqualTo(1);
        assertThat(evaluations.expiredUpTo()).isEqualTo(LocalDate.parse("2024-11-20"));
        FiguresHarness figures = new FiguresHarness().feed(FiguresHarness.inOrder(NOVEMBER));
        assertThat(figures.summary("2024-11-01", "2024-11-30").figures().satisfaction().numerator()).isEqualTo(2);
        assertThat(figures.summary("2024-11-01", "2024-11-30").figures().satisfaction().denominator()).isEqualTo(3);
    }

    @Test
    void theTimeFromAnswerToEvaluationIsAveragedOverTheEvaluations() {
        // 2 h (web), 24 h (SMS), 15 days (the late call-back)
        assertThat(november().averageHoursToEvaluate()).isCloseTo((2 + 24 + 360) / 3.0, within(0.001));
    }

    @Test
    void nothingIsUnansweredWhileEveryInvitationOfThePeriodIsStillOpen() {
        FiguresHarness figures = new FiguresHarness().feed(FiguresHarness.inOrder(NOVEMBER));
        Evaluations early = figures.queriesAt(CaseScript.at("2024-11-10T12:00"))
                .summary(FiguresHarness.range("2024-11-04", "2024-11-05"), FigureFilter.ALL).block().evaluations();
        assertThat(early.unanswered()).isZero();
        assertThat(early.expiredUpTo()).isNull();
    }
}
