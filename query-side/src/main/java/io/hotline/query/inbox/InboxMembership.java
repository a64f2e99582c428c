package io.hotline.query.inbox;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.caseview.DeadlineView;
import io.hotline.query.caseview.Steps.SentDown;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which units' inboxes a case belongs in, and as what. A case is on a unit's desk while it is dispatched or
 * in handling and the unit leads it, assists on it, or is accountable for it, or sent it down (分级派单): the unit
 * that sent it down sees it as awaiting its decision (an objection from below), awaiting its review (a drafted
 * reply) or as sent down; the levels above that see it as sent down. Registered cases are the hotline's own
 * queue, not an inbox; replied and ended cases are off every desk. Each entry shows the nearest clock that binds
 * its unit.
 */
public final class InboxMembership {

    private InboxMembership() {
    }

    /** Unit code to the entry the case has in that unit's inbox; empty when the case is on no desk. */
    public static Map<String, InboxEntry> of(CaseView view) {
        Map<String, InboxEntry> entries = new LinkedHashMap<>();
        if (view == null || (view.status() != CaseStatus.DISPATCHED && view.status() != CaseStatus.IN_HANDLING)) {
            return entries;
        }
        if (view.leadUnit() != null) {
            entries.put(view.leadUnit(), entry(view, InboxRole.LEAD));
        }
        for (String unit : view.assistingUnits()) {
            entries.putIfAbsent(unit, entry(view, InboxRole.ASSIST));
        }
        String sender = view.sendingUnit();
        if (sender != null) {
            InboxRole role = view.pendingReview() != null ? InboxRole.REVIEW_REPLY
                    : view.pendingObjection() != null ? InboxRole.DECIDE_OBJECTION : InboxRole.SENT_DOWN;
            entries.putIfAbsent(sender, entry(view, sender, role));
        }
        for (SentDown level : view.above()) {
            entries.putIfAbsent(level.unit(), entry(view, level.unit(), InboxRole.SENT_DOWN));
        }
        if (view.accountableUnit() != null) {
            entries.putIfAbsent(view.accountableUnit(), entry(view, InboxRole.ACCOUNTABLE));
        }
        return entries;
    }

    private static InboxEntry entry(CaseView view, InboxRole role) {
        return entry(view, role == InboxRole.LEAD ? view.leadUnit() : null, role);
    }

    private static InboxEntry entry(CaseView view, String unit, InboxRole role) {
        // the unit's own nearest clock (the reviewer's for a draft, a sender's own completion); else the case's
        Optional<DeadlineView> next = unit == null ? view.nextDeadline()
                : view.pendingDeadlines().stream().filter(deadline -> unit.equals(deadline.unit()))
                .filter(deadline -> deadline.due() != null).min(Comparator.comparing(DeadlineView::due))
                .or(view::nextDeadline);
        return new InboxEntry(view.caseId(), view.caseNumber(), view.title(), view.status(), role, view.category(),
                view.urgency(), next.map(DeadlineView::kind).orElse(null),
                next.map(DeadlineView::due).map(InboxMembership::millis).orElse(null),
                next.map(DeadlineView::warnAt).map(InboxMembership::millis).orElse(null),
                view.supervised(), view.pendingObjection() != null);
    }

    /** Stored instants keep milliseconds; entries do too, so an unchanged entry compares equal to the stored one. */
    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
