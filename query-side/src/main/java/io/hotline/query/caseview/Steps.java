package io.hotline.query.caseview;

import io.hotline.kernel.cases.FeedbackChannel;
import io.hotline.kernel.cases.ReplyResult;
import io.hotline.kernel.cases.Satisfaction;
import io.hotline.kernel.common.Jurisdiction;

import java.time.Instant;
import java.util.List;

/** The small records a case view keeps about single steps: what was said or decided, by whom, when. */
public final class Steps {

    private Steps() {
    }

    /**
     * 异议 awaiting a decision: the hotline's coordinator decides one from the unit it dispatched to; below the first
     * level the unit that sent the case down decides ({@code decidedBy}; "HOTLINE" for the coordinator, and null
     * in a view stored before dispatch by level).
     */
    public record PendingObjection(String unit, String reason, ActedBy by, Instant at, String decidedBy) {
    }

    /** 延期申请 awaiting approval. */
    public record PendingExtension(String unit, int extraWorkingDays, String reason, ActedBy by, Instant at) {
    }

    /** 答复: the result given to the citizen, and whether it came within the completion deadline. */
    public record Reply(String unit, ReplyResult result, String text, boolean onTime, ActedBy by, Instant at) {
    }

    /** 回访评价. */
    public record Feedback(FeedbackChannel channel, Satisfaction satisfaction, boolean countsAsSatisfied,
                           boolean solved, String comment, ActedBy by, Instant at) {
    }

    /** 办理进展. */
    public record ProgressNote(String unit, String note, ActedBy by, Instant at) {
    }

    /** 补充材料: what was asked for; repeated marks a 一次性告知 violation. */
    public record MaterialRequest(String unit, List<String> items, boolean repeated, ActedBy by, Instant at) {
    }

    /** 挂牌督办. */
    public record Supervision(String note, ActedBy by, Instant at) {
    }

    /** 催办. */
    public record Urge(String unit, String note, ActedBy by, Instant at) {
    }

    /** Another case this one points to: the case it was merged into, or a repeated request merged into it. */
    public record LinkedCase(String caseId, String caseNumber, Instant at) {
    }

    /** How a case ended without dispatch or at the citizen's wish: the answer, the body named, the reason. */
    public record Ending(String how, Jurisdiction jurisdiction, String text, ActedBy by, Instant at) {
    }

    /** 派单 as decided: what the dispatch catalogue proposed and whether the operator chose otherwise. */
    public record Dispatch(String proposedUnit, boolean catalogueOverridden, ActedBy by, Instant at) {
    }

    /**
     * A level above the unit handling the case (分级派单): a unit that sent the case down ({@code toUnit}, with
     * {@code instructions}), kept with what it had when it did, its assisting units and its own clocks; its
     * completion clock runs on until the reply. {@code level} 1 is the unit the hotline dispatched to.
     */
    public record SentDown(int level, String unit, List<String> assistingUnits, DeadlineView signForDeadline,
                           DeadlineView completionDeadline, String toUnit, String instructions, ActedBy by,
                           Instant at) {

        SentDown withCompletion(DeadlineView completion) {
            return new SentDown(level, unit, assistingUnits, signForDeadline, completion, toUnit, instructions, by, at);
        }
    }

    /** 答复待审核 (办结审核): the reply a lower unit drafted, awaiting its sender's approval before the citizen hears it. */
    public record PendingReview(String unit, String reviewer, ReplyResult result, String text, boolean onTime,
                                ActedBy by, Instant at) {
    }

    /** 审核结果: the sender approved the draft (it went to the citizen) or returned it with a reason. */
    public record Review(String reviewer, String unit, boolean approved, String text, boolean onTime, ActedBy by,
                         Instant at) {
    }

    /** The knowledge article (and its published version, readable by number) an answer at intake was read from. */
    public record CitedArticle(String articleId, Integer version) {
    }
}
