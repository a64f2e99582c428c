package io.hotline.query.caseview;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
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
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The case as operators, units and supervisors read it (document of {@code case_view}, one per case,
 * {@code _id} = case id). Disposable: rebuilt from the event log at will, so it may be shaped for reading.
 * <p>
 * Each {@code on(...)} method says what one event changes. They hold no clock and no randomness: the same
 * events always give the same document, which is what lets a rebuild be compared with the live view, and a
 * replay change nothing. {@code version} is the sequence number of the last event applied; the projection
 * skips events at or below it.
 * <p>
 * Accountability (首问负责): the hotline until dispatch; then the lead unit. An objection changes nothing; a
 * re-dispatch or a designation moves lead and accountability together; a transfer moves the lead at once and
 * accountability only when the new lead signs for the case, so there is never a moment without an owner.
 */
@Document(CaseView.COLLECTION)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CaseView {

    /** The base name of the collection; a rebuilt generation adds a suffix (see the read-model generations). */
    public static final String COLLECTION = "case_view";
    /** Who owns a case before dispatch. */
    public static final String HOTLINE = "HOTLINE";

    @Id
    private String caseId;
    private long version = -1;
    /**
     * Its place in the {@link CaseList}: this view was the n-th this generation of the read model made (from 1, in
     * log order). Null in a view made before the list existed, so a unique index over it skips such views.
     */
    @JsonIgnore
    private Long listPosition;
    private String caseNumber;
    /** Its own number and those of the repeated requests merged into it: a citizen's old number still finds it. */
    private List<String> caseNumbers = new ArrayList<>();
    private String requestId;
    private CaseStatus status;
    private Channel channel;
    private Category category;
    private Urgency urgency;
    private String area;
    private String title;
    private String content;
    private CitizenView citizen;
    private ActedBy registeredBy;

    private String leadUnit;
    private List<String> assistingUnits = new ArrayList<>();
    private String accountableUnit;
    /** The unit a transfer named, until it signs for the case (accountability still with the previous one). */
    private String transferPendingTo;
    /** Lead, assisting and accountable units now: what "cases of unit X" means in a search. */
    private List<String> currentUnits = new ArrayList<>();
    /** Every unit ever in the chain: who may read the case. */
    private List<String> involvedUnits = new ArrayList<>();
    private List<ChainEntry> chain = new ArrayList<>();
    private Dispatch dispatch;

    private PendingObjection pendingObjection;
    private PendingExtension pendingExtension;
    private DeadlineView signForDeadline;
    private DeadlineView completionDeadline;
    /** The nearest deadline still pending, copied out for search (overdue) and sorting. */
    private DeadlineKind nextDeadlineKind;
    private Instant nextDue;
    private Instant nextWarnAt;

    private Counters counters = new Counters();
    private boolean supervised;
    private Supervision supervision;
    private Urge lastUrge;
    private ProgressNote lastProgress;
    private MaterialRequest lastMaterialRequest;
    private Reply lastReply;
    private Feedback lastFeedback;
    private LinkedCase mergedInto;
    private List<LinkedCase> repeatedRequests = new ArrayList<>();
    private Ending ending;

    private Instant registeredAt;
    private Instant dispatchedAt;
    private Instant signedForAt;
    private Instant repliedAt;
    private Instant endedAt;
    private Instant updatedAt;

    public CaseView() {
        // for the store's mapping
    }

    /** A view for a case whose registration this view has not seen (should not happen with a full log). */
    public static CaseView blank(String caseId) {
        CaseView view = new CaseView();
        view.caseId = caseId;
        return view;
    }

    // ------------------------------------------------------------------ events

    public void on(CaseRegistered e, CitizenView citizenView) {
        caseId = e.caseId();
        caseNumber = e.caseNumber();
        addNumber(e.caseNumber());
        requestId = e.requestId();
        status = CaseStatus.REGISTERED;
        channel = e.channel();
        category = e.category();
        urgency = e.urgency();
        area = e.area();
        title = e.title();
        content = e.content();
        citizen = citizenView;
        registeredBy = ActedBy.of(e.actor());
        registeredAt = e.registeredAt();
        accountableUnit = HOTLINE;
        link(HOTLINE, ChainRole.INTAKE, ChainStep.REGISTERED, true, e.actor(), null, e.registeredAt());
    }

    /** The citizen's personal data were erased: the view keeps the case and forgets the person. */
    public void on(PersonalDataErased e) {
        if (citizen != null) {
            citizen = CitizenView.ERASED;
        }
    }

    /**
     * Puts in the citizen as one reader may see them ({@link CitizenView#shownTo}). Only for a view read for one
     * answer: a view changed this way is never stored.
     */
    public CaseView showCitizenAs(CitizenView shown) {
        citizen = shown;
        return this;
    }

    public void on(CaseResolvedAtIntake e) {
        end(CaseStatus.RESOLVED_AT_INTAKE, new Ending("RESOLVED_AT_INTAKE", null, e.answer(), ActedBy.of(e.actor()),
                e.at()), e.at());
    }

    public void on(CaseRedirected e) {
        end(CaseStatus.REDIRECTED, new Ending("REDIRECTED", e.jurisdiction(), e.explanation(), ActedBy.of(e.actor()),
                e.at()), e.at());
    }

    public void on(CaseMerged e) {
        mergedInto = new LinkedCase(e.intoCaseId(), e.intoCaseNumber(), e.at());
        end(CaseStatus.MERGED, new Ending("MERGED", null, e.intoCaseNumber(), ActedBy.of(e.actor()), e.at()), e.at());
    }

    public void on(RepeatedRequestLinked e) {
        addNumber(e.repeatedCaseNumber());
        if (repeatedRequests.stream().noneMatch(linked -> linked.caseId().equals(e.repeatedCaseId()))) {
            repeatedRequests.add(new LinkedCase(e.repeatedCaseId(), e.repeatedCaseNumber(), e.at()));
        }
    }

    public void on(CaseDispatched e) {
        status = CaseStatus.DISPATCHED;
        dispatch = new Dispatch(e.proposedUnit(), e.catalogueOverridden(), ActedBy.of(e.actor()), e.at());
        dispatchedAt = e.at();
        handOver(e.leadUnit(), e.assistingUnits(), ChainStep.DISPATCHED, e.actor(), null, e.at());
        signForDeadline = DeadlineView.of(e.signForDeadline(), e.leadUnit());
        completionDeadline = null;
    }

    /**
     * The lead's sign-for starts handling and the completion clock, and makes the lead accountable (which is what
     * completes a transfer). An assisting unit's sign-for, should one come, is only recorded in the chain.
     */
    public void on(CaseSignedFor e) {
        if (!e.unit().equals(leadUnit)) {
            link(e.unit(), roleOf(e.unit()), ChainStep.SIGNED, false, e.actor(), null, e.at());
            return;
        }
        status = CaseStatus.IN_HANDLING;
        signedForAt = e.at();
        if (signForDeadline != null && !signForDeadline.isDone()) {
            signForDeadline = signForDeadline.done(e.at(), e.signedOnTime());
        }
        completionDeadline = DeadlineView.of(e.completionDeadline(), e.unit());
        accountableUnit = e.unit();
        transferPendingTo = null;
        link(e.unit(), ChainRole.LEAD, ChainStep.SIGNED, true, e.actor(), null, e.at());
    }

    public void on(JurisdictionObjected e) {
        pendingObjection = new PendingObjection(e.unit(), e.reason(), ActedBy.of(e.actor()), e.at());
        counters.objections++;
        link(e.unit(), roleOf(e.unit()), ChainStep.OBJECTED, e.unit().equals(accountableUnit), e.actor(), e.reason(),
                e.at());
    }

    public void on(CaseRedispatched e) {
        counters.redispatches++;
        status = CaseStatus.DISPATCHED;
        handOver(e.leadUnit(), e.assistingUnits(), ChainStep.REDISPATCHED, e.actor(), e.reason(), e.at());
        signForDeadline = DeadlineView.of(e.signForDeadline(), e.leadUnit());
        completionDeadline = null;
    }

    public void on(LeadUnitDesignated e) {
        counters.designations++;
        DeadlineView completionKept = completionDeadline;
        CaseStatus statusKept = status;
        handOver(e.leadUnit(), e.assistingUnits(), ChainStep.DESIGNATED, e.actor(), e.reason(), e.at());
        if (e.signForDeadline() == null) {
            // The coordinator confirmed the unit that had already signed for the case: its clock runs on.
            status = statusKept;
            completionDeadline = completionKept;
        } else {
            status = CaseStatus.DISPATCHED;
            signForDeadline = DeadlineView.of(e.signForDeadline(), e.leadUnit());
            completionDeadline = null;
        }
    }

    public void on(CaseTransferred e) {
        counters.transfers++;
        status = CaseStatus.DISPATCHED;
        leadUnit = e.toUnit();
        assistingUnits.remove(e.toUnit());
        transferPendingTo = e.toUnit();
        signForDeadline = DeadlineView.of(e.signForDeadline(), e.toUnit());
        completionDeadline = null;
        link(e.toUnit(), ChainRole.LEAD, ChainStep.TRANSFERRED, e.toUnit().equals(accountableUnit), e.actor(),
                e.reason(), e.at());
    }

    public void on(ProgressRecorded e) {
        counters.progressNotes++;
        lastProgress = new ProgressNote(e.unit(), e.note(), ActedBy.of(e.actor()), e.at());
    }

    public void on(MaterialsRequested e) {
        counters.materialRequests++;
        if (e.repeated()) {
            counters.materialRequestViolations++;
        }
        lastMaterialRequest = new MaterialRequest(e.unit(), e.items() == null ? List.of() : List.copyOf(e.items()),
                e.repeated(), ActedBy.of(e.actor()), e.at());
    }

    public void on(ExtensionRequested e) {
        counters.extensionRequests++;
        pendingExtension = new PendingExtension(e.unit(), e.extraWorkingDays(), e.reason(), ActedBy.of(e.actor()),
                e.at());
    }

    public void on(ExtensionApproved e) {
        counters.extensions++;
        String unit = completionDeadline != null && completionDeadline.unit() != null
                ? completionDeadline.unit() : leadUnit;
        completionDeadline = DeadlineView.of(e.completionDeadline(), unit);
        pendingExtension = null;
    }

    public void on(ExtensionRejected e) {
        counters.extensionRejections++;
        pendingExtension = null;
    }

    public void on(CaseReplied e) {
        status = CaseStatus.REPLIED;
        repliedAt = e.at();
        lastReply = new Reply(e.unit(), e.result(), e.text(), e.onTime(), ActedBy.of(e.actor()), e.at());
        if (completionDeadline != null && !completionDeadline.isDone()) {
            completionDeadline = completionDeadline.done(e.at(), e.onTime());
        }
        pendingExtension = null;
    }

    public void on(FeedbackRecorded e) {
        lastFeedback = new Feedback(e.channel(), e.satisfaction(), e.countsAsSatisfied(), e.solved(), e.comment(),
                ActedBy.of(e.actor()), e.at());
    }

    public void on(CaseReopened e) {
        counters.reopens++;
        if (e.leadUnit() == null) {
            // An answer given at intake, reopened: back to the hotline, to be dispatched.
            status = CaseStatus.REGISTERED;
            accountableUnit = "HOTLINE";
            transferPendingTo = null;
            link("HOTLINE", ChainRole.LEAD, ChainStep.REOPENED, true, e.actor(), e.reason(), e.at());
            return;
        }
        status = CaseStatus.IN_HANDLING;
        leadUnit = e.leadUnit();
        accountableUnit = e.leadUnit();
        transferPendingTo = null;
        completionDeadline = DeadlineView.of(e.completionDeadline(), e.leadUnit());
        link(e.leadUnit(), ChainRole.LEAD, ChainStep.REOPENED, true, e.actor(), e.reason(), e.at());
    }

    public void on(SupervisionStarted e) {
        supervised = true;
        supervision = new Supervision(e.note(), ActedBy.of(e.actor()), e.at());
    }

    public void on(CaseUrged e) {
        counters.urges++;
        lastUrge = new Urge(e.unit(), e.note(), ActedBy.of(e.actor()), e.at());
    }

    public void on(CaseClosed e) {
        end(CaseStatus.CLOSED, null, e.at());
    }

    public void on(CaseWithdrawn e) {
        end(CaseStatus.WITHDRAWN, new Ending("WITHDRAWN", null, e.reason(), ActedBy.of(e.actor()), e.at()), e.at());
    }

    public void on(DeadlineWarningRaised e) {
        if (e.kind() == DeadlineKind.SIGN_FOR && signForDeadline != null && signForDeadline.sameDue(e.due())) {
            signForDeadline = signForDeadline.warned(e.at());
        } else if (e.kind() == DeadlineKind.COMPLETION && completionDeadline != null
                && completionDeadline.sameDue(e.due())) {
            completionDeadline = completionDeadline.warned(e.at());
        }
    }

    public void on(DeadlineMissed e) {
        counters.deadlinesMissed++;
        if (e.kind() == DeadlineKind.SIGN_FOR && signForDeadline != null && signForDeadline.sameDue(e.due())) {
            signForDeadline = signForDeadline.missed(e.at());
        } else if (e.kind() == DeadlineKind.COMPLETION && completionDeadline != null
                && completionDeadline.sameDue(e.due())) {
            completionDeadline = completionDeadline.missed(e.at());
        }
    }

    /** Marks the event at {@code sequence} applied and refreshes what is derived from the rest. */
    public void applied(long sequence, Instant at) {
        version = sequence;
        if (at != null) {
            updatedAt = at;
        }
        Set<String> now = new LinkedHashSet<>();
        if (leadUnit != null) {
            now.add(leadUnit);
        }
        now.addAll(assistingUnits);
        if (accountableUnit != null) {
            now.add(accountableUnit);
        }
        currentUnits = new ArrayList<>(now);
        Optional<DeadlineView> next = nextDeadline();
        nextDeadlineKind = next.map(DeadlineView::kind).orElse(null);
        nextDue = next.map(DeadlineView::due).orElse(null);
        nextWarnAt = next.map(DeadlineView::warnAt).orElse(null);
    }

    // ------------------------------------------------------------------ reading

    /** The deadlines a step is still waiting on: none unless the case is with a unit (dispatched or in handling). */
    public List<DeadlineView> pendingDeadlines() {
        if (status != CaseStatus.DISPATCHED && status != CaseStatus.IN_HANDLING) {
            return List.of();
        }
        List<DeadlineView> pending = new ArrayList<>(2);
        if (signForDeadline != null && !signForDeadline.isDone()) {
            pending.add(signForDeadline);
        }
        if (completionDeadline != null && !completionDeadline.isDone()) {
            pending.add(completionDeadline);
        }
        return pending;
    }

    public Optional<DeadlineView> nextDeadline() {
        return pendingDeadlines().stream()
                .filter(deadline -> deadline.due() != null)
                .min(Comparator.comparing(DeadlineView::due));
    }

    /** The case's worst colour at {@code now}, and per clock. */
    public Warning warningAt(Instant now) {
        return pendingDeadlines().stream().map(deadline -> deadline.warningAt(now))
                .reduce(Warning.NONE, Warning::worst);
    }

    public Warning warningAt(DeadlineKind kind, Instant now) {
        return pendingDeadlines().stream().filter(deadline -> deadline.kind() == kind)
                .map(deadline -> deadline.warningAt(now)).findFirst().orElse(Warning.NONE);
    }

    /** Whether the unit leads, assists, is accountable for, or ever was in the chain of this case. */
    public boolean concerns(String unit) {
        return unit != null && (involvedUnits.contains(unit) || currentUnits.contains(unit)
                || unit.equals(leadUnit) || unit.equals(accountableUnit) || assistingUnits.contains(unit));
    }

    public String caseId() {
        return caseId;
    }

    public long version() {
        return version;
    }

    /** Its place in the case list; null when the view predates the list. */
    public Long listPosition() {
        return listPosition;
    }

    /** Puts a new view at the end of the case list, whose newest place this is. */
    public void listAt(long position) {
        listPosition = position;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public List<String> caseNumbers() {
        return List.copyOf(caseNumbers);
    }

    public CaseStatus status() {
        return status;
    }

    public Channel channel() {
        return channel;
    }

    public Category category() {
        return category;
    }

    public Urgency urgency() {
        return urgency;
    }

    public String area() {
        return area;
    }

    public String title() {
        return title;
    }

    public String content() {
        return content;
    }

    public CitizenView citizen() {
        return citizen;
    }

    public String leadUnit() {
        return leadUnit;
    }

    public List<String> assistingUnits() {
        return List.copyOf(assistingUnits);
    }

    public String accountableUnit() {
        return accountableUnit;
    }

    public String transferPendingTo() {
        return transferPendingTo;
    }

    public List<String> currentUnits() {
        return List.copyOf(currentUnits);
    }

    public List<String> involvedUnits() {
        return List.copyOf(involvedUnits);
    }

    public List<ChainEntry> chain() {
        return List.copyOf(chain);
    }

    public PendingObjection pendingObjection() {
        return pendingObjection;
    }

    public PendingExtension pendingExtension() {
        return pendingExtension;
    }

    public DeadlineView signForDeadline() {
        return signForDeadline;
    }

    public DeadlineView completionDeadline() {
        return completionDeadline;
    }

    public Instant nextDue() {
        return nextDue;
    }

    public Counters counters() {
        return counters;
    }

    public boolean supervised() {
        return supervised;
    }

    public Reply lastReply() {
        return lastReply;
    }

    public Feedback lastFeedback() {
        return lastFeedback;
    }

    public ProgressNote lastProgress() {
        return lastProgress;
    }

    public MaterialRequest lastMaterialRequest() {
        return lastMaterialRequest;
    }

    public Urge lastUrge() {
        return lastUrge;
    }

    public Supervision supervision() {
        return supervision;
    }

    public LinkedCase mergedInto() {
        return mergedInto;
    }

    public List<LinkedCase> repeatedRequests() {
        return List.copyOf(repeatedRequests);
    }

    public Ending ending() {
        return ending;
    }

    public Dispatch dispatch() {
        return dispatch;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant dispatchedAt() {
        return dispatchedAt;
    }

    public Instant signedForAt() {
        return signedForAt;
    }

    public Instant repliedAt() {
        return repliedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    // ------------------------------------------------------------------ helpers

    /** Lead and assisting units replaced, the new lead accountable at once (dispatch, re-dispatch, designation). */
    private void handOver(String lead, List<String> assisting, ChainStep step, Actor actor, String reason,
                          Instant at) {
        leadUnit = lead;
        assistingUnits = assisting == null ? new ArrayList<>()
                : new ArrayList<>(assisting.stream().filter(Objects::nonNull).filter(unit -> !unit.equals(lead))
                .distinct().toList());
        accountableUnit = lead;
        transferPendingTo = null;
        pendingObjection = null;
        link(lead, ChainRole.LEAD, step, true, actor, reason, at);
        for (String assisting1 : assistingUnits) {
            link(assisting1, ChainRole.ASSIST, step, false, actor, reason, at);
        }
    }

    private void end(CaseStatus ended, Ending how, Instant at) {
        status = ended;
        if (how != null) {
            ending = how;
        }
        endedAt = at;
        pendingObjection = null;
        pendingExtension = null;
    }

    private ChainRole roleOf(String unit) {
        if (unit.equals(leadUnit)) {
            return ChainRole.LEAD;
        }
        if (assistingUnits.contains(unit)) {
            return ChainRole.ASSIST;
        }
        return HOTLINE.equals(unit) ? ChainRole.INTAKE : ChainRole.LEAD;
    }

    private void link(String unit, ChainRole role, ChainStep step, boolean accountable, Actor actor, String reason,
                      Instant at) {
        chain.add(new ChainEntry(unit, role, step, accountable, ActedBy.of(actor), reason, at));
        if (!involvedUnits.contains(unit)) {
            involvedUnits.add(unit);
        }
    }

    private void addNumber(String number) {
        if (number != null && !caseNumbers.contains(number)) {
            caseNumbers.add(number);
        }
    }
}
