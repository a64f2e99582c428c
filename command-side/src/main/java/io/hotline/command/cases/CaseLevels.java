package io.hotline.command.cases;

import io.hotline.command.policy.LevelPolicy;
import io.hotline.kernel.access.Action;
import io.hotline.kernel.cases.*;
import org.axonframework.commandhandling.CommandHandler;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Dispatch by level (分级派单): the unit handling a case sends it down its own subtree (下派: a district to a street,
 * a street to a community), and the level above directs what comes back up: it decides an objection from below
 * (not the hotline's coordinator), takes the case back (收回), and reviews the reply drafted below before it reaches
 * the citizen (办结审核) where the level's policy asks for it. The sender stays accountable to the level above it
 * until the lower unit signs (首问负责 across levels), and its own completion clock runs on meanwhile. An entity of
 * {@link Case}.
 */
class CaseLevels {

    private final CaseState state;

    CaseLevels(CaseState state) {
        this.state = state;
    }

    @CommandHandler
    CaseAcknowledged handle(DispatchDown command, Organisation organisation, LevelPolicy levels, Clock clock) {
        state.permit(command.actor(), Action.DISPATCH_DOWN);
        state.requireStatus(Rejection.NOT_IN_HANDLING, CaseStatus.IN_HANDLING);
        if (state.objectionPending) {
            throw state.violation(Rejection.OBJECTION_PENDING);
        }
        if (state.draftUnderReview != null) {
            throw state.violation(Rejection.REVIEW_PENDING);
        }
        if (command.toUnit() == null || command.toUnit().equals(state.leadUnit)) {
            throw state.violation(Rejection.SAME_UNIT);
        }
        Instant now = clock.instant();
        List<String> assisting = state.assisting(command.toUnit(), command.assistingUnits());
        for (String unit : concat(command.toUnit(), assisting)) {
            if (!organisation.isWithin(state.leadUnit, unit)) {
                throw state.violation(Rejection.OUTSIDE_SUBTREE);
            }
            if (!organisation.inService(unit, now)) {
                throw state.violation(Rejection.UNIT_NOT_IN_SERVICE);
            }
        }
        apply(new CaseDispatchedDown(state.caseId, state.leadUnit, command.toUnit(), assisting,
                command.instructions(), state.above.size() + 2,
                levels.signFor(organisation.kind(command.toUnit()).orElse(null), state.category, state.urgency, now),
                command.actor(), now));
        return state.acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(TakeBackCase command, Clock clock) {
        state.permit(command.actor(), Action.DIRECT_LOWER_LEVEL);
        state.requireStatus(Rejection.NOT_OPEN, CaseStatus.DISPATCHED, CaseStatus.IN_HANDLING);
        if (state.draftUnderReview != null) {
            throw state.violation(Rejection.REVIEW_PENDING);
        }
        apply(new CaseTakenBack(state.caseId, state.leadUnit, state.sendingUnit(), command.reason(),
                state.above.peek().completionDeadline(), command.actor(), clock.instant()));
        return state.acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(OverruleObjection command, Organisation organisation, LevelPolicy levels, Clock clock) {
        state.permit(command.actor(), Action.DIRECT_LOWER_LEVEL);
        state.requireNotEnded();
        if (!state.objectionPending) {
            throw state.violation(Rejection.NO_OBJECTION_PENDING);
        }
        Instant now = clock.instant();
        // not yet signed: the lower unit gets a fresh sign-for clock, the time spent on the objection is not its own
        Deadline signFor = state.status == CaseStatus.DISPATCHED
                ? levels.signFor(organisation.kind(state.leadUnit).orElse(null), state.category, state.urgency, now)
                : null;
        apply(new ObjectionOverruled(state.caseId, state.leadUnit, state.sendingUnit(), command.reason(), signFor,
                command.actor(), now));
        return state.acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(ApproveReply command, Clock clock) {
        ReplySubmittedForReview draft = draftToReview(command.actor());
        Instant now = clock.instant();
        apply(new ReplyApproved(state.caseId, draft.reviewer(), draft.unit(), command.comment(),
                !now.isAfter(draft.reviewDeadline().due()), command.actor(), now));
        // the approval is what releases the reply: the citizen hears it now, as the drafting unit's reply
        apply(new CaseReplied(state.caseId, draft.unit(), draft.result(), draft.text(), draft.onTime(),
                command.actor(), now));
        return state.acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(ReturnReply command, Clock clock) {
        ReplySubmittedForReview draft = draftToReview(command.actor());
        Instant now = clock.instant();
        apply(new ReplyReturned(state.caseId, draft.reviewer(), draft.unit(), command.reason(),
                !now.isAfter(draft.reviewDeadline().due()), command.actor(), now));
        return state.acknowledged();
    }

    private ReplySubmittedForReview draftToReview(io.hotline.kernel.common.Actor actor) {
        state.permit(actor, Action.DIRECT_LOWER_LEVEL);
        state.requireStatus(Rejection.NOT_IN_HANDLING, CaseStatus.IN_HANDLING);
        if (state.draftUnderReview == null) {
            throw state.violation(Rejection.NO_REVIEW_PENDING);
        }
        return state.draftUnderReview;
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
