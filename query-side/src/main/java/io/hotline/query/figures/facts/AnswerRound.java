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

    AnswerRound(Kind kind, String unit, Instant startedAt, Instant due) {
        this.kind = kind;
        this.unit = unit;
        this.startedAt = startedAt;
        this.due = due;
    }

    boolean replied() {
        return repliedAt != null;
    }

    /** Declared overdue against the deadline still in force. */
    boolean missed() {
        return missedAt != null && (missedDue == null || due == null || Objects.equals(missedDue, due));
    }

    /** Only handling rounds have a deadline to be judged against. */
    boolean judged() {
        return kind == Kind.HANDLING && (replied() || missed());
    }

    Instant judgedAt() {
        return missed() ? missedAt : repliedAt;
    }

    boolean onTime() {
        return replied() && Boolean.TRUE.equals(replyOnTime);
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
        return copy;
    }
}
