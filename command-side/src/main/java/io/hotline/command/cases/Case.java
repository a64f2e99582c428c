package io.hotline.command.cases;

import io.hotline.command.policy.DeadlinePolicy;
import io.hotline.command.policy.DispatchCatalogue;
import io.hotline.command.policy.SatisfactionScale;
import io.hotline.kernel.cases.*;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Jurisdiction;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
 * Command handlers decide and apply events; only the event-sourcing handlers change state. Every refusal is a
 * {@link CaseRuleViolation} naming the {@link Rejection}. Each accepted command answers the case's new
 * version, so a reader can wait for its own write.
 */
@Aggregate(cache = "caseCache")
class Case {

    private static final String HOTLINE = "HOTLINE";

    @AggregateIdentifier
    private String caseId;
    private String caseNumber;
    private CaseStatus status;
    private Category category;
    private Urgency urgency;
    private String area;
    private Citizen citizen;

    private String leadUnit;
    private Set<String> assistingUnits = Set.of();
    private String accountableUnit;
    private boolean objectionPending;
    private Deadline signForDeadline;
    private Deadline completionDeadline;
    private boolean resolvedAtIntake;

    private int materialRequests;
    private Integer pendingExtensionDays;
    private boolean feedbackOnLastReply;
    private boolean lastFeedbackSatisfied;
    private boolean supervised;
    private boolean personalDataErased;
    private final Set<String> deadlineMarksRaised = new HashSet<>();

    Case() {
        // for Axon: rebuilt from its events
    }

    // ------------------------------------------------------------------ intake

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RegistrationReceipt handle(RegisterCase command, CaseNumbers caseNumbers, Clock clock) {
        if (caseNumber != null) {
            return new RegistrationReceipt(caseId, caseNumber, false);
        }
        requireRole(command.actor(), command.caseId(), Role.OPERATOR);
        Instant now = clock.instant();
        String number = caseNumbers.next(now);
        apply(new CaseRegistered(command.caseId(), number, command.requestId(), command.channel(),
                command.category(), command.urgency(), command.title(), command.content(), command.citizen(),
                command.area(), command.actor(), now));
        if (command.location() != null || command.mediaUrl() != null) {
            // Recorded beside the registration, in the same unit of work (see CaseLocated for why not inside it).
            apply(new CaseLocated(command.caseId(), command.location(), command.mediaUrl(), command.actor(), now));
        }
        return new RegistrationReceipt(command.caseId(), number, true);
    }

    @CommandHandler
    CaseAcknowledged handle(RedirectCase command, Clock clock) {
        requireRole(command.actor(), Role.OPERATOR);
        requireStatus(Rejection.NOT_REGISTERED, CaseStatus.REGISTERED);
        if (command.jurisdiction() == null || command.jurisdiction() == Jurisdiction.HOTLINE) {
            throw violation(Rejection.NOT_OUR_JURISDICTION_ONLY);
        }
        apply(new CaseRedirected(caseId, command.jurisdiction(), command.explanation(), command.actor(),
                clock.instant()));
        return acknowledged();
    }

    @CommandHandler
    CaseReference handle(ConfirmMergeTarget command) {
        requireRole(command.actor(), Role.OPERATOR);
        if (status == CaseStatus.MERGED || status == CaseStatus.WITHDRAWN) {
            throw violation(Rejection.CASE_ENDED);
        }
        return new CaseReference(caseId, caseNumber, acknowledged().version());
    }

    @CommandHandler
    CaseReference handle(MergeIntoCase command, Clock clock) {
        requireRole(command.actor(), Role.OPERATOR);
        if (caseId.equals(command.intoCaseId())) {
            throw violation(Rejection.MERGE_INTO_ITSELF);
        }
        requireStatus(Rejection.NOT_REGISTERED, CaseStatus.REGISTERED);
        apply(new CaseMerged(caseId, command.intoCaseId(), command.intoCaseNumber(), command.actor(),
                clock.instant()));
        return new CaseReference(caseId, caseNumber, acknowledged().version());
    }

    @CommandHandler
    CaseAcknowledged handle(LinkRepeatedRequest command, Clock clock) {
        requireRole(command.actor(), Role.OPERATOR);
        if (caseId.equals(command.repeatedCaseId())) {
            throw violation(Rejection.MERGE_INTO_ITSELF);
        }
        if (status == CaseStatus.MERGED || status == CaseStatus.WITHDRAWN) {
            throw violation(Rejection.CASE_ENDED);
        }
        apply(new RepeatedRequestLinked(caseId, command.repeatedCaseId(), command.repeatedCaseNumber(),
                command.actor(), clock.instant()));
        return acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(ResolveAtIntake command, Clock clock) {
        requireRole(command.actor(), Role.OPERATOR);
        requireStatus(Rejection.NOT_REGISTERED, CaseStatus.REGISTERED);
        apply(new CaseResolvedAtIntake(caseId, command.answer(), command.actor(), clock.instant()));
        return acknowledged();
    }

    // ------------------------------------------------------------------ dispatch and responsibility

    @CommandHandler
    CaseAcknowledged handle(DispatchCase command, DispatchCatalogue catalogue, DeadlinePolicy deadlines,
                            Clock clock) {
        requireRole(command.actor(), Role.OPERATOR, Role.COORDINATOR);
        requireStatus(Rejection.NOT_REGISTERED, CaseStatus.REGISTERED);
        List<String> assisting = assisting(command.leadUnit(), command.assistingUnits());
        Optional<String> proposal = catalogue.propose(category, area);
        boolean overridden = proposal.isPresent() && !proposal.get().equals(command.leadUnit());
        Instant now = clock.instant();
        apply(new CaseDispatched(caseId, command.leadUnit(), assisting, proposal.orElse(null), overridden,
                deadlines.signFor(category, urgency, now), command.actor(), now));
        return acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(SignForCase command, DeadlinePolicy deadlines, Clock clock) {
        requireRole(command.actor(), Role.UNIT_HANDLER);
        requireLeadUnit(command.actor());
        requireNotEnded();
        requireStatus(Rejection.NOT_DISPATCHED, CaseStatus.DISPATCHED);
        if (objectionPending) {
            throw violation(Rejection.OBJECTION_PENDING);
        }
        Instant now = clock.instant();
        boolean onTime = signForDeadline == null || !now.isAfter(signForDeadline.due());
        apply(new CaseSignedFor(caseId, leadUnit, onTime, deadlines.completion(category, urgency, now),
                command.actor(), now));
        return acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(ObjectToJurisdiction command, Clock clock) {
        requireRole(command.actor(), Role.UNIT_HANDLER);
        requireLeadUnit(command.actor());
        requireNotEnded();
        requireStatus(Rejection.NOT_OPEN, CaseStatus.DISPATCHED, CaseStatus.IN_HANDLING);
        if (objectionPending) {
            throw violation(Rejection.OBJECTION_PENDING);
        }
        apply(new JurisdictionObjected(caseId, leadUnit, command.reason(), command.actor(), clock.instant()));
        return acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(RedispatchCase command, DeadlinePolicy deadlines, Clock clock) {
        requireRole(command.actor(), Role.OPERATOR, Role.COORDINATOR);
        requireNotEnded();
        if (!objectionPending) {
            throw violation(Rejection.NO_OBJECTION_PENDING);
        }
        if (command.leadUnit().equals(leadUnit)) {
            throw violation(Rejection.SAME_UNIT);
        }
        List<String> assisting = assisting(command.leadUnit(), command.assistingUnits());
        Instant now = clock.instant();
        apply(new CaseRedispatched(caseId, leadUnit, command.leadUnit(), assisting, command.reason(),
                deadlines.signFor(category, urgency, now), command.actor(), now));
        return acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(DesignateLeadUnit command, DeadlinePolicy deadlines, Clock clock) {
        requireRole(command.actor(), Role.COORDINATOR);
        requireNotEnded();
        if (!objectionPending) {
            throw violation(Rejection.NO_OBJECTION_PENDING);
        }
        List<String> assisting = assisting(command.leadUnit(), command.assistingUnits());
        Instant now = clock.instant();
        // Confirming a unit that already signed for the case keeps its clock; anyone else must sign anew.
        boolean keepsHandling = command.leadUnit().equals(leadUnit) && status == CaseStatus.IN_HANDLING;
        apply(new LeadUnitDesignated(caseId, leadUnit, command.leadUnit(), assisting, command.reason(),
                keepsHandling ? null : deadlines.signFor(category, urgency, now), command.actor(), now));
        return acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(TransferCase command, DeadlinePolicy deadlines, Clock clock) {
        requireRole(command.actor(), Role.UNIT_HANDLER);
        requireLeadUnit(command.actor());
        requireNotEnded();
        requireStatus(Rejection.NOT_IN_HANDLING, CaseStatus.IN_HANDLING);
        if (command.toUnit().equals(leadUnit)) {
            throw violation(Rejection.SAME_UNIT);
        }
        Instant now = clock.instant();
        apply(new CaseTransferred(caseId, leadUnit, command.toUnit(), command.reason(),
                deadlines.signFor(category, urgency, now), command.actor(), now));
        return acknowledged();
    }

    // ------------------------------------------------------------------ handling

    @CommandHandler
    CaseAcknowledged handle(RecordProgress command, Clock clock) {
        requireRole(command.actor(), Role.UNIT_HANDLER);
        if (!command.actor().actsFor(leadUnit) && !assistingUnits.contains(command.actor().unitId())) {
            throw violation(Rejection.NOT_YOUR_CASE);
        }
        requireNotEnded();
        requireStatus(Rejection.NOT_IN_HANDLING, CaseStatus.IN_HANDLING);
        apply(new ProgressRecorded(caseId, command.actor().unitId(), command.note(), command.actor(),
                clock.instant()));
        return acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(RequestMaterials command, Clock clock) {
        requireRole(command.actor(), Role.UNIT_HANDLER);
        requireLeadUnit(command.actor());
        requireNotEnded();
        requireStatus(Rejection.NOT_IN_HANDLING, CaseStatus.IN_HANDLING);
        if (command.items() == null || command.items().isEmpty()) {
            throw violation(Rejection.NOTHING_TO_REQUEST);
        }
        apply(new MaterialsRequested(caseId, leadUnit, List.copyOf(command.items()), materialRequests > 0,
                command.actor(), clock.instant()));
        return acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(RequestExtension command, Clock clock) {
        requireRole(command.actor(), Role.UNIT_HANDLER);
        requireLeadUnit(command.actor());
        requireNotEnded();
        requireStatus(Rejection.NOT_IN_HANDLING, CaseStatus.IN_HANDLING);
        if (pendingExtensionDays != null) {
            throw violation(Rejection.EXTENSION_PENDING);
        }
        Instant now = clock.instant();
        if (completionDeadline != null && !now.isBefore(completionDeadline.due())) {
            throw violation(Rejection.EXTENSION_TOO_LATE);
        }
        apply(new ExtensionRequested(caseId, leadUnit, command.extraWorkingDays(), command.reason(),
                command.actor(), now));
        return acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(ApproveExtension command, DeadlinePolicy deadlines, Clock clock) {
        requireRole(command.actor(), Role.COORDINATOR);
        requireNotEnded();
        if (pendingExtensionDays == null) {
            throw violation(Rejection.NO_EXTENSION_PENDING);
        }
        apply(new ExtensionApproved(caseId, pendingExtensionDays,
                deadlines.extend(completionDeadline, pendingExtensionDays), command.actor(), clock.instant()));
        return acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(RejectExtension command, Clock clock) {
        requireRole(command.actor(), Role.COORDINATOR);
        requireNotEnded();
        if (pendingExtensionDays == null) {
            throw violation(Rejection.NO_EXTENSION_PENDING);
        }
        apply(new ExtensionRejected(caseId, command.reason(), command.actor(), clock.instant()));
        return acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(ReplyToCitizen command, Clock clock) {
        requireRole(command.actor(), Role.UNIT_HANDLER);
        requireLeadUnit(command.actor());
        requireNotEnded();
        requireStatus(Rejection.NOT_IN_HANDLING, CaseStatus.IN_HANDLING);
        Instant now = clock.instant();
        boolean onTime = completionDeadline == null || !now.isAfter(completionDeadline.due());
        apply(new CaseReplied(caseId, leadUnit, command.result(), command.text(), onTime, command.actor(), now));
        return acknowledged();
    }

    // ------------------------------------------------------------------ feedback and the end of a case

    @CommandHandler
    CaseAcknowledged handle(RecordFeedback command, SatisfactionScale scale, Clock clock) {
        requireRole(command.actor(), Role.OPERATOR);
        requireNotEnded();
        requireStatus(Rejection.NOT_REPLIED, CaseStatus.REPLIED, CaseStatus.RESOLVED_AT_INTAKE);
        if (feedbackOnLastReply) {
            throw violation(Rejection.FEEDBACK_ALREADY_RECORDED);
        }
        if (!scale.offers(command.satisfaction())) {
            throw violation(Rejection.LEVEL_NOT_ON_SCALE);
        }
        apply(new FeedbackRecorded(caseId, command.channel(), command.satisfaction(),
                scale.countsAsSatisfied(command.satisfaction()), command.solved(), command.comment(),
                command.actor(), clock.instant()));
        return acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(ReopenCase command, DeadlinePolicy deadlines, Clock clock) {
        requireRole(command.actor(), Role.OPERATOR, Role.COORDINATOR);
        requireNotEnded();
        requireStatus(Rejection.NOT_REPLIED, CaseStatus.REPLIED, CaseStatus.RESOLVED_AT_INTAKE);
        if (!feedbackOnLastReply || lastFeedbackSatisfied) {
            throw violation(Rejection.REOPEN_NEEDS_DISSATISFACTION);
        }
        Instant now = clock.instant();
        // An answer given at intake has no unit behind it: reopened, the case goes back to be dispatched.
        Deadline completion = resolvedAtIntake ? null : deadlines.completion(category, urgency, now);
        apply(new CaseReopened(caseId, resolvedAtIntake ? null : leadUnit, command.reason(), completion,
                command.actor(), now));
        return acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(SuperviseCase command, Clock clock) {
        requireRole(command.actor(), Role.SUPERVISOR);
        requireNotEnded();
        requireOpen();
        if (supervised) {
            throw violation(Rejection.ALREADY_SUPERVISED);
        }
        apply(new SupervisionStarted(caseId, command.note(), command.actor(), clock.instant()));
        return acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(UrgeCase command, Clock clock) {
        requireRole(command.actor(), Role.SUPERVISOR);
        requireNotEnded();
        requireOpen();
        if (leadUnit == null) {
            throw violation(Rejection.NOT_DISPATCHED_YET);
        }
        apply(new CaseUrged(caseId, leadUnit, command.note(), command.actor(), clock.instant()));
        return acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(CloseCase command, Clock clock) {
        requireRole(command.actor(), Role.OPERATOR);
        requireNotEnded();
        requireStatus(Rejection.NOT_REPLIED, CaseStatus.REPLIED, CaseStatus.RESOLVED_AT_INTAKE);
        apply(new CaseClosed(caseId, command.actor(), clock.instant()));
        return acknowledged();
    }

    @CommandHandler
    CaseAcknowledged handle(WithdrawCase command, Clock clock) {
        requireRole(command.actor(), Role.OPERATOR);
        requireNotEnded();
        requireOpen();
        apply(new CaseWithdrawn(caseId, command.reason(), command.actor(), clock.instant()));
        return acknowledged();
    }

    // ------------------------------------------------------------------ electronic supervision and privacy

    /**
     * The deadline watch's question: has a warning or an expiry come for this deadline? Answered by raising
     * each mark once: a repeated or late check, or one about a deadline that no longer applies, changes nothing.
     */
    @CommandHandler
    CaseAcknowledged handle(CheckDeadline command, Clock clock) {
        Deadline deadline = command.kind() == DeadlineKind.SIGN_FOR ? signForDeadline : completionDeadline;
        CaseStatus waitingIn = command.kind() == DeadlineKind.SIGN_FOR ? CaseStatus.DISPATCHED : CaseStatus.IN_HANDLING;
        if (status != waitingIn || deadline == null || !deadline.due().equals(command.due())) {
            return acknowledged();
        }
        Instant now = clock.instant();
        String unit = command.kind() == DeadlineKind.SIGN_FOR ? leadUnit : accountableUnit;
        if (!now.isBefore(deadline.due()) && !deadlineMarksRaised.contains(mark("missed", deadline))) {
            apply(new DeadlineMissed(caseId, deadline.kind(), unit, deadline.due(), command.actor(), now));
        } else if (!now.isBefore(deadline.warnAt()) && !deadlineMarksRaised.contains(mark("warned", deadline))
                && !deadlineMarksRaised.contains(mark("missed", deadline))) {
            apply(new DeadlineWarningRaised(caseId, deadline.kind(), unit, deadline.due(), command.actor(), now));
        }
        return acknowledged();
    }

    @CommandHandler
    Citizen handle(RevealPersonalData command, Clock clock) {
        requireRole(command.actor(), Role.OPERATOR, Role.SUPERVISOR, Role.AUDITOR);
        apply(new PersonalDataRevealed(caseId, command.reason(), command.actor(), clock.instant()));
        return citizen;
    }

    /**
     * The citizen's key is already destroyed when this arrives; recording it here drops the person from this
     * case's state (a case held in memory would otherwise still know them) and from every read model. Any
     * state, even an ended case; a second erasure changes nothing.
     */
    @CommandHandler
    CaseAcknowledged handle(ErasePersonalData command, Clock clock) {
        requireRole(command.actor(), Role.ADMIN);
        if (!personalDataErased) {
            apply(new PersonalDataErased(caseId, command.erasureId(), command.actor(), clock.instant()));
        }
        return acknowledged();
    }

    // ------------------------------------------------------------------ rules shared by the handlers

    private void requireRole(Actor actor, Role... allowed) {
        requireRole(actor, caseId, allowed);
    }

    private static void requireRole(Actor actor, String caseId, Role... allowed) {
        for (Role role : allowed) {
            if (actor.has(role)) {
                return;
            }
        }
        throw new CaseRuleViolation(Rejection.ROLE_REQUIRED, caseId);
    }

    /** A unit handler acts only on the cases its own unit leads; checked before anything about the case leaks. */
    private void requireLeadUnit(Actor actor) {
        if (leadUnit == null || !actor.actsFor(leadUnit)) {
            throw violation(Rejection.NOT_YOUR_CASE);
        }
    }

    private void requireNotEnded() {
        if (status.isEnded()) {
            throw violation(Rejection.CASE_ENDED);
        }
    }

    private void requireOpen() {
        if (!status.isOpen()) {
            throw violation(Rejection.NOT_OPEN);
        }
    }

    private void requireStatus(Rejection otherwise, CaseStatus... allowed) {
        requireNotEnded();
        for (CaseStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw violation(otherwise);
    }

    private List<String> assisting(String lead, List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        if (requested.contains(lead)) {
            throw violation(Rejection.LEAD_AMONG_ASSISTANTS);
        }
        return List.copyOf(new LinkedHashSet<>(requested));
    }

    private CaseRuleViolation violation(Rejection rejection) {
        return new CaseRuleViolation(rejection, caseId);
    }

    private CaseAcknowledged acknowledged() {
        return new CaseAcknowledged(caseId, Objects.requireNonNullElse(AggregateLifecycle.getVersion(), -1L));
    }

    private static String mark(String what, Deadline deadline) {
        return what + ":" + deadline.kind() + ":" + deadline.due();
    }

    // ------------------------------------------------------------------ state, from the events only

    @EventSourcingHandler
    void on(CaseRegistered event) {
        caseId = event.caseId();
        caseNumber = event.caseNumber();
        status = CaseStatus.REGISTERED;
        category = event.category();
        urgency = event.urgency();
        area = event.area();
        citizen = event.citizen();
        accountableUnit = HOTLINE;
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        citizen = Citizen.erased();
        personalDataErased = true;
    }

    @EventSourcingHandler
    void on(CaseRedirected event) {
        status = CaseStatus.REDIRECTED;
    }

    @EventSourcingHandler
    void on(CaseMerged event) {
        status = CaseStatus.MERGED;
    }

    @EventSourcingHandler
    void on(CaseResolvedAtIntake event) {
        status = CaseStatus.RESOLVED_AT_INTAKE;
        resolvedAtIntake = true;
        feedbackOnLastReply = false;
    }

    @EventSourcingHandler
    void on(CaseDispatched event) {
        status = CaseStatus.DISPATCHED;
        leadUnit = event.leadUnit();
        assistingUnits = Set.copyOf(event.assistingUnits());
        accountableUnit = event.leadUnit();
        signForDeadline = event.signForDeadline();
        completionDeadline = null;
    }

    @EventSourcingHandler
    void on(CaseSignedFor event) {
        status = CaseStatus.IN_HANDLING;
        accountableUnit = event.unit();
        completionDeadline = event.completionDeadline();
    }

    @EventSourcingHandler
    void on(JurisdictionObjected event) {
        objectionPending = true;
    }

    @EventSourcingHandler
    void on(CaseRedispatched event) {
        objectionPending = false;
        status = CaseStatus.DISPATCHED;
        leadUnit = event.leadUnit();
        assistingUnits = Set.copyOf(event.assistingUnits());
        accountableUnit = event.leadUnit();
        signForDeadline = event.signForDeadline();
        completionDeadline = null;
    }

    @EventSourcingHandler
    void on(LeadUnitDesignated event) {
        objectionPending = false;
        assistingUnits = Set.copyOf(event.assistingUnits());
        accountableUnit = event.leadUnit();
        if (event.signForDeadline() != null) {
            status = CaseStatus.DISPATCHED;
            leadUnit = event.leadUnit();
            signForDeadline = event.signForDeadline();
            completionDeadline = null;
        }
    }

    @EventSourcingHandler
    void on(CaseTransferred event) {
        // The receiving unit leads from now on; the transferring unit stays accountable until it signs.
        status = CaseStatus.DISPATCHED;
        leadUnit = event.toUnit();
        signForDeadline = event.signForDeadline();
        completionDeadline = null;
        pendingExtensionDays = null;
    }

    @EventSourcingHandler
    void on(MaterialsRequested event) {
        materialRequests++;
    }

    @EventSourcingHandler
    void on(ExtensionRequested event) {
        pendingExtensionDays = event.extraWorkingDays();
    }

    @EventSourcingHandler
    void on(ExtensionApproved event) {
        pendingExtensionDays = null;
        completionDeadline = event.completionDeadline();
    }

    @EventSourcingHandler
    void on(ExtensionRejected event) {
        pendingExtensionDays = null;
    }

    @EventSourcingHandler
    void on(CaseReplied event) {
        status = CaseStatus.REPLIED;
        feedbackOnLastReply = false;
        pendingExtensionDays = null;
    }

    @EventSourcingHandler
    void on(FeedbackRecorded event) {
        feedbackOnLastReply = true;
        lastFeedbackSatisfied = event.countsAsSatisfied();
    }

    @EventSourcingHandler
    void on(CaseReopened event) {
        feedbackOnLastReply = false;
        if (event.leadUnit() == null) {
            status = CaseStatus.REGISTERED;
            resolvedAtIntake = false;
            accountableUnit = HOTLINE;
        } else {
            status = CaseStatus.IN_HANDLING;
            completionDeadline = event.completionDeadline();
        }
    }

    @EventSourcingHandler
    void on(SupervisionStarted event) {
        supervised = true;
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        status = CaseStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(CaseWithdrawn event) {
        status = CaseStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(DeadlineWarningRaised event) {
        deadlineMarksRaised.add("warned:" + event.kind() + ":" + event.due());
    }

    @EventSourcingHandler
    void on(DeadlineMissed event) {
        deadlineMarksRaised.add("missed:" + event.kind() + ":" + event.due());
    }
}
