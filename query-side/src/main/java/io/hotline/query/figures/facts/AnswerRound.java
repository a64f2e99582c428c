package io.hotline.query.figures.facts;

import io.hotline.kernel.cases.FeedbackChannel;

import io.hotline.kernel.cases.Satisfaction;

import java.time.Instant;
import java.util.Objects;

/**
 * One answer a case gets, with the work that led to it. A {@link Kind#HANDLING handling} round belongs to a
 * unit: it starts when the unit signs for the case (or when the case is reopened to it), runs against the
 * completion deadline in force (moved by approved extensions) and ends with the unit's reply. An
 * {@link Kind#AT_INTAKE intake} round is an answer the hotline gave on the spot (直接办结) or a redirection
 * (告知): it has no deadline and no handling time, but the citizen's evaluation of it counts like any other.
 * The call-back (回访) and a reopening (重办) are judgements of the answer, so they belong to the round.
 */
final class AnswerRound {

    enum Kind {
        HANDLING,
        AT_INTAKE
    }

    Kind kind;
    String unit;
    Instant startedAt;
    Instant due;
    int extensions;
    Instant missedAt;
    /** The due date the overdue declaration was about; an extension approved later moves the due and voids it. */
    Instant missedDue;
    Instant repliedAt;
    /** The aggregate's verdict at the reply: on time against the completion deadline in force. */
    Boolean replyOnTime;
    /** Working seconds from the start of the round to the reply; null when the start is unknown. */
    Long handlingSeconds;
    Instant feedbackAt;
    Satisfaction satisfaction;
    Boolean satisfied;
    Boolean solved;
    boolean reopened;
    /** How the evaluation came (电话/短信/网上/现场); null before one, or in facts stored before channels were kept. */
    FeedbackChannel feedbackChannel;
    /** Whether the answer invited an evaluation: a redirection (告知) does not. */
    boolean invites = true;
    /**
     * The unit sent the case down (下派) while this round ran: its clock runs on, and the round is settled by the
     * reply that finally reaches the citizen from below ({@link #settledAt}), which is not this unit's answer.
     */
    boolean forwarded;
    /** When a forwarded round was settled by the reply from below; its verdict is in {@link #replyOnTime}. */
    Instant settledAt;
    /** When the case left the unit before the round was settled (收回 from it): an unsettled round judges nobody. */
    Instant leftAt;
    /** 办结审核: when the unit's drafted reply went up for review; its verdict is in {@link #replyOnTime}. */
    Instant submittedAt;
    /** The unit reviewing the draft (the one that sent the case down). */
    String reviewer;
    /** When the reviewer approved or returned the draft. */
    Instant reviewedAt;
    /** The reviewer's verdict on its own time limit. */
    Boolean reviewOnTime;
    /** The draft was approved (true), returned (false) or is still waiting (null). */
    Boolean approved;
    /** The deadline watch declared the review overdue before the reviewer acted. */
    Instant reviewMissedAt;

    AnswerRound(Kind kind, String unit, Instant startedAt, Instant due) {
        this.kind = kind;
        this.unit = unit;
        this.startedAt = startedAt;
        this.due = due;
    }

    boolean replied() {
        return repliedAt != null;
    }

    boolean submitted() {
        return submittedAt != null;
    }

    /** Still running: a handling round with no reply, no draft up for review, not settled from below, not left. */
    boolean open() {
        return kind == Kind.HANDLING && !replied() && !submitted() && settledAt == null && leftAt == null;
    }

    /** A review of this round's draft was settled: approved, returned, or declared overdue first. */
    boolean reviewJudged() {
        return submitted() && (reviewedAt != null || reviewMissedAt != null);
    }

    Instant reviewJudgedAt() {
        return reviewMissedAt != null ? reviewMissedAt : reviewedAt;
    }

    boolean reviewedOnTime() {
        return reviewMissedAt == null && reviewedAt != null && Boolean.TRUE.equals(reviewOnTime);
    }

    /** Declared overdue against the deadline still in force. */
    boolean missed() {
        return missedAt != null && (missedDue == null || due == null || Objects.equals(missedDue, due));
    }

    /**
     * Only handling rounds have a deadline to be judged against: settled by the reply, by the draft going up for
     * review (the drafting unit's part ends there), by the reply from below (a forwarded round), or declared
     * overdue first.
     */
    boolean judged() {
        return kind == Kind.HANDLING && (replied() || submitted() || settledAt != null || missed());
    }

    Instant judgedAt() {
        if (missed()) {
            return missedAt;
        }
        return submitted() ? submittedAt : replied() ? repliedAt : settledAt;
    }

    boolean onTime() {
        return (replied() || submitted() || settledAt != null) && Boolean.TRUE.equals(replyOnTime);
    }

    boolean evaluated() {
        return feedbackAt != null;
    }

    AnswerRound copy() {
        AnswerRound copy = new AnswerRound(kind, unit, startedAt, due);
        copy.extensions = extensions;
        copy.missedAt = missedAt;
        copy.missedDue = missedDue;
        copy.repliedAt = repliedAt;
        copy.replyOnTime = replyOnTime;
        copy.handlingSeconds = handlingSeconds;
        copy.feedbackAt = feedbackAt;
        copy.satisfaction = satisfaction;
        copy.satisfied = satisfied;
        copy.solved = solved;
        copy.reopened = reopened;
        copy.feedbackChannel = feedbackChannel;
        copy.invites = invites;
        copy.forwarded = forwarded;
        copy.settledAt = settledAt;
        copy.leftAt = leftAt;
        copy.submittedAt = submittedAt;
        copy.reviewer = reviewer;
        copy.reviewedAt = reviewedAt;
        copy.reviewOnTime = reviewOnTime;
        copy.approved = approved;
        copy.reviewMissedAt = reviewMissedAt;
        return copy;
    }
}
