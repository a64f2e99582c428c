package io.hotline.command.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a reply's invitation to evaluate (回访评价) stays open to the citizen's own answer, by SMS or on the web
 * ({@code app.policy.evaluation.invitation-valid-for}, seven days by default). Past it, an answer could be about
 * anything that happened since, so only an operator's call-back records one; the figures count the unanswered
 * invitation as unanswered, never as satisfied.
 */
public record EvaluationPolicy(Duration invitationValidFor) {

    public EvaluationPolicy {
        if (invitationValidFor == null || invitationValidFor.isNegative() || invitationValidFor.isZero()) {
            throw new IllegalArgumentException("app.policy.evaluation.invitation-valid-for must be a positive "
                    + "duration, e.g. P7D");
        }
    }

    /** Whether an invitation made at {@code invitedAt} is over at {@code now}. */
    public boolean expired(Instant invitedAt, Instant now) {
        return invitedAt != null && !now.isBefore(invitedAt.plus(invitationValidFor));
    }
}
