package io.hotline.query.caseview;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Urgency;
import io.hotline.query.caseview.Steps.CitedArticle;
import io.hotline.query.caseview.Steps.Dispatch;
import io.hotline.query.caseview.Steps.Ending;
import io.hotline.query.caseview.Steps.Feedback;
import io.hotline.query.caseview.Steps.LinkedCase;
import io.hotline.query.caseview.Steps.MaterialRequest;
import io.hotline.query.caseview.Steps.PendingExtension;
import io.hotline.query.caseview.Steps.PendingObjection;
import io.hotline.query.caseview.Steps.PendingReview;
import io.hotline.query.caseview.Steps.Review;
import io.hotline.query.caseview.Steps.SentDown;
import io.hotline.query.caseview.Steps.ProgressNote;
import io.hotline.query.caseview.Steps.Reply;
import io.hotline.query.caseview.Steps.Supervision;
import io.hotline.query.caseview.Steps.Urge;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stored case view (document of {@code case_view}, one per case, {@code _id} = case id): the case as
 * operators, units and supervisors read it. Disposable: rebuilt from the event log at will, so it may be shaped
 * for reading. {@link CaseViewEvents} says what each event changes; readers get a {@link CaseDetails} made from
 * it, so a stored field can be renamed without changing what clients see.
 * <p>
 * {@code version} is the sequence number of the last event applied; the projection skips events at or below it.
 */
@Document(CaseView.COLLECTION)
public class CaseView {

    /** The base name of the collection; a rebuilt generation adds a suffix (see the read-model generations). */
    public static final String COLLECTION = "case_view";
    /** Who owns a case before dispatch. */
    public static final String HOTLINE = "HOTLINE";

    // Package-private: only CaseViewEvents writes them; everyone else reads through the accessors below.
    @Id
    String caseId;
    long version = -1;
    /**
     * Its place in the {@link CaseList}: this view was the n-th this generation of the read model made (from 1, in
     * log order). Null in a view made before the list existed, so a unique index over it skips such views.
     */
    Long listPosition;
    String caseNumber;
    /** Its own number and those of the repeated requests merged into it: a citizen's old number still finds it. */
    List<String> caseNumbers = new ArrayList<>();
    String requestId;
    CaseStatus status;
    Channel channel;
    Category category;
    Urgency urgency;
    String area;
    String title;
    String content;
    CitizenView citizen;
    ActedBy registeredBy;

    String leadUnit;
    List<String> assistingUnits = new ArrayList<>();
    String accountableUnit;
    /** The unit a transfer named, until it signs for the case (accountability still with the previous one). */
    String transferPendingTo;
    /** Lead, assisting, accountable and sending units now: what "cases of unit X" means in a search. */
    List<String> currentUnits = new ArrayList<>();
    /** Every unit ever in the chain: who may read the case. */
    List<String> involvedUnits = new ArrayList<>();
    List<ChainEntry> chain = new ArrayList<>();
    Dispatch dispatch;

    PendingObjection pendingObjection;
    PendingExtension pendingExtension;
    DeadlineView signForDeadline;
    DeadlineView completionDeadline;
    /** The units above the lead that sent the case down (分级派单), the first level first; empty at the first level. */
    List<SentDown> above = new ArrayList<>();
    /** A reply drafted below awaiting its sender's review (办结审核), the reviewer's clock, the last decision. */
    PendingReview pendingReview;
    DeadlineView reviewDeadline;
    Review lastReview;
    /** The nearest deadline still pending, copied out for search (overdue) and sorting. */
    DeadlineKind nextDeadlineKind;
    Instant nextDue;
    Instant nextWarnAt;

    Counters counters = new Counters();
    boolean supervised;
    Supervision supervision;
    Urge lastUrge;
    ProgressNote lastProgress;
    MaterialRequest lastMaterialRequest;
    Reply lastReply;
    Feedback lastFeedback;
    LinkedCase mergedInto;
    List<LinkedCase> repeatedRequests = new ArrayList<>();
    Ending ending;
    /** What the citizen was sent (件件有回音), latest outcome each, oldest first; whether their phone opted out. */
    List<CitizenNotice> notifications = new ArrayList<>();
    boolean citizenOptedOut;

    Instant registeredAt;
    Instant dispatchedAt;
    Instant signedForAt;
    Instant repliedAt;
    Instant endedAt;
    Instant updatedAt;
    /** The article an answer at intake came from; null when none was cited (and in views stored before it). */
    CitedArticle citedArticle;

    public CaseView() {
        // for the store's mapping
    }

    /** A view for a case whose registration this view has not seen (should not happen with a full log). */
    public static CaseView blank(String caseId) {
        CaseView view = new CaseView();
        view.caseId = caseId;
        return view;
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
        // the units that sent the case down answer for it to the level above until the reply
        above().forEach(level -> now.add(level.unit()));
        currentUnits = new ArrayList<>(now);
        Optional<DeadlineView> next = nextDeadline();
        nextDeadlineKind = next.map(DeadlineView::kind).orElse(null);
        nextDue = next.map(DeadlineView::due).orElse(null);
        nextWarnAt = next.map(DeadlineView::warnAt).orElse(null);
    }

    // ------------------------------------------------------------------ reading

    /** The deadlines a step is still waiting on: none unless the case is with a unit (dispatched or in handling). */
    public List<DeadlineView> pendingDeadlines() {
        return DeadlineView.pending(status, signForDeadline, completionDeadline, reviewDeadline,
                above().stream().map(SentDown::completionDeadline).toList());
    }

    public Optional<DeadlineView> nextDeadline() {
        return DeadlineView.next(pendingDeadlines());
    }

    /** The case's worst colour at {@code now}. */
    public Warning warningAt(Instant now) {
        return DeadlineView.worstAt(pendingDeadlines(), now);
    }

    /** The colour of one clock at {@code now}. */
    public Warning warningAt(DeadlineKind kind, Instant now) {
        return DeadlineView.at(pendingDeadlines(), kind, now);
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

    /** The units above the lead that sent the case down, the first level first. */
    public List<SentDown> above() {
        return above == null ? List.of() : List.copyOf(above);
    }

    /** The unit that sent the case down to the lead; null at the first level. */
    public String sendingUnit() {
        return above == null || above.isEmpty() ? null : above.get(above.size() - 1).unit();
    }

    public PendingReview pendingReview() {
        return pendingReview;
    }

    public DeadlineView reviewDeadline() {
        return reviewDeadline;
    }

    public Review lastReview() {
        return lastReview;
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

    public List<CitizenNotice> notifications() {
        return notifications == null ? List.of() : List.copyOf(notifications);
    }

    public boolean citizenOptedOut() {
        return citizenOptedOut;
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

    public CitedArticle citedArticle() {
        return citedArticle;
    }
}
