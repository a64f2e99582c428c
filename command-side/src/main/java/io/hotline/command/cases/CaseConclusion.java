package io.hotline.command.cases;

import io.hotline.command.policy.DeadlinePolicy;
import io.hotline.command.policy.SatisfactionScale;
import io.hotline.kernel.access.Action;
import io.hotline.kernel.cases.*;
import org.axonframework.commandhandling.CommandHandler;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * How a case ends: the citizen's feedback (回访) on a reply or an answer given at intake, a reopening (重办) after
 * dissatisfaction, closing (归档) and withdrawal (撤回). An entity of {@link Case}.
 */
class CaseConclusion {

    private final CaseState state;

    CaseConclusion(CaseState state) {
        this.state = state;
    }

    @CommandHandler
    CaseAcknowledged handle(RecordFeedback command, SatisfactionScale scale, Clock clock) {
        state.permit(command.actor(), Action.RECORD_FEEDBACK);
        state.requireStatus(Rejection.NOT_REPLIED, CaseStatus.REPLIED, CaseStatus.RESOLVED_AT_INTAKE);
        if (state.feedbackOnLastReply) {
            throw state.violation(Rejection.FEEDBACK_ALREADY_RECORDED);
        }
        if (!scale.offers(command.satisfaction())) {
            throw state.violation(Rejection.LEVEL_NOT_ON_SCALE);
        }
        apply(new FeedbackRecorded(state.caseId, command.channel(), command.satisfaction(),
                scale.countsAsSatisfied(command.satisfaction()), command.solved(), command.comment(),
                command.actor(), clock.instant()));
        return state.acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(ReopenCase command, DeadlinePolicy deadlines, Clock clock) {
        state.permit(command.actor(), Action.REOPEN);
        state.requireStatus(Rejection.NOT_REPLIED, CaseStatus.REPLIED, CaseStatus.RESOLVED_AT_INTAKE);
        if (!state.feedbackOnLastReply || state.lastFeedbackSatisfied) {
            throw state.violation(Rejection.REOPEN_NEEDS_DISSATISFACTION);
        }
        Instant now = clock.instant();
        // An answer given at intake has no unit behind it: reopened, the case goes back to be dispatched.
        Deadline completion = state.resolvedAtIntake ? null : deadlines.completion(state.category, state.urgency, now);
        apply(new CaseReopened(state.caseId, state.resolvedAtIntake ? null : state.leadUnit, command.reason(), completion,
                command.actor(), now));
        return state.acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(CloseCase command, Clock clock) {
        state.permit(command.actor(), Action.CLOSE);
        state.requireStatus(Rejection.NOT_REPLIED, CaseStatus.REPLIED, CaseStatus.RESOLVED_AT_INTAKE);
        apply(new CaseClosed(state.caseId, command.actor(), clock.instant()));
        return state.acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(WithdrawCase command, Clock clock) {
        state.permit(command.actor(), Action.WITHDRAW);
        state.requireNotEnded();
        state.requireOpen();
        apply(new CaseWithdrawn(state.caseId, command.reason(), command.actor(), clock.instant()));
        return state.acknowledged();
    }
}
