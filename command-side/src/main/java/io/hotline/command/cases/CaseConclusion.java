package io.hotline.command.cases;

import io.hotline.command.policy.DeadlinePolicy;
import io.hotline.command.policy.EvaluationPolicy;
import io.hotline.command.policy.SatisfactionScale;
import io.hotline.kernel.access.Action;
import io.hotline.kernel.cases.*;
import io.hotline.kernel.common.Actor;
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

    /**
     * One evaluation per reply round, on the scale in use. The citizen ({@link Actor#CITIZEN}: the edge proved the
     * query code or the phone) may evaluate on their own channels only, which is the one thing that actor can do to
     * any case; staff need the permission table's RECORD_FEEDBACK. The citizen's own channels close when the
     * invitation expires ({@link EvaluationPolicy}); an operator's call-back or a visit still records one.
     */
    @CommandHandler
    CaseAcknowledged handle(RecordFeedback command, SatisfactionScale scale, EvaluationPolicy evaluation,
                            Clock clock) {
        if (Actor.CITIZEN.equals(command.actor())) {
            if (command.channel() == null || !command.channel().isCitizensOwn()) {
                throw state.violation(Rejection.CITIZEN_CHANNELS_ONLY);
            }
        } else {
            state.permit(command.actor(), Action.RECORD_FEEDBACK);
        }
        state.requireStatus(Rejection.NOT_REPLIED, CaseStatus.REPLIED, CaseStatus.RESOLVED_AT_INTAKE);
        if (state.feedbackOnLastReply) {
            throw state.violation(Rejection.FEEDBACK_ALREADY_RECORDED);
        }
        Instant now = clock.instant();
        if (command.channel() != null && command.channel().isCitizensOwn()
                && evaluation.expired(state.invitedToEvaluateAt, now)) {
            throw state.violation(Rejection.EVALUATION_EXPIRED);
        }
        if (!scale.offers(command.satisfaction())) {
            throw state.violation(Rejection.LEVEL_NOT_ON_SCALE);
        }
        apply(new FeedbackRecorded(state.caseId, command.channel(), command.satisfaction(),
                scale.countsAsSatisfied(command.satisfaction()), command.solved(), command.comment(),
                command.actor(), now));
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
        // reopened after a reply given below, the case goes back to the unit accountable to the hotline
        apply(new CaseReopened(state.caseId, state.resolvedAtIntake ? null : state.firstLevelUnit(), command.reason(), completion,
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
