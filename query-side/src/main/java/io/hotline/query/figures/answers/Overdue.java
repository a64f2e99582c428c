package io.hotline.query.figures.answers;

import io.hotline.query.figures.buckets.Count;
import io.hotline.query.figures.buckets.Tally;


/**
 * Steps that went overdue (超期) in the period: sign-for steps and handling rounds settled late, i.e.
 * declared overdue by the deadline watch or done after their deadline. Derived from the timeliness counts:
 * {@code signFor = signForJudged - signedOnTime}, {@code completion = completionJudged - completedOnTime}.
 */
public record Overdue(long signFor, long completion) {

    static Overdue of(Tally tally) {
        return new Overdue(tally.get(Count.SIGN_FOR_JUDGED) - tally.get(Count.SIGNED_ON_TIME),
                tally.get(Count.COMPLETION_JUDGED) - tally.get(Count.COMPLETED_ON_TIME));
    }
}
