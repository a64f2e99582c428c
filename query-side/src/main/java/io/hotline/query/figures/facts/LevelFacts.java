package io.hotline.query.figures.facts;

import io.hotline.kernel.cases.CaseDispatchedDown;
import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.cases.CaseTakenBack;
import io.hotline.kernel.cases.ObjectionOverruled;
import io.hotline.kernel.cases.ReplyApproved;
import io.hotline.kernel.cases.ReplyReturned;
import io.hotline.kernel.cases.ReplySubmittedForReview;

import java.time.Instant;
import java.util.Optional;

import static io.hotline.query.figures.facts.CaseFacts.due;
import static io.hotline.query.figures.facts.CaseFacts.ms;
import static io.hotline.query.figures.facts.CaseFacts.unit;

/**
 * What dispatch by level (分级派单) adds to a case's {@link CaseFacts}; kept apart so the facts of a case stay readable.
 * Every level is judged on its own part, against its own limits:
 * <ul>
 *   <li>下派: the lower unit gets a sign-for step of its own; the sending unit's handling round runs on (its
 *       clock never stops) and is marked forwarded: it is settled by the reply that finally reaches the citizen,
 *       on time if that reply came by its own deadline;</li>
 *   <li>the lower unit's signing opens its handling round, against its own completion limit (as any sign-for);</li>
 *   <li>办结审核: the drafted reply settles the drafting unit's round (the aggregate's verdict on its own limit);
 *       the review is the reviewer's step, judged on the reviewer's limit (or declared overdue first); a returned
 *       draft is a round that did not pass review, and the rework is a new round of the same unit;</li>
 *   <li>the {@code CaseReplied} that follows an approval is the drafting unit's answer: evaluation and reopening
 *       belong to it;</li>
 *   <li>收回: the lower unit's unsettled step or round judges nobody; the sender's round is its own again.</li>
 * </ul>
 * Each handler is a function of the facts and the event, so replaying the log gives the same facts.
 */
public final class LevelFacts {

    private LevelFacts() {
    }

    public static void on(CaseFacts facts, CaseDispatchedDown event) {
        facts.openRoundOf(unit(event.fromUnit())).ifPresent(round -> round.forwarded = true);
        facts.assign(event.toUnit(), event.at(), event.signForDeadline());
    }

    public static void on(CaseFacts facts, CaseTakenBack event) {
        Instant at = ms(event.at());
        String lower = unit(event.fromUnit());
        facts.openStep().filter(step -> step.unit.equals(lower) && !step.missed()).ifPresent(step -> step.leftAt = at);
        facts.rounds.stream().filter(round -> round.open() && round.unit.equals(lower))
                .forEach(round -> round.leftAt = at);
        String sender = unit(event.unit());
        facts.openRoundOf(sender).ifPresent(round -> {
            round.forwarded = false;
            if (event.completionDeadline() != null) {
                round.due = due(event.completionDeadline());
            }
        });
        facts.leadUnit = sender;
        facts.status = CaseStatus.IN_HANDLING;
    }

    /** A fresh sign-for limit: the time the objection took was not the lower unit's, nor is a lateness in it. */
    public static void on(CaseFacts facts, ObjectionOverruled event) {
        if (event.signForDeadline() == null) {
            return;
        }
        facts.openStep().filter(step -> step.unit.equals(unit(event.unit()))).ifPresent(step -> {
            step.due = due(event.signForDeadline());
            step.missedAt = null;
        });
    }

    public static void on(CaseFacts facts, ReplySubmittedForReview event) {
        String unit = unit(event.unit());
        AnswerRound round = facts.openRoundOf(unit).orElseGet(() -> {
            AnswerRound unstarted = new AnswerRound(AnswerRound.Kind.HANDLING, unit, null, null);
            facts.rounds.add(unstarted);
            return unstarted;
        });
        round.submittedAt = ms(event.at());
        round.replyOnTime = event.onTime();
        round.reviewer = unit(event.reviewer());
    }

    public static void on(CaseFacts facts, ReplyApproved event) {
        pendingDraft(facts).ifPresent(draft -> review(draft, true, event.onTime(), event.at()));
    }

    /** The draft did not pass; the drafting unit works on against the same limit, in a new round. */
    public static void on(CaseFacts facts, ReplyReturned event) {
        pendingDraft(facts).ifPresent(draft -> {
            review(draft, false, event.onTime(), event.at());
            facts.rounds.add(new AnswerRound(AnswerRound.Kind.HANDLING, draft.unit, ms(event.at()), draft.due));
        });
    }

    /** The draft up for review now, if any: the last round submitted and not yet approved or returned. */
    static Optional<AnswerRound> pendingDraft(CaseFacts facts) {
        for (int i = facts.rounds.size() - 1; i >= 0; i--) {
            AnswerRound round = facts.rounds.get(i);
            if (round.submitted() && round.approved == null) {
                return Optional.of(round);
            }
        }
        return Optional.empty();
    }

    /** The unit's approved draft the citizen has not heard yet: what the reply after an approval answers with. */
    static Optional<AnswerRound> approvedDraft(CaseFacts facts, String unit) {
        for (int i = facts.rounds.size() - 1; i >= 0; i--) {
            AnswerRound round = facts.rounds.get(i);
            if (round.unit.equals(unit) && Boolean.TRUE.equals(round.approved) && !round.replied()) {
                return Optional.of(round);
            }
        }
        return Optional.empty();
    }

    /** The reply reached the citizen: every level above that sent the case down is settled by it. */
    static void settleForwarded(CaseFacts facts, Instant repliedAt) {
        facts.rounds.stream().filter(round -> round.open() && round.forwarded).forEach(round -> {
            round.settledAt = repliedAt;
            round.replyOnTime = round.due == null || !repliedAt.isAfter(round.due);
        });
    }

    private static void review(AnswerRound draft, boolean approved, boolean onTime, Instant at) {
        draft.approved = approved;
        draft.reviewedAt = ms(at);
        draft.reviewOnTime = onTime;
    }
}
