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
import io.hotline.query.caseview.Steps.ProgressNote;
import io.hotline.query.caseview.Steps.Reply;
import io.hotline.query.caseview.Steps.Supervision;
import io.hotline.query.caseview.Steps.Urge;

import java.time.Instant;
import java.util.List;

/**
 * A case as the API answers it: what a reader sees of the stored {@link CaseView}, made from it per answer. Its
 * own type so the stored document can change shape (a field renamed, one added for a search) without changing
 * what clients receive, and so a reader's copy (the complainant shown as this reader may see them) never
 * touches a stored view. The stored view's place in the case list is not shown.
 */
public record CaseDetails(
        // identity and request
        String caseId,
        long version,
        String caseNumber,
        List<String> caseNumbers,
        String requestId,
        CaseStatus status,
        Channel channel,
        Category category,
        Urgency urgency,
        String area,
        String title,
        String content,
        CitizenView citizen,
        ActedBy registeredBy,
        // responsibility
        String leadUnit,
        List<String> assistingUnits,
        String accountableUnit,
        String transferPendingTo,
        List<String> currentUnits,
        List<String> involvedUnits,
        List<ChainEntry> chain,
        Dispatch dispatch,
        // the levels (分级派单): the first-level unit, each unit below it, their clocks; empty before dispatch
        List<CaseLevel> levels,
        // what awaits a decision, and the clocks
        PendingObjection pendingObjection,
        PendingExtension pendingExtension,
        DeadlineView signForDeadline,
        DeadlineView completionDeadline,
        // 办结审核: a draft awaiting the sender's review, the reviewer's clock, the last decision on a draft
        PendingReview pendingReview,
        DeadlineView reviewDeadline,
        Review lastReview,
        DeadlineKind nextDeadlineKind,
        Instant nextDue,
        Instant nextWarnAt,
        // steps
        Counters counters,
        boolean supervised,
        Supervision supervision,
        Urge lastUrge,
        ProgressNote lastProgress,
        MaterialRequest lastMaterialRequest,
        Reply lastReply,
        Feedback lastFeedback,
        LinkedCase mergedInto,
        List<LinkedCase> repeatedRequests,
        Ending ending,
        // moments
        Instant registeredAt,
        Instant dispatchedAt,
        Instant signedForAt,
        Instant repliedAt,
        Instant endedAt,
        Instant updatedAt,
        // what the citizen was sent, and whether they opted out
        List<CitizenNotice> notifications,
        boolean citizenOptedOut,
        // the knowledge article an answer at intake was read from (null: none cited)
        CitedArticle citedArticle) {

    /** What {@code view} shows, with the complainant as one reader may see them (see {@link CitizenView#shownTo}). */
    public static CaseDetails of(CaseView view, CitizenView citizen) {
        return new CaseDetails(view.caseId,
                view.version,
                view.caseNumber,
                copy(view.caseNumbers),
                view.requestId,
                view.status,
                view.channel,
                view.category,
                view.urgency,
                view.area,
                view.title,
                view.content,
                citizen,
                view.registeredBy,
                view.leadUnit,
                copy(view.assistingUnits),
                view.accountableUnit,
                view.transferPendingTo,
                copy(view.currentUnits),
                copy(view.involvedUnits),
                copy(view.chain),
                view.dispatch,
                CaseLevel.of(view),
                view.pendingObjection,
                view.pendingExtension,
                view.signForDeadline,
                view.completionDeadline,
                view.pendingReview,
                view.reviewDeadline,
                view.lastReview,
                view.nextDeadlineKind,
                view.nextDue,
                view.nextWarnAt,
                view.counters,
                view.supervised,
                view.supervision,
                view.lastUrge,
                view.lastProgress,
                view.lastMaterialRequest,
                view.lastReply,
                view.lastFeedback,
                view.mergedInto,
                copy(view.repeatedRequests),
                view.ending,
                view.registeredAt,
                view.dispatchedAt,
                view.signedForAt,
                view.repliedAt,
                view.endedAt,
                view.updatedAt,
                view.notifications(),
                view.citizenOptedOut,
                view.citedArticle);
    }

    /** What {@code view} shows, the complainant as stored (the phone hash is never serialized). */
    public static CaseDetails of(CaseView view) {
        return of(view, view.citizen);
    }

    /** A list as stored, copied so the answer never shares a stored view's mutable list; null stays null. */
    private static <T> List<T> copy(List<T> stored) {
        return stored == null ? null : List.copyOf(stored);
    }

    /** The deadlines a step is still waiting on. */
    List<DeadlineView> pendingDeadlines() {
        // the senders' own completion clocks run on (levels above the one handling the case)
        return DeadlineView.pending(status, signForDeadline, completionDeadline, reviewDeadline,
                levels.stream().filter(level -> !level.handling()).map(CaseLevel::completionDeadline).toList());
    }
}
