package io.hotline.query.figures.answers;

import io.hotline.query.figures.buckets.Count;
import io.hotline.query.figures.buckets.Tally;


/**
 * The figures units are judged by, for one set of cases and one period, each with its arithmetic. Which day
 * and unit each count belongs to is set out in {@link io.hotline.query.figures.facts.Contribution}.
 *
 * @param acceptance               处置率 (the disposition rate; the key keeps its first name) = requests given an
 *                                 intake disposition (dispatched, answered at intake, redirected 告知, merged 并单,
 *                                 withdrawn) / requests registered, by registration day. Not the brief's 受理率,
 *                                 which is 100% by construction (intake never refuses); anything below 1 here
 *                                 means requests still waiting for a disposition.
 * @param response                 响应率 (按时签收率) = sign-for steps signed for on time / sign-for steps settled
 *                                 (signed for, or declared overdue before signing), by the day settled.
 * @param onTimeCompletion         按时办结率 = handling rounds replied to on time / handling rounds settled
 *                                 (replied to, or declared overdue before the reply), by the day settled.
 *                                 A reopened case starts a new round, judged on its own.
 * @param overdue                  超期: sign-for steps and handling rounds settled late.
 * @param handlingTime             average and p90 handling time in working time (see {@link HandlingTime}).
 * @param solved                   解决率 = evaluations saying solved / evaluations, of the answers of the period.
 * @param satisfaction             满意率 = evaluations the satisfaction scale counted as satisfied / evaluations,
 *                                 of the answers of the period.
 * @param feedbackCoverage         回访率 = answers evaluated / answers (unit replies, answers and
 *                                 redirections at intake) of the period.
 * @param reopen                   重办率 = answers reopened / answers of the period.
 * @param repeatedMaterialRequests 一次性告知 violations = repeated material requests / material requests.
 * @param transfersPerCase         transfers (转办) / cases dispatched, by the first dispatch's day and unit.
 * @param objectionsPerCase        jurisdiction objections (异议) / cases dispatched, likewise.
 * @param onTimeReview             按时审核率 (办结审核) = reviews of drafts from below done within the reviewer's limit
 *                                 / reviews settled, by the day settled, against the reviewing unit.
 * @param draftsReturned           退回率 = drafted replies returned / drafted replies reviewed, by the day drafted,
 *                                 against the drafting unit.
 */
public record FigureSet(
        Fraction acceptance,
        Fraction response,
        Fraction onTimeCompletion,
        Overdue overdue,
        HandlingTime handlingTime,
        Fraction solved,
        Fraction satisfaction,
        Fraction feedbackCoverage,
        Fraction reopen,
        Fraction repeatedMaterialRequests,
        Fraction transfersPerCase,
        Fraction objectionsPerCase,
        Fraction onTimeReview,
        Fraction draftsReturned) {

    public static FigureSet of(Tally tally) {
        return new FigureSet(
                Fraction.of(tally, Count.ACCEPTED, Count.RECEIVED),
                Fraction.of(tally, Count.SIGNED_ON_TIME, Count.SIGN_FOR_JUDGED),
                Fraction.of(tally, Count.COMPLETED_ON_TIME, Count.COMPLETION_JUDGED),
                Overdue.of(tally),
                HandlingTime.of(tally),
                Fraction.of(tally, Count.SOLVED, Count.FEEDBACKS),
                Fraction.of(tally, Count.SATISFIED, Count.FEEDBACKS),
                Fraction.of(tally, Count.FEEDBACKS, Count.REPLIES),
                Fraction.of(tally, Count.REOPENED, Count.REPLIES),
                Fraction.of(tally, Count.REPEATED_MATERIAL_REQUESTS, Count.MATERIAL_REQUESTS),
                Fraction.of(tally, Count.TRANSFERS, Count.DISPATCHED),
                Fraction.of(tally, Count.OBJECTIONS, Count.DISPATCHED),
                Fraction.of(tally, Count.REVIEWED_ON_TIME, Count.REVIEWS_JUDGED),
                Fraction.of(tally, Count.DRAFTS_RETURNED, Count.DRAFTS_REVIEWED));
    }
}
