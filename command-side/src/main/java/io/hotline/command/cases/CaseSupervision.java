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
        Watched watched = watched(command);
        if (watched == null) {
            return state.acknowledged();
        }
        Deadline deadline = watched.deadline();
        String unit = watched.unit();
        Instant now = clock.instant();
        if (!now.isBefore(deadline.due()) && !state.markRaised("missed", deadline, unit)) {
            apply(new DeadlineMissed(state.caseId, deadline.kind(), unit, deadline.due(), command.actor(), now));
        } else if (!now.isBefore(deadline.warnAt()) && !state.markRaised("warned", deadline, unit)
                && !state.markRaised("missed", deadline, unit)) {
            apply(new DeadlineWarningRaised(state.caseId, deadline.kind(), unit, deadline.due(), command.actor(), now));
        }
        return state.acknowledged();
    }

    private record Watched(Deadline deadline, String unit) {
    }

    /**
     * The deadline the check is about, if it still applies, and the unit it binds: the lead unit's sign-for clock
     * while it waits to sign, the accountable unit's completion clock while it handles, the completion clock of
     * each level above that sent the case down (it runs on until the reply), the sender's review clock while a draft
     * waits. Null when the step is done or the deadline was replaced.
     */
    private Watched watched(CheckDeadline command) {
        boolean open = state.status == CaseStatus.DISPATCHED || state.status == CaseStatus.IN_HANDLING;
        return switch (command.kind()) {
            case SIGN_FOR -> state.status == CaseStatus.DISPATCHED && matches(state.signForDeadline, command)
                    ? new Watched(state.signForDeadline, state.leadUnit) : null;
            case COMPLETION -> {
                if (state.status == CaseStatus.IN_HANDLING && matches(state.completionDeadline, command)) {
                    yield new Watched(state.completionDeadline, state.accountableUnit);
                }
                yield open ? state.above.stream().filter(level -> matches(level.completionDeadline(), command))
                        .findFirst().map(level -> new Watched(level.completionDeadline(), level.unit()))
                        .orElse(null) : null;
            }
            case REVIEW -> state.status == CaseStatus.IN_HANDLING && state.draftUnderReview != null
                    && matches(state.draftUnderReview.reviewDeadline(), command)
                    ? new Watched(state.draftUnderReview.reviewDeadline(), state.sendingUnit()) : null;
        };
    }

    private static boolean matches(Deadline deadline, CheckDeadline command) {
        return deadline != null && deadline.due().equals(command.due());
    }
}
