package io.hotline.query.inbox;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Urgency;

import java.time.Instant;

/**
 * One open case in a unit's inbox (待办), with what the list shows and sorts by: its nearest pending
 * deadline. The colour is not stored; it is computed against the clock when the inbox is read.
 */
public record InboxEntry(String caseId, String caseNumber, String title, CaseStatus status, InboxRole role,
                         Category category, Urgency urgency, DeadlineKind deadlineKind, Instant due, Instant warnAt,
                         boolean supervised, boolean objectionPending) {
}
