package io.hotline.command.cases;

import io.hotline.command.policy.DeadlinePolicy;
import io.hotline.command.policy.LevelPolicy;
import io.hotline.kernel.access.Action;
import io.hotline.kernel.cases.*;
import io.hotline.kernel.units.UnitKind;
import org.axonframework.commandhandling.CommandHandler;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The lead unit's work on a signed-for case (办理): progress notes (from assisting units too), the one material
 * request (一次性告知), extensions (延期) asked before the deadline and decided by a coordinator, and the reply
 * (答复). An entity of {@link Case}; it reads the case's {@link CaseState} and applies events.
 */
class CaseHandling {

    private final CaseState state;

    CaseHandling(CaseState state) {
        this.state = state;
    }

    @CommandHandler
    CaseAcknowledged handle(RecordProgress command, Clock clock) {
        state.permit(command.actor(), Action.RECORD_PROGRESS);
        state.requireStatus(Rejection.NOT_IN_HANDLING, CaseStatus.IN_HANDLING);
        apply(new ProgressRecorded(state.caseId, command.actor().unitId(), command.note(), command.actor(),
                clock.instant()));
        return state.acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(RequestMaterials command, Clock clock) {
        state.permit(command.actor(), Action.REQUEST_MATERIALS);
        state.requireStatus(Rejection.NOT_IN_HANDLING, CaseStatus.IN_HANDLING);
        if (command.items() == null || command.items().isEmpty()) {
            throw state.violation(Rejection.NOTHING_TO_REQUEST);
        }
        apply(new MaterialsRequested(state.caseId, state.leadUnit, List.copyOf(command.items()), state.materialRequests > 0,
                command.actor(), clock.instant()));
        return state.acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(RequestExtension command, Clock clock) {
        state.permit(command.actor(), Action.REQUEST_EXTENSION);
        state.requireStatus(Rejection.NOT_IN_HANDLING, CaseStatus.IN_HANDLING);
        if (state.pendingExtensionDays != null) {
            throw state.violation(Rejection.EXTENSION_PENDING);
        }
        Instant now = clock.instant();
        if (state.completionDeadline != null && !now.isBefore(state.completionDeadline.due())) {
            throw state.violation(Rejection.EXTENSION_TOO_LATE);
        }
        apply(new ExtensionRequested(state.caseId, state.leadUnit, command.extraWorkingDays(), command.reason(),
                command.actor(), now));
        return state.acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(ApproveExtension command, DeadlinePolicy deadlines, Clock clock) {
        state.permit(command.actor(), Action.DECIDE_EXTENSION);
        state.requireNotEnded();
        if (state.pendingExtensionDays == null) {
            throw state.violation(Rejection.NO_EXTENSION_PENDING);
        }
        apply(new ExtensionApproved(state.caseId, state.pendingExtensionDays,
                deadlines.extend(state.completionDeadline, state.pendingExtensionDays), command.actor(), clock.instant()));
        return state.acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(RejectExtension command, Clock clock) {
        state.permit(command.actor(), Action.DECIDE_EXTENSION);
        state.requireNotEnded();
        if (state.pendingExtensionDays == null) {
            throw state.violation(Rejection.NO_EXTENSION_PENDING);
        }
        apply(new ExtensionRejected(state.caseId, command.reason(), command.actor(), clock.instant()));
        return state.acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(ReplyToCitizen command, LevelPolicy levels, Organisation organisation, Clock clock) {
        state.permit(command.actor(), Action.REPLY);
        state.requireStatus(Rejection.NOT_IN_HANDLING, CaseStatus.IN_HANDLING);
        if (state.draftUnderReview != null) {
            throw state.violation(Rejection.REVIEW_PENDING);
        }
        Instant now = clock.instant();
        boolean onTime = state.completionDeadline == null || !now.isAfter(state.completionDeadline.due());
        UnitKind kind = organisation.kind(state.leadUnit).orElse(null);
        if (state.sendingUnit() != null && levels.reviewBeforeReply(kind)) {
            // 办结审核: the draft goes up to the unit that sent the case down; the citizen hears it once approved
            apply(new ReplySubmittedForReview(state.caseId, state.leadUnit, state.sendingUnit(), command.result(),
                    command.text(), onTime, levels.review(kind, now), command.actor(), now));
            return state.acknowledged();
        }
        apply(new CaseReplied(state.caseId, state.leadUnit, command.result(), command.text(), onTime, command.actor(), now));
        return state.acknowledged();
    }
}
