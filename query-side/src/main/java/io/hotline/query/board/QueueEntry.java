package io.hotline.query.board;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.cases.ReplyResult;
import io.hotline.kernel.cases.Satisfaction;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Urgency;

import java.time.Instant;
import java.util.List;

/**
 * One case in a queue of the coordination board: what its row shows and what the console's actions decide their
 * buttons by (status, units, version, the pending objection or extension, the answer and its feedback), so the
 * board needs no further request per row. The fields are named as in the case view, so a row works wherever a
 * view does. Only the queue's own detail is filled in (the objection in {@link QueueName#OBJECTIONS}, ...), and
 * free texts are cut to a line or two ({@link QueueMembership#BRIEF}): the whole text is on the case page, and a
 * queue document holding many cases must stay small. No personal data of the citizen. The colour is not stored;
 * it is computed against the clock when the board is read.
 */
public record QueueEntry(String caseId, String caseNumber, String title, CaseStatus status, Category category,
                         Urgency urgency, String area, String leadUnit, List<String> assistingUnits,
                         String accountableUnit, Instant registeredAt, DeadlineKind nextDeadlineKind, Instant nextDue,
                         Instant nextWarnAt, boolean supervised, long version, Objection pendingObjection,
                         Extension pendingExtension, Reply lastReply, Feedback lastFeedback, Ending ending) {

    public QueueEntry {
        assistingUnits = assistingUnits == null ? List.of() : List.copyOf(assistingUnits);
    }

    /** Since when the citizen's answer awaits the call-back: the unit's reply, or the answer given at intake. */
    Instant answeredAt() {
        if (lastReply != null) {
            return lastReply.at();
        }
        return ending == null ? registeredAt : ending.at();
    }

    /** 异议 awaiting the hotline's decision. */
    public record Objection(String unit, String reason, Instant at) {
    }

    /** 延期申请 awaiting approval. */
    public record Extension(String unit, int extraWorkingDays, String reason, Instant at) {
    }

    /** The unit's answer to the citizen. */
    public record Reply(ReplyResult result, String text, Instant at) {
    }

    /** The citizen's verdict at the call-back; whether it counts as satisfied decides whether a reopen is offered. */
    public record Feedback(Satisfaction satisfaction, boolean countsAsSatisfied, Instant at) {
    }

    /** How the case was answered at intake. */
    public record Ending(String how, String text, Instant at) {
    }
}
