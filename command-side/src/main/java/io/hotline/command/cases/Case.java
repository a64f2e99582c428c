package io.hotline.command.cases;

import io.hotline.command.policy.DeadlinePolicy;
import io.hotline.command.policy.DispatchCatalogue;
import io.hotline.command.policy.LevelPolicy;
import io.hotline.kernel.access.Action;
import io.hotline.kernel.cases.*;
import io.hotline.kernel.common.Jurisdiction;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A citizen's request (诉求), from the moment an operator logs it (受理) to its archiving (归档).
 * <p>
 * Every request is accepted: registration never refuses, a repeated one is merged into its original (并单) and
 * another body's matter is answered with where to take it (告知). The hotline dispatches (派单) the rest to a
 * lead unit (主办) with optional assisting units (协办); from then on exactly one unit is accountable for the
 * case (首问负责): the lead it was dispatched to. An objection (异议) does not release that unit; only a
 * coordinator's designation (协调), the hotline's re-dispatch after reviewing the objection (改派), or a
 * transfer (转办) that the receiving unit accepts by signing for it moves accountability. The lead unit signs
 * for the case (签收), which starts its completion clock (限时办结), handles it, asks the citizen for material
 * once (一次性告知: a second request is accepted but recorded as a violation), may ask for an extension
 * (延期) before the deadline, and replies (答复). The citizen is called back (回访); dissatisfaction may reopen
 * the case (重办). A supervisor may supervise and urge (督办/催办) any open case; the citizen may withdraw
 * (撤回). The deadline watch asks the case to raise its warnings (预警) and overdue marks (超期), each once.
 * <p>
 * This class holds intake and responsibility (dispatch, sign-for, objection, designation, transfer); the later
 * stages are its entities, one per stage: {@link CaseHandling}, {@link CaseConclusion}, {@link CaseSupervision}
 * and {@link CasePersonalData}. All of them read one {@link CaseState}, whose event-sourcing handlers are the
 * only code that changes it. Command handlers decide and apply events. Who may act comes from the permission
 * table ({@code io.hotline.kernel.access.Permissions}). Every refusal is a {@link CaseRuleViolation} naming the
 * {@link Rejection}. Each accepted command answers the case's new version, so a reader can wait for its own
 * write.
 */
@Aggregate(cache = "caseCache")
class Case {

    @AggregateIdentifier
    private String caseId;

    // One state, shared by the stage entities: each stage reads what the others' events changed.
    @AggregateMember
    private final CaseState state = new CaseState();
    @AggregateMember
    private final CaseHandling handling = new CaseHandling(state);
    @AggregateMember
    private final CaseConclusion conclusion = new CaseConclusion(state);
    @AggregateMember
    private final CaseSupervision supervision = new CaseSupervision(state);
    @AggregateMember
    private final CasePersonalData personalData = new CasePersonalData(state);
    @AggregateMember
    private final CaseNotifications notifications = new CaseNotifications(state);
    @AggregateMember
    private final CaseLevels levels = new CaseLevels(state);

    Case() {
        // for Axon: rebuilt from its events
    }

    /**
     * Hands the unit tree to the shared state before any command of the case is decided, so the permission check
     * of every stage can scope a district's people to its subtree (see {@link CaseAccess}).
     */
    @CommandHandlerInterceptor
    Object withOrganisation(InterceptorChain chain, Organisation organisation) throws Exception {
        state.organisation = organisation;
        return chain.proceed();
    }

    // ------------------------------------------------------------------ intake

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RegistrationReceipt handle(RegisterCase command, CaseNumbers caseNumbers, Clock clock) {
        if (state.caseNumber != null) {
            return new RegistrationReceipt(state.caseId, state.caseNumber, false);
        }
        CaseState.permit(command.actor(), Action.REGISTER, command.caseId());
        Instant now = clock.instant();
        String number = caseNumbers.next(now);
        apply(new CaseRegistered(command.caseId(), number, command.requestId(), command.channel(),
                command.category(), command.urgency(), command.title(), command.content(), command.citizen(),
                command.area(), command.actor(), now));
        if (command.location() != null || !command.mediaUrls().isEmpty()) {
            // Recorded beside the registration, in the same unit of work (see CaseLocated for why not inside it).
            apply(new CaseLocated(command.caseId(), command.location(), null, command.mediaUrls(), command.actor(),
                    now));
        }
        return new RegistrationReceipt(command.caseId(), number, true);
    }

    @CommandHandler
    CaseAcknowledged handle(RedirectCase command, Clock clock) {
        state.permit(command.actor(), Action.REDIRECT);
        state.requireStatus(Rejection.NOT_REGISTERED, CaseStatus.REGISTERED);
        if (command.jurisdiction() == null || command.jurisdiction() == Jurisdiction.HOTLINE) {
            throw state.violation(Rejection.NOT_OUR_JURISDICTION_ONLY);
        }
        apply(new CaseRedirected(state.caseId, command.jurisdiction(), command.explanation(), command.actor(),
                clock.instant()));
        return state.acknowledged();
    }

    @CommandHandler
    CaseReference handle(ConfirmMergeTarget command) {
        state.permit(command.actor(), Action.MERGE);
        if (state.status == CaseStatus.MERGED || state.status == CaseStatus.WITHDRAWN) {
            throw state.violation(Rejection.CASE_ENDED);
        }
        return new CaseReference(state.caseId, state.caseNumber, state.acknowledged().version());
    }

    @CommandHandler
    CaseReference handle(MergeIntoCase command, Clock clock) {
        state.permit(command.actor(), Action.MERGE);
        if (state.caseId.equals(command.intoCaseId())) {
            throw state.violation(Rejection.MERGE_INTO_ITSELF);
        }
        state.requireStatus(Rejection.NOT_REGISTERED, CaseStatus.REGISTERED);
        // The merge process links this case on the other one from this event: see RepeatedRequestMerge.
        apply(new CaseMerged(state.caseId, command.intoCaseId(), command.intoCaseNumber(), command.actor(),
                clock.instant(), state.caseNumber));
        return new CaseReference(state.caseId, state.caseNumber, state.acknowledged().version());
    }

    /**
     * The merge's last step, sent by the merge process and repeated after a failure: a request already linked
     * is acknowledged again without a second event.
     */
    @CommandHandler
    CaseAcknowledged handle(LinkRepeatedRequest command, Clock clock) {
        state.permit(command.actor(), Action.MERGE);
        if (state.caseId.equals(command.repeatedCaseId())) {
            throw state.violation(Rejection.MERGE_INTO_ITSELF);
        }
        if (state.linkedRepeats.contains(command.repeatedCaseId())) {
            return state.acknowledged();
        }
        if (state.status == CaseStatus.MERGED || state.status == CaseStatus.WITHDRAWN) {
            throw state.violation(Rejection.CASE_ENDED);
        }
        apply(new RepeatedRequestLinked(state.caseId, command.repeatedCaseId(), command.repeatedCaseNumber(),
                command.actor(), clock.instant()));
        return state.acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(ResolveAtIntake command, Clock clock) {
        state.permit(command.actor(), Action.RESOLVE_AT_INTAKE);
        state.requireStatus(Rejection.NOT_REGISTERED, CaseStatus.REGISTERED);
        // an article is cited by the version read out, or not at all: an id alone would not say what was said
        if ((command.articleId() == null) != (command.articleVersion() == null)
                || command.articleVersion() != null && command.articleVersion() < 1) {
            throw state.violation(Rejection.ARTICLE_VERSION_REQUIRED);
        }
        apply(new CaseResolvedAtIntake(state.caseId, command.answer(), command.actor(), clock.instant(),
                command.articleId(), command.articleVersion()));
        return state.acknowledged();
    }

    // ------------------------------------------------------------------ dispatch and responsibility

    @CommandHandler
    CaseAcknowledged handle(DispatchCase command, DispatchCatalogue catalogue, DeadlinePolicy deadlines,
                            Clock clock) {
        state.permit(command.actor(), Action.DISPATCH);
        state.requireStatus(Rejection.NOT_REGISTERED, CaseStatus.REGISTERED);
        List<String> assisting = state.assisting(command.leadUnit(), command.assistingUnits());
        Optional<String> proposal = catalogue.propose(state.category, state.area);
        boolean overridden = proposal.isPresent() && !proposal.get().equals(command.leadUnit());
        Instant now = clock.instant();
        apply(new CaseDispatched(state.caseId, command.leadUnit(), assisting, proposal.orElse(null), overridden,
                deadlines.signFor(state.category, state.urgency, now), command.actor(), now));
        return state.acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(SignForCase command, DeadlinePolicy deadlines, LevelPolicy levels,
                            Organisation organisation, Clock clock) {
        state.permit(command.actor(), Action.SIGN_FOR);
        state.requireStatus(Rejection.NOT_DISPATCHED, CaseStatus.DISPATCHED);
        if (state.objectionPending) {
            throw state.violation(Rejection.OBJECTION_PENDING);
        }
        Instant now = clock.instant();
        boolean onTime = state.signForDeadline == null || !now.isAfter(state.signForDeadline.due());
        // below the first level, the level's own limit, never past the deadline of the unit that sent it down
        Deadline completion = state.sendingUnit() == null ? deadlines.completion(state.category, state.urgency, now)
                : levels.completion(organisation.kind(state.leadUnit).orElse(null), state.category, state.urgency,
                now, state.above.peek().completionDeadline());
        apply(new CaseSignedFor(state.caseId, state.leadUnit, onTime, completion, command.actor(), now));
        return state.acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(ObjectToJurisdiction command, Clock clock) {
        state.permit(command.actor(), Action.OBJECT);
        state.requireStatus(Rejection.NOT_OPEN, CaseStatus.DISPATCHED, CaseStatus.IN_HANDLING);
        if (state.objectionPending) {
            throw state.violation(Rejection.OBJECTION_PENDING);
        }
        apply(new JurisdictionObjected(state.caseId, state.leadUnit, command.reason(), command.actor(), clock.instant()));
        return state.acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(RedispatchCase command, DeadlinePolicy deadlines, Clock clock) {
        state.permit(command.actor(), Action.REDISPATCH);
        state.requireNotEnded();
        if (!state.objectionPending) {
            throw state.violation(Rejection.NO_OBJECTION_PENDING);
        }
        requireFirstLevel();
        if (command.leadUnit().equals(state.leadUnit)) {
            throw state.violation(Rejection.SAME_UNIT);
        }
        List<String> assisting = state.assisting(command.leadUnit(), command.assistingUnits());
        Instant now = clock.instant();
        apply(new CaseRedispatched(state.caseId, state.leadUnit, command.leadUnit(), assisting, command.reason(),
                deadlines.signFor(state.category, state.urgency, now), command.actor(), now));
        return state.acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(DesignateLeadUnit command, DeadlinePolicy deadlines, Clock clock) {
        state.permit(command.actor(), Action.DESIGNATE_LEAD_UNIT);
        state.requireNotEnded();
        if (!state.objectionPending) {
            throw state.violation(Rejection.NO_OBJECTION_PENDING);
        }
        requireFirstLevel();
        List<String> assisting = state.assisting(command.leadUnit(), command.assistingUnits());
        Instant now = clock.instant();
        // Confirming a unit that already signed for the case keeps its clock; anyone else must sign anew.
        boolean keepsHandling = command.leadUnit().equals(state.leadUnit) && state.status == CaseStatus.IN_HANDLING;
        apply(new LeadUnitDesignated(state.caseId, state.leadUnit, command.leadUnit(), assisting, command.reason(),
                keepsHandling ? null : deadlines.signFor(state.category, state.urgency, now), command.actor(), now));
        return state.acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(TransferCase command, DeadlinePolicy deadlines, Organisation organisation, Clock clock) {
        state.permit(command.actor(), Action.TRANSFER);
        state.requireStatus(Rejection.NOT_IN_HANDLING, CaseStatus.IN_HANDLING);
        if (command.toUnit().equals(state.leadUnit)) {
            throw state.violation(Rejection.SAME_UNIT);
        }
        Instant now = clock.instant();
        String sender = state.sendingUnit();
        if (sender != null) {
            // below the first level a case moves only within the subtree of the unit that sent it down
            if (sender.equals(command.toUnit()) || !organisation.isWithin(sender, command.toUnit())) {
                throw state.violation(Rejection.OUTSIDE_SUBTREE);
            }
            if (!organisation.inService(command.toUnit(), now)) {
                throw state.violation(Rejection.UNIT_NOT_IN_SERVICE);
            }
        }
        apply(new CaseTransferred(state.caseId, state.leadUnit, command.toUnit(), command.reason(),
                deadlines.signFor(state.category, state.urgency, now), command.actor(), now));
        return state.acknowledged();
    }

    /** An objection from below goes back to the unit that sent the case down (see {@link CaseLevels}). */
    private void requireFirstLevel() {
        if (state.sendingUnit() != null) {
            throw state.violation(Rejection.OBJECTION_GOES_TO_SENDER);
        }
    }

    @EventSourcingHandler
    void on(CaseRegistered event) {
        caseId = event.caseId();
    }
}
