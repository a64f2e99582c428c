package io.hotline.query.inbox;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Urgency;
import io.hotline.query.caseview.Warning;

import java.time.Instant;

/** One line of a unit's inbox as shown: the stored entry plus its colour at the moment of reading. */
public record InboxItem(String caseId, String caseNumber, String title, CaseStatus status, InboxRole role,
                        Category category, Urgency urgency, DeadlineKind deadlineKind, Instant due, Instant warnAt,
                        Warning warning, boolean supervised, boolean objectionPending) {

    static InboxItem of(InboxEntry entry, Instant now) {
        return new InboxItem(entry.caseId(), entry.caseNumber(), entry.title(), entry.status(), entry.role(),
                entry.category(), entry.urgency(), entry.deadlineKind(), entry.due(), entry.warnAt(),
                colour(entry, now), entry.supervised(), entry.objectionPending());
    }

    /** Green until warnAt, yellow until due, red after; none without a pending deadline. */
    static Warning colour(InboxEntry entry, Instant now) {
        if (entry.due() == null) {
            return Warning.NONE;
        }
        if (!now.isBefore(entry.due())) {
            return Warning.RED;
        }
        if (entry.warnAt() != null && !now.isBefore(entry.warnAt())) {
            return Warning.YELLOW;
        }
        return Warning.GREEN;
    }
}
