package io.hotline.query.inbox;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.caseview.DeadlineView;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which units' inboxes a case belongs in, and as what. A case is on a unit's desk while it is dispatched or
 * in handling and the unit leads it, assists on it, or is accountable for it. Registered cases are the
 * hotline's own queue, not an inbox; replied and ended cases are off every desk.
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
        if (view.accountableUnit() != null) {
            entries.putIfAbsent(view.accountableUnit(), entry(view, InboxRole.ACCOUNTABLE));
        }
        return entries;
    }

    private static InboxEntry entry(CaseView view, InboxRole role) {
        Optional<DeadlineView> next = view.nextDeadline();
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
