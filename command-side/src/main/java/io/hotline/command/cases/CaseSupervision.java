package io.hotline.command.cases;

import io.hotline.kernel.access.Action;
import io.hotline.kernel.cases.*;
import org.axonframework.commandhandling.CommandHandler;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Electronic supervision (电子监察): a supervisor's supervision and urging (督办/催办) of an open case, and the
 * deadline watch's warnings (预警) and overdue marks (超期). An entity of {@link Case}.
 */
class CaseSupervision {

    private final CaseState state;

    CaseSupervision(CaseState state) {
        this.state = state;
    }

    @CommandHandler
    CaseAcknowledged handle(SuperviseCase command, Clock clock) {
        state.permit(command.actor(), Action.SUPERVISE);
        state.requireNotEnded();
        state.requireOpen();
        if (state.supervised) {
            throw state.violation(Rejection.ALREADY_SUPERVISED);
        }
        apply(new SupervisionStarted(state.caseId, command.note(), command.actor(), clock.instant()));
        return state.acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(UrgeCase command, Clock clock) {
        state.permit(command.actor(), Action.URGE);
        state.requireNotEnded();
        state.requireOpen();
        if (state.leadUnit == null) {
            throw state.violation(Rejection.NOT_DISPATCHED_YET);
        }
        apply(new CaseUrged(state.caseId, state.leadUnit, command.note(), command.actor(), clock.instant()));
        return state.acknowledged();
    }

    // ------------------------------------------------------------------ electronic supervision and privacy

    /**
     * The deadline watch's question: has a warning or an expiry come for this deadline? Answered by raising
     * each mark once: a repeated or late check, or one about a deadline that no longer applies, changes nothing.
     */
    @CommandHandler
    CaseAcknowledged handle(CheckDeadline command, Clock clock) {
        Deadline deadline = command.kind() == DeadlineKind.SIGN_FOR ? state.signForDeadline : state.completionDeadline;
        CaseStatus waitingIn = command.kind() == DeadlineKind.SIGN_FOR ? CaseStatus.DISPATCHED : CaseStatus.IN_HANDLING;
        if (state.status != waitingIn || deadline == null || !deadline.due().equals(command.due())) {
            return state.acknowledged();
        }
        Instant now = clock.instant();
        String unit = command.kind() == DeadlineKind.SIGN_FOR ? state.leadUnit : state.accountableUnit;
        if (!now.isBefore(deadline.due()) && !state.markRaised("missed", deadline)) {
            apply(new DeadlineMissed(state.caseId, deadline.kind(), unit, deadline.due(), command.actor(), now));
        } else if (!now.isBefore(deadline.warnAt()) && !state.markRaised("warned", deadline)
                && !state.markRaised("missed", deadline)) {
            apply(new DeadlineWarningRaised(state.caseId, deadline.kind(), unit, deadline.due(), command.actor(), now));
        }
        return state.acknowledged();
    }
}
