package io.hotline.command.cases;

import io.hotline.kernel.access.Action;
import io.hotline.kernel.access.Permissions;
import io.hotline.kernel.cases.*;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Urgency;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link Case} knows about itself, and the rules every stage of its life checks against it.
 * <p>
 * Only the event-sourcing handlers below assign these fields; the command handlers of each stage (the case root,
 * {@link CaseHandling}, {@link CaseConclusion}, {@link CaseSupervision}) read them to decide. Who may act comes
 * from the one permission table, {@link Permissions}: the role, and the unit rule (a unit handler touches only
 * the cases its own unit leads or assists).
 */
class CaseState {

    private static final String HOTLINE = "HOTLINE";

    /**
     * The unit tree, handed in by {@link Case}'s command interceptor before each command (never from an event): the
     * subtree scoping of {@link CaseAccess} needs it, and a handler's parameters cannot reach this shared state.
     */
    transient Organisation organisation;

    // Read by the stage handlers of this package; assigned only by the event-sourcing handlers below.
    String caseId;
    String caseNumber;
    CaseStatus status;
    Category category;
    Urgency urgency;
    String area;
    Citizen citizen;

    String leadUnit;
    Set<String> assistingUnits = Set.of();
    String accountableUnit;
    boolean objectionPending;
    Deadline signForDeadline;
    Deadline completionDeadline;
    boolean resolvedAtIntake;

    int materialRequests;
    Integer pendingExtensionDays;
    boolean feedbackOnLastReply;
    /** When the last reply (or answer at intake) invited the citizen to evaluate it; null before any. */
    Instant invitedToEvaluateAt;
    boolean lastFeedbackSatisfied;
    boolean supervised;
    boolean personalDataErased;
    final Set<String> deadlineMarksRaised = new HashSet<>();
    final Set<String> linkedRepeats = new HashSet<>();
    /** Every unit that led, assisted or was accountable at some point: the units that can see the case. */
    final Set<String> unitsInvolved = new HashSet<>();

    /**
     * The levels above the unit leading the case (分级派单): each unit that sent the case down, nearest first, with
     * what it had when it did. Empty while the case is with the unit the hotline dispatched it to.
     */
    final Deque<CaseLevel> above = new ArrayDeque<>();
    /** While a reply drafted below awaits review (办结审核): the draft and the reviewer's deadline; else null. */
    ReplySubmittedForReview draftUnderReview;

    // ------------------------------------------------------------------ rules shared by the handlers

    /** The permission table's answer for this case: see {@link CaseAccess}. */
    void permit(Actor actor, Action action) {
        CaseAccess.permit(this, actor, action);
    }

    /** The role part alone, for a case that does not exist yet. */
    static void permit(Actor actor, Action action, String caseId) {
        CaseAccess.permitRole(actor, action, caseId);
    }

    void requireNotEnded() {
        if (status.isEnded()) {
            throw violation(Rejection.CASE_ENDED);
        }
    }

    void requireOpen() {
        if (!status.isOpen()) {
            throw violation(Rejection.NOT_OPEN);
        }
    }

    void requireStatus(Rejection otherwise, CaseStatus... allowed) {
        requireNotEnded();
        for (CaseStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw violation(otherwise);
    }

    List<String> assisting(String lead, List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        if (requested.contains(lead)) {
            throw violation(Rejection.LEAD_AMONG_ASSISTANTS);
        }
        return List.copyOf(new LinkedHashSet<>(requested));
    }

    CaseRuleViolation violation(Rejection rejection) {
        return new CaseRuleViolation(rejection, caseId);
    }

    /** Each accepted command answers the case's new version, so a reader can wait for its own write. */
    CaseAcknowledged acknowledged() {
        return new CaseAcknowledged(caseId, Objects.requireNonNullElse(AggregateLifecycle.getVersion(), -1L));
    }

    /** A mark is raised once per deadline and unit: a level below can share its sender's due moment. */
    boolean markRaised(String what, Deadline deadline, String unit) {
        return deadlineMarksRaised.contains(what + ":" + deadline.kind() + ":" + deadline.due() + ":" + unit);
    }

    /** The unit that sent the case down to the unit leading it; null at the first level. */
    String sendingUnit() {
        return above.isEmpty() ? null : above.peek().unit();
    }

    /** The unit the hotline dispatched the case to, accountable to the hotline whatever happens below it. */
    String firstLevelUnit() {
        return above.isEmpty() ? leadUnit : above.peekLast().unit();
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
    void on(RepeatedRequestLinked event) {
        linkedRepeats.add(event.repeatedCaseId());
    }

    @EventSourcingHandler
    void on(CaseResolvedAtIntake event) {
        status = CaseStatus.RESOLVED_AT_INTAKE;
        resolvedAtIntake = true;
        feedbackOnLastReply = false;
        invitedToEvaluateAt = event.at();
    }

    @EventSourcingHandler
    void on(CaseDispatched event) {
        status = CaseStatus.DISPATCHED;
        leadUnit = event.leadUnit();
        assistingUnits = Set.copyOf(event.assistingUnits());
        accountableUnit = event.leadUnit();
        signForDeadline = event.signForDeadline();
        completionDeadline = null;
        involve(event.leadUnit(), event.assistingUnits());
    }

    @EventSourcingHandler
    void on(CaseSignedFor event) {
        status = CaseStatus.IN_HANDLING;
        accountableUnit = event.unit();
        completionDeadline = event.completionDeadline();
        involve(event.unit(), List.of());
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
        involve(event.leadUnit(), event.assistingUnits());
    }

    @EventSourcingHandler
    void on(LeadUnitDesignated event) {
        objectionPending = false;
        assistingUnits = Set.copyOf(event.assistingUnits());
        accountableUnit = event.leadUnit();
        involve(event.leadUnit(), event.assistingUnits());
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
        involve(event.toUnit(), List.of());
        signForDeadline = event.signForDeadline();
        completionDeadline = null;
        pendingExtensionDays = null;
    }

    @EventSourcingHandler
    void on(CaseDispatchedDown event) {
        // The sender keeps accountability (accountableUnit unchanged) until the lower unit signs.
        above.push(new CaseLevel(event.fromUnit(), assistingUnits, completionDeadline));
        status = CaseStatus.DISPATCHED;
        leadUnit = event.toUnit();
        assistingUnits = Set.copyOf(event.assistingUnits());
        signForDeadline = event.signForDeadline();
        completionDeadline = null;
        objectionPending = false;
        pendingExtensionDays = null;
        involve(event.toUnit(), event.assistingUnits());
    }

    @EventSourcingHandler
    void on(CaseTakenBack event) {
        CaseLevel sender = above.pop();
        status = CaseStatus.IN_HANDLING;
        leadUnit = event.unit();
        accountableUnit = event.unit();
        assistingUnits = sender.assistingUnits();
        completionDeadline = event.completionDeadline();
        objectionPending = false;
        pendingExtensionDays = null;
        draftUnderReview = null;
    }

    @EventSourcingHandler
    void on(ObjectionOverruled event) {
        objectionPending = false;
        if (event.signForDeadline() != null) {
            signForDeadline = event.signForDeadline();
        }
    }

    @EventSourcingHandler
    void on(ReplySubmittedForReview event) {
        draftUnderReview = event;
        pendingExtensionDays = null;
    }

    @EventSourcingHandler
    void on(ReplyReturned event) {
        draftUnderReview = null;
    }

    @EventSourcingHandler
    void on(ReplyApproved event) {
        draftUnderReview = null;
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
        invitedToEvaluateAt = event.at();
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
            if (!above.isEmpty()) {
                // reopened, the case goes back to the unit accountable to the hotline, which may send it down again
                CaseLevel first = above.peekLast();
                above.clear();
                leadUnit = event.leadUnit();
                accountableUnit = event.leadUnit();
                assistingUnits = first.assistingUnits();
            }
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
        deadlineMarksRaised.add("warned:" + event.kind() + ":" + event.due() + ":" + event.unit());
    }

    @EventSourcingHandler
    void on(DeadlineMissed event) {
        deadlineMarksRaised.add("missed:" + event.kind() + ":" + event.due() + ":" + event.unit());
    }

    private void involve(String unit, java.util.Collection<String> assisting) {
        if (unit != null) {
            unitsInvolved.add(unit);
        }
        unitsInvolved.addAll(assisting);
    }
}
