package io.hotline.query.figures.answers;

import io.hotline.kernel.cases.FeedbackChannel;
import io.hotline.query.figures.buckets.Count;
import io.hotline.query.figures.buckets.Tally;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How the citizens' evaluations (回访评价) of the answers of a period came in, counted on the answer's day like
 * every figure built on replies.
 *
 * @param invitations             answers that invited an evaluation (replies and answers at intake)
 * @param participation           answers evaluated by any channel / invitations
 * @param byChannel               per channel (电话回访, 短信, 网上, 现场): its share of the invitations and its 满意率
 * @param unanswered              invitations that expired unevaluated: counted only over the days whose invitations
 *                                have all expired ({@code expiredUpTo}), and never as satisfied. An operator's
 *                                later call-back still turns one into an evaluated answer
 * @param expiredUpTo             the last day of the period whose invitations have all expired; null if none has
 * @param averageHoursToEvaluate  mean wall-clock hours from the answer to its evaluation; null without evaluations
 */
public record Evaluations(long invitations, Fraction participation, List<ByChannel> byChannel, long unanswered,
                          LocalDate expiredUpTo, Double averageHoursToEvaluate) {

    /** One channel: how many evaluations, their share of the invitations, and how many counted satisfied. */
    public record ByChannel(FeedbackChannel channel, Fraction participation, Fraction satisfaction) {
    }

    /**
     * @param period  the whole period's buckets
     * @param expired the buckets of the period's days up to {@code expiredUpTo} (empty when there are none)
     */
    public static Evaluations of(Tally period, Tally expired, LocalDate expiredUpTo) {
        long feedbacks = period.get(Count.FEEDBACKS);
        List<ByChannel> channels = Arrays.stream(FeedbackChannel.values())
                .map(channel -> new ByChannel(channel,
                        Fraction.of(period.get(Count.feedbacksBy(channel)), period.get(Count.INVITATIONS)),
                        Fraction.of(period.get(Count.satisfiedBy(channel)), period.get(Count.feedbacksBy(channel)))))
                .toList();
        long unanswered = Math.max(0, expired.get(Count.INVITATIONS) - expired.get(Count.FEEDBACKS));
        Double hours = feedbacks == 0 ? null
                : period.get(Count.EVALUATION_DELAY_SECONDS) / (double) feedbacks / 3600.0;
        return new Evaluations(period.get(Count.INVITATIONS), Fraction.of(feedbacks, period.get(Count.INVITATIONS)),
                channels, unanswered, expiredUpTo, hours);
    }

    /**
     * The part of {@code range} whose invitations have all expired by {@code today}: an answer given on day d is
     * open until d + validity at the latest, so the days up to {@code today - validity - 1} are settled.
     */
    public static Optional<DateRange> expiredPart(DateRange range, LocalDate today, Duration validity) {
        long days = Math.max(1, (validity.toHours() + 23) / 24);
        LocalDate lastSettled = today.minusDays(days + 1);
        if (lastSettled.isBefore(range.from())) {
            return Optional.empty();
        }
        return Optional.of(new DateRange(range.from(), lastSettled.isBefore(range.to()) ? lastSettled : range.to()));
    }
}
