package io.hotline.query.caseview;

import io.hotline.kernel.cases.CaseDispatchedDown;
import io.hotline.kernel.cases.CaseReopened;
import io.hotline.kernel.cases.CaseReplied;
import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.cases.CaseTakenBack;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.cases.ObjectionOverruled;
import io.hotline.kernel.cases.ReplyApproved;
import io.hotline.kernel.cases.ReplyReturned;
import io.hotline.kernel.cases.ReplySubmittedForReview;
import io.hotline.kernel.common.Actor;
import io.hotline.query.caseview.Steps.PendingReview;
import io.hotline.query.caseview.Steps.Review;
import io.hotline.query.caseview.Steps.SentDown;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What dispatch by level (分级派单) changes in a {@link CaseView}, beside {@link CaseViewEvents}: like those, no clock
 * and no randomness, so a replay gives the same document.
 * <p>
 * The view keeps the command side's picture: {@code above} holds each unit that sent the case down (the first
 * level first) with its assisting units and its own clocks, which run on; the lead, its assisting units and its
 * clocks are the level handling the case now. A unit that sends the case down stays accountable until the lower
 * unit signs for it ({@link CaseViewEvents#on(CaseView, io.hotline.kernel.cases.CaseSignedFor)} moves
 * accountability, as for a transfer); an objection from below is decided by the sender; a reply drafted below waits
 * for the sender's review, and the approval's CaseReplied is what reaches the citizen.
 */
public final class CaseViewLevels {

    private CaseViewLevels() {
    }

    public static void on(CaseView view, CaseDispatchedDown e) {
        List<String> assisting = e.assistingUnits() == null ? List.of()
                : e.assistingUnits().stream().filter(Objects::nonNull).filter(unit -> !unit.equals(e.toUnit()))
                .distinct().toList();
        view.above = mutable(view.above);
        view.above.add(new SentDown(e.level() - 1, e.fromUnit(), List.copyOf(view.assistingUnits),
                view.signForDeadline, view.completionDeadline, e.toUnit(), e.instructions(), ActedBy.of(e.actor()),
                e.at()));
        view.status = CaseStatus.DISPATCHED;
        view.leadUnit = e.toUnit();
        view.assistingUnits = new ArrayList<>(assisting);
        // the sender stays accountable until the lower unit signs (首问负责 across levels)
        view.transferPendingTo = null;
        view.pendingObjection = null;
        view.pendingExtension = null;
        view.signForDeadline = DeadlineView.of(e.signForDeadline(), e.toUnit());
        view.completionDeadline = null;
        CaseViewEvents.link(view, new ChainEntry(e.toUnit(), ChainRole.LEAD, ChainStep.DISPATCHED_DOWN, false,
                ActedBy.of(e.actor()), e.instructions(), e.at(), e.fromUnit(), e.level()));
        for (String unit : assisting) {
            CaseViewEvents.link(view, new ChainEntry(unit, ChainRole.ASSIST, ChainStep.DISPATCHED_DOWN, false,
                    ActedBy.of(e.actor()), e.instructions(), e.at(), e.fromUnit(), e.level()));
        }
    }

    /** 收回: the sender leads again with what it had when it sent the case down; its clocks as they ran on. */
    public static void on(CaseView view, CaseTakenBack e) {
        SentDown sender = view.above == null || view.above.isEmpty() ? null : view.above.remove(view.above.size() - 1);
        view.status = CaseStatus.IN_HANDLING;
        view.leadUnit = e.unit();
        view.accountableUnit = e.unit();
        view.transferPendingTo = null;
        view.pendingObjection = null;
        view.pendingExtension = null;
        view.pendingReview = null;
        view.assistingUnits = sender == null ? new ArrayList<>() : new ArrayList<>(sender.assistingUnits());
        view.signForDeadline = sender == null ? null : sender.signForDeadline();
        view.completionDeadline = sender != null && sender.completionDeadline() != null
                ? sender.completionDeadline() : DeadlineView.of(e.completionDeadline(), e.unit());
        CaseViewEvents.link(view, new ChainEntry(e.unit(), ChainRole.LEAD, ChainStep.TAKEN_BACK, true,
                ActedBy.of(e.actor()), e.reason(), e.at(), e.fromUnit(), level(view)));
    }

    /** 异议不予支持: the objecting unit keeps the case; not yet signed, it gets a fresh sign-for clock. */
    public static void on(CaseView view, ObjectionOverruled e) {
        view.pendingObjection = null;
        if (e.signForDeadline() != null) {
            view.signForDeadline = DeadlineView.of(e.signForDeadline(), e.unit());
        }
        CaseViewEvents.link(view, new ChainEntry(e.decidedBy(), ChainRole.SENDER, ChainStep.OBJECTION_OVERRULED,
                e.decidedBy().equals(view.accountableUnit), ActedBy.of(e.actor()), e.reason(), e.at(), e.unit(),
                level(view) - 1));
    }

    /** 答复待审核: the draft and the reviewer's clock; the drafting unit's own clock is judged by the draft's onTime. */
    public static void on(CaseView view, ReplySubmittedForReview e) {
        view.pendingReview = new PendingReview(e.unit(), e.reviewer(), e.result(), e.text(), e.onTime(),
                ActedBy.of(e.actor()), e.at());
        view.reviewDeadline = DeadlineView.of(e.reviewDeadline(), e.reviewer());
        view.pendingExtension = null;
        CaseViewEvents.link(view, new ChainEntry(e.unit(), ChainRole.LEAD, ChainStep.REPLY_DRAFTED,
                e.unit().equals(view.accountableUnit), ActedBy.of(e.actor()), null, e.at(), e.reviewer(),
                level(view)));
    }

    /** 审核退回: the lower unit goes on handling, its clock as it was. */
    public static void on(CaseView view, ReplyReturned e) {
        reviewed(view, new Review(e.reviewer(), e.unit(), false, e.reason(), e.onTime(), ActedBy.of(e.actor()), e.at()),
                ChainStep.REPLY_RETURNED, e.actor());
    }

    /** 审核通过: the CaseReplied that follows in the same commit carries the draft to the citizen. */
    public static void on(CaseView view, ReplyApproved e) {
        reviewed(view, new Review(e.reviewer(), e.unit(), true, e.comment(), e.onTime(), ActedBy.of(e.actor()), e.at()),
                ChainStep.REPLY_APPROVED, e.actor());
    }

    /** The reply ends every level's completion clock, the senders' included. */
    static void replied(CaseView view, CaseReplied e) {
        if (view.above == null) {
            return;
        }
        view.above.replaceAll(level -> level.completionDeadline() == null || level.completionDeadline().isDone()
                ? level : level.withCompletion(level.completionDeadline().done(e.at(),
                !e.at().isAfter(level.completionDeadline().due()))));
    }

    /** Reopened after a reply given below: back to the first-level unit, with the assisting units it had. */
    static void reopened(CaseView view, CaseReopened e) {
        if (view.above == null || view.above.isEmpty() || e.leadUnit() == null) {
            return;
        }
        view.assistingUnits = new ArrayList<>(view.above.get(0).assistingUnits());
        view.above = new ArrayList<>();
        view.pendingReview = null;
        view.pendingObjection = null;
    }

    /** The objection's decider: the unit that sent the case down, the hotline's coordinator at the first level. */
    static String decider(CaseView view) {
        String sender = view.sendingUnit();
        return sender == null ? CaseView.HOTLINE : sender;
    }

    /**
     * A warning or a miss about a clock of the levels: the reviewer's, or a sender's completion clock (matched by
     * unit too: a level below can share its sender's due moment). False when it is about the lead's own clocks.
     */
    static boolean marked(CaseView view, DeadlineKind kind, String unit, Instant due, UnaryOperator<DeadlineView> mark) {
        if (kind == DeadlineKind.REVIEW) {
            if (view.reviewDeadline != null && view.reviewDeadline.sameDue(due)) {
                view.reviewDeadline = mark.apply(view.reviewDeadline);
            }
            return true;
        }
        if (kind != DeadlineKind.COMPLETION || view.above == null || unit == null) {
            return false;
        }
        for (int i = 0; i < view.above.size(); i++) {
            SentDown level = view.above.get(i);
            DeadlineView clock = level.completionDeadline();
            if (unit.equals(level.unit()) && clock != null && clock.sameDue(due)) {
                view.above.set(i, level.withCompletion(mark.apply(clock)));
                return true;
            }
        }
        return false;
    }

    private static void reviewed(CaseView view, Review review, ChainStep step, Actor actor) {
        view.pendingReview = null;
        view.lastReview = review;
        if (view.reviewDeadline != null && !view.reviewDeadline.isDone()) {
            view.reviewDeadline = view.reviewDeadline.done(review.at(), review.onTime());
        }
        CaseViewEvents.link(view, new ChainEntry(review.reviewer(), ChainRole.SENDER, step,
                review.reviewer().equals(view.accountableUnit), ActedBy.of(actor), review.text(), review.at(),
                review.unit(), level(view) - 1));
    }

    /** The level of the unit leading the case now: 1 for the unit the hotline dispatched to. */
    private static int level(CaseView view) {
        return (view.above == null ? 0 : view.above.size()) + 1;
    }

    private static List<SentDown> mutable(List<SentDown> above) {
        return above == null ? new ArrayList<>() : above;
    }
}
