package io.hotline.query.caseview;

import io.hotline.kernel.cases.CaseClosed;
import io.hotline.kernel.cases.CaseDispatched;
import io.hotline.kernel.cases.CaseMerged;
import io.hotline.kernel.cases.CaseRedirected;
import io.hotline.kernel.cases.CaseRedispatched;
import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.cases.CaseReopened;
import io.hotline.kernel.cases.CaseReplied;
import io.hotline.kernel.cases.CaseResolvedAtIntake;
import io.hotline.kernel.cases.CaseSignedFor;
import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.cases.CaseTransferred;
import io.hotline.kernel.cases.CaseUrged;
import io.hotline.kernel.cases.CaseWithdrawn;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.cases.DeadlineMissed;
import io.hotline.kernel.cases.DeadlineWarningRaised;
import io.hotline.kernel.cases.ExtensionApproved;
import io.hotline.kernel.cases.ExtensionRejected;
import io.hotline.kernel.cases.ExtensionRequested;
import io.hotline.kernel.cases.FeedbackRecorded;
import io.hotline.kernel.cases.JurisdictionObjected;
import io.hotline.kernel.cases.LeadUnitDesignated;
import io.hotline.kernel.cases.MaterialsRequested;
import io.hotline.kernel.cases.PersonalDataErased;
import io.hotline.kernel.cases.ProgressRecorded;
import io.hotline.kernel.cases.RepeatedRequestLinked;
import io.hotline.kernel.cases.SupervisionStarted;
import io.hotline.kernel.citizen.CitizenNotified;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Urgency;
import io.hotline.query.caseview.Steps.Dispatch;
import io.hotline.query.caseview.Steps.Ending;
import io.hotline.query.caseview.Steps.Feedback;
import io.hotline.query.caseview.Steps.LinkedCase;
import io.hotline.query.caseview.Steps.MaterialRequest;
import io.hotline.query.caseview.Steps.PendingExtension;
import io.hotline.query.caseview.Steps.PendingObjection;
import io.hotline.query.caseview.Steps.ProgressNote;
import io.hotline.query.caseview.Steps.Reply;
import io.hotline.query.caseview.Steps.Supervision;
import io.hotline.query.caseview.Steps.Urge;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What each event changes in a {@link CaseView}: one {@code on(...)} per event. They hold no clock and no
 * randomness: the same events always give the same document, which is what lets a rebuild be compared with the
 * live view, and a replay change nothing.
 * <p>
 * Accountability (首问负责): the hotline until dispatch; then the lead unit. An objection changes nothing; a
 * re-dispatch or a designation moves lead and accountability together; a transfer moves the lead at once and
 * accountability only when the new lead signs for the case, so there is never a moment without an owner.
 */
public final class CaseViewEvents {

    private CaseViewEvents() {
    }

    public static void on(CaseView view, CaseRegistered e, CitizenView citizenView) {
        view.caseId = e.caseId();
        view.caseNumber = e.caseNumber();
        addNumber(view, e.caseNumber());
        view.requestId = e.requestId();
        view.status = CaseStatus.REGISTERED;
        view.channel = e.channel();
        view.category = e.category();
        view.urgency = e.urgency();
        view.area = e.area();
        view.title = e.title();
        view.content = e.content();
        view.citizen = citizenView;
        view.registeredBy = ActedBy.of(e.actor());
        view.registeredAt = e.registeredAt();
        view.accountableUnit = CaseView.HOTLINE;
        link(view, CaseView.HOTLINE, ChainRole.INTAKE, ChainStep.REGISTERED, true, e.actor(), null, e.registeredAt());
    }

    /** A message to the citizen: its latest outcome replaces the earlier one (delivered after sent). */
    public static void on(CaseView view, CitizenNotified e) {
        if (view.notifications == null) {
            view.notifications = new ArrayList<>();
        }
        view.notifications.removeIf(notice -> notice.notificationId().equals(e.notificationId()));
        view.notifications.add(new CitizenNotice(e.notificationId(), e.channel(), e.template(), e.outcome(),
                e.reason(), e.possiblyRepeated(), e.at()));
    }

    /** 退订 (true) or 订阅 again (false) by the citizen's phone. */
    public static void optedOut(CaseView view, boolean optedOut) {
        view.citizenOptedOut = optedOut;
    }

    /** The citizen's personal data were erased: the view keeps the case and forgets the person. */
    public static void on(CaseView view, PersonalDataErased e) {
        if (view.citizen != null) {
            view.citizen = CitizenView.ERASED;
        }
    }

    public static void on(CaseView view, CaseResolvedAtIntake e) {
        end(view, CaseStatus.RESOLVED_AT_INTAKE,
                new Ending("RESOLVED_AT_INTAKE", null, e.answer(), ActedBy.of(e.actor()), e.at()), e.at());
        view.citedArticle = e.articleId() == null ? null
                : new Steps.CitedArticle(e.articleId(), e.articleVersion());
    }

    public static void on(CaseView view, CaseRedirected e) {
        end(view, CaseStatus.REDIRECTED,
                new Ending("REDIRECTED", e.jurisdiction(), e.explanation(), ActedBy.of(e.actor()), e.at()), e.at());
    }

    public static void on(CaseView view, CaseMerged e) {
        view.mergedInto = new LinkedCase(e.intoCaseId(), e.intoCaseNumber(), e.at());
        end(view, CaseStatus.MERGED,
                new Ending("MERGED", null, e.intoCaseNumber(), ActedBy.of(e.actor()), e.at()), e.at());
    }

    public static void on(CaseView view, RepeatedRequestLinked e) {
        addNumber(view, e.repeatedCaseNumber());
        if (view.repeatedRequests.stream().noneMatch(linked -> linked.caseId().equals(e.repeatedCaseId()))) {
            view.repeatedRequests.add(new LinkedCase(e.repeatedCaseId(), e.repeatedCaseNumber(), e.at()));
        }
    }

    public static void on(CaseView view, CaseDispatched e) {
        view.status = CaseStatus.DISPATCHED;
        view.dispatch = new Dispatch(e.proposedUnit(), e.catalogueOverridden(), ActedBy.of(e.actor()), e.at());
        view.dispatchedAt = e.at();
        handOver(view, e.leadUnit(), e.assistingUnits(), ChainStep.DISPATCHED, e.actor(), null, e.at());
        view.signForDeadline = DeadlineView.of(e.signForDeadline(), e.leadUnit());
        view.completionDeadline = null;
    }

    /**
     * The lead's sign-for starts handling and the completion clock, and makes the lead accountable (which is what
     * completes a transfer). An assisting unit's sign-for, should one come, is only recorded in the chain.
     */
    public static void on(CaseView view, CaseSignedFor e) {
        if (!e.unit().equals(view.leadUnit)) {
            link(view, e.unit(), roleOf(view, e.unit()), ChainStep.SIGNED, false, e.actor(), null, e.at());
            return;
        }
        view.status = CaseStatus.IN_HANDLING;
        view.signedForAt = e.at();
        if (view.signForDeadline != null && !view.signForDeadline.isDone()) {
            view.signForDeadline = view.signForDeadline.done(e.at(), e.signedOnTime());
        }
        view.completionDeadline = DeadlineView.of(e.completionDeadline(), e.unit());
        view.accountableUnit = e.unit();
        view.transferPendingTo = null;
        link(view, new ChainEntry(e.unit(), ChainRole.LEAD, ChainStep.SIGNED, true, ActedBy.of(e.actor()), null,
                e.at(), view.sendingUnit(), view.sendingUnit() == null ? null : view.above().size() + 1));
    }

    public static void on(CaseView view, JurisdictionObjected e) {
        view.pendingObjection = new PendingObjection(e.unit(), e.reason(), ActedBy.of(e.actor()), e.at(),
                CaseViewLevels.decider(view));
        view.counters.objections++;
        link(view, e.unit(), roleOf(view, e.unit()), ChainStep.OBJECTED, e.unit().equals(view.accountableUnit),
                e.actor(), e.reason(), e.at());
    }

    public static void on(CaseView view, CaseRedispatched e) {
        view.counters.redispatches++;
        view.status = CaseStatus.DISPATCHED;
        handOver(view, e.leadUnit(), e.assistingUnits(), ChainStep.REDISPATCHED, e.actor(), e.reason(), e.at());
        view.signForDeadline = DeadlineView.of(e.signForDeadline(), e.leadUnit());
        view.completionDeadline = null;
    }

    public static void on(CaseView view, LeadUnitDesignated e) {
        view.counters.designations++;
        DeadlineView completionKept = view.completionDeadline;
        CaseStatus statusKept = view.status;
        handOver(view, e.leadUnit(), e.assistingUnits(), ChainStep.DESIGNATED, e.actor(), e.reason(), e.at());
        if (e.signForDeadline() == null) {
            // The coordinator confirmed the unit that had already signed for the case: its clock runs on.
            view.status = statusKept;
            view.completionDeadline = completionKept;
        } else {
            view.status = CaseStatus.DISPATCHED;
            view.signForDeadline = DeadlineView.of(e.signForDeadline(), e.leadUnit());
            view.completionDeadline = null;
        }
    }

    public static void on(CaseView view, CaseTransferred e) {
        view.counters.transfers++;
        view.status = CaseStatus.DISPATCHED;
        view.leadUnit = e.toUnit();
        view.assistingUnits.remove(e.toUnit());
        view.transferPendingTo = e.toUnit();
        view.signForDeadline = DeadlineView.of(e.signForDeadline(), e.toUnit());
        view.completionDeadline = null;
        link(view, e.toUnit(), ChainRole.LEAD, ChainStep.TRANSFERRED, e.toUnit().equals(view.accountableUnit),
                e.actor(), e.reason(), e.at());
    }

    public static void on(CaseView view, ProgressRecorded e) {
        view.counters.progressNotes++;
        view.lastProgress = new ProgressNote(e.unit(), e.note(), ActedBy.of(e.actor()), e.at());
    }

    public static void on(CaseView view, MaterialsRequested e) {
        view.counters.materialRequests++;
        if (e.repeated()) {
            view.counters.materialRequestViolations++;
        }
        view.lastMaterialRequest = new MaterialRequest(e.unit(), e.items() == null ? List.of() : List.copyOf(e.items()),
                e.repeated(), ActedBy.of(e.actor()), e.at());
    }

    public static void on(CaseView view, ExtensionRequested e) {
        view.counters.extensionRequests++;
        view.pendingExtension = new PendingExtension(e.unit(), e.extraWorkingDays(), e.reason(), ActedBy.of(e.actor()),
                e.at());
    }

    public static void on(CaseView view, ExtensionApproved e) {
        view.counters.extensions++;
        String unit = view.completionDeadline != null && view.completionDeadline.unit() != null
                ? view.completionDeadline.unit() : view.leadUnit;
        view.completionDeadline = DeadlineView.of(e.completionDeadline(), unit);
        view.pendingExtension = null;
    }

    public static void on(CaseView view, ExtensionRejected e) {
        view.counters.extensionRejections++;
        view.pendingExtension = null;
    }

    public static void on(CaseView view, CaseReplied e) {
        view.status = CaseStatus.REPLIED;
        view.repliedAt = e.at();
        view.lastReply = new Reply(e.unit(), e.result(), e.text(), e.onTime(), ActedBy.of(e.actor()), e.at());
        CaseViewLevels.replied(view, e);
        if (view.completionDeadline != null && !view.completionDeadline.isDone()) {
            view.completionDeadline = view.completionDeadline.done(e.at(), e.onTime());
        }
        view.pendingExtension = null;
    }

    public static void on(CaseView view, FeedbackRecorded e) {
        view.lastFeedback = new Feedback(e.channel(), e.satisfaction(), e.countsAsSatisfied(), e.solved(), e.comment(),
                ActedBy.of(e.actor()), e.at());
    }

    public static void on(CaseView view, CaseReopened e) {
        view.counters.reopens++;
        CaseViewLevels.reopened(view, e);
        if (e.leadUnit() == null) {
            // An answer given at intake, reopened: back to the hotline, to be dispatched.
            view.status = CaseStatus.REGISTERED;
            view.accountableUnit = CaseView.HOTLINE;
            view.transferPendingTo = null;
            link(view, CaseView.HOTLINE, ChainRole.LEAD, ChainStep.REOPENED, true, e.actor(), e.reason(), e.at());
            return;
        }
        view.status = CaseStatus.IN_HANDLING;
        view.leadUnit = e.leadUnit();
        view.accountableUnit = e.leadUnit();
        view.transferPendingTo = null;
        view.completionDeadline = DeadlineView.of(e.completionDeadline(), e.leadUnit());
        link(view, e.leadUnit(), ChainRole.LEAD, ChainStep.REOPENED, true, e.actor(), e.reason(), e.at());
    }

    public static void on(CaseView view, SupervisionStarted e) {
        view.supervised = true;
        view.supervision = new Supervision(e.note(), ActedBy.of(e.actor()), e.at());
    }

    public static void on(CaseView view, CaseUrged e) {
        view.counters.urges++;
        view.lastUrge = new Urge(e.unit(), e.note(), ActedBy.of(e.actor()), e.at());
    }

    public static void on(CaseView view, CaseClosed e) {
        end(view, CaseStatus.CLOSED, null, e.at());
    }

    public static void on(CaseView view, CaseWithdrawn e) {
        end(view, CaseStatus.WITHDRAWN,
                new Ending("WITHDRAWN", null, e.reason(), ActedBy.of(e.actor()), e.at()), e.at());
    }

    public static void on(CaseView view, DeadlineWarningRaised e) {
        if (CaseViewLevels.marked(view, e.kind(), e.unit(), e.due(), clock -> clock.warned(e.at()))) {
            return;
        }
        if (e.kind() == DeadlineKind.SIGN_FOR && view.signForDeadline != null
                && view.signForDeadline.sameDue(e.due())) {
            view.signForDeadline = view.signForDeadline.warned(e.at());
        } else if (e.kind() == DeadlineKind.COMPLETION && view.completionDeadline != null
                && view.completionDeadline.sameDue(e.due())) {
            view.completionDeadline = view.completionDeadline.warned(e.at());
        }
    }

    public static void on(CaseView view, DeadlineMissed e) {
        view.counters.deadlinesMissed++;
        if (CaseViewLevels.marked(view, e.kind(), e.unit(), e.due(), clock -> clock.missed(e.at()))) {
            return;
        }
        if (e.kind() == DeadlineKind.SIGN_FOR && view.signForDeadline != null
                && view.signForDeadline.sameDue(e.due())) {
            view.signForDeadline = view.signForDeadline.missed(e.at());
        } else if (e.kind() == DeadlineKind.COMPLETION && view.completionDeadline != null
                && view.completionDeadline.sameDue(e.due())) {
            view.completionDeadline = view.completionDeadline.missed(e.at());
        }
    }

    /** Lead and assisting units replaced, the new lead accountable at once (dispatch, re-dispatch, designation). */
    private static void handOver(CaseView view, String lead, List<String> assisting, ChainStep step, Actor actor,
                                 String reason, Instant at) {
        view.leadUnit = lead;
        view.assistingUnits = assisting == null ? new ArrayList<>()
                : new ArrayList<>(assisting.stream().filter(Objects::nonNull).filter(unit -> !unit.equals(lead))
                .distinct().toList());
        view.accountableUnit = lead;
        view.transferPendingTo = null;
        view.pendingObjection = null;
        link(view, lead, ChainRole.LEAD, step, true, actor, reason, at);
        for (String assisting1 : view.assistingUnits) {
            link(view, assisting1, ChainRole.ASSIST, step, false, actor, reason, at);
        }
    }

    private static void end(CaseView view, CaseStatus ended, Ending how, Instant at) {
        view.status = ended;
        if (how != null) {
            view.ending = how;
        }
        view.endedAt = at;
        view.pendingObjection = null;
        view.pendingExtension = null;
    }

    private static ChainRole roleOf(CaseView view, String unit) {
        if (unit.equals(view.leadUnit)) {
            return ChainRole.LEAD;
        }
        if (view.assistingUnits.contains(unit)) {
            return ChainRole.ASSIST;
        }
        return CaseView.HOTLINE.equals(unit) ? ChainRole.INTAKE : ChainRole.LEAD;
    }

    private static void link(CaseView view, String unit, ChainRole role, ChainStep step, boolean accountable,
                             Actor actor, String reason, Instant at) {
        link(view, new ChainEntry(unit, role, step, accountable, ActedBy.of(actor), reason, at));
    }

    static void link(CaseView view, ChainEntry entry) {
        view.chain.add(entry);
        if (!view.involvedUnits.contains(entry.unit())) {
            view.involvedUnits.add(entry.unit());
        }
    }

    private static void addNumber(CaseView view, String number) {
        if (number != null && !view.caseNumbers.contains(number)) {
            view.caseNumbers.add(number);
        }
    }
}
