package io.hotline.query.open311;

import io.hotline.query.caseview.Steps;
import io.hotline.query.personal.FreeText;
import io.hotline.kernel.cases.CaseStatus;

/**
 * Our case states in GeoReport v2's two: {@code open} while the hotline or a unit still owes the citizen an
 * answer (registered, dispatched, in handling), {@code closed} once the citizen has it (replied, answered at
 * intake, closed) or the case ended otherwise (withdrawn, merged into another, redirected to another body). A
 * reopened case is {@code open} again, as the standard allows. {@code status_notes} carries the detailed state
 * in Chinese and English, and once a unit has replied, the reply itself: apps such as FixMyStreet show the notes to
 * the citizen as the update's text. The reply is published with phone- and ID-shaped numbers scrubbed
 * ({@link FreeText}), as the audit sentences are.
 */
final class Open311Status {

    private Open311Status() {
    }

    static String of(CaseStatus status) {
        return status == null || status.isOpen() ? "open" : "closed";
    }

    static String notes(CaseStatus status, Steps.Reply reply) {
        boolean answered = status == CaseStatus.REPLIED || status == CaseStatus.CLOSED;
        if (answered && reply != null && reply.text() != null && !reply.text().isBlank()) {
            return FreeText.scrubbed(reply.text());
        }
        if (status == null) {
            return "已受理 REGISTERED: received by the hotline";
        }
        return switch (status) {
            case REGISTERED -> "已受理 REGISTERED: received by the hotline, to be dispatched";
            case DISPATCHED -> "已派单 DISPATCHED: sent to the responsible unit, waiting for it to sign for it";
            case IN_HANDLING -> "办理中 IN_HANDLING: the responsible unit is working on it";
            case REPLIED -> "已答复 REPLIED: the unit has replied to the citizen; a call-back follows";
            case RESOLVED_AT_INTAKE -> "直接办结 RESOLVED_AT_INTAKE: answered by the hotline on the spot";
            case CLOSED -> "已归档 CLOSED: answered and archived";
            case WITHDRAWN -> "已撤回 WITHDRAWN: withdrawn at the citizen's request";
            case MERGED -> "已并单 MERGED: merged into an earlier request about the same matter";
            case REDIRECTED -> "已告知 REDIRECTED: another body's matter; the citizen was told where to take it";
        };
    }
}
