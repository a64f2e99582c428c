package io.hotline.query.caseview;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.cases.Deadline;
import io.hotline.kernel.cases.DeadlineKind;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A deadline as recorded when its clock started, and what became of it: done (and whether on time), warned,
 * missed. The colour is not stored: {@link #warningAt} computes it for the reader's moment.
 */
public record DeadlineView(DeadlineKind kind, String unit, Instant startedAt, Instant warnAt, Instant due,
                           Instant doneAt, Boolean onTime, Instant warningRaisedAt, Instant missedAt) {

    public static DeadlineView of(Deadline deadline, String unit) {
        if (deadline == null) {
            return null;
        }
        return new DeadlineView(deadline.kind(), unit, deadline.startedAt(), deadline.warnAt(), deadline.due(),
                null, null, null, null);
    }

    public boolean isDone() {
        return doneAt != null;
    }

    public DeadlineView done(Instant at, boolean inTime) {
        return new DeadlineView(kind, unit, startedAt, warnAt, due, at, inTime, warningRaisedAt, missedAt);
    }

    public DeadlineView warned(Instant at) {
        return new DeadlineView(kind, unit, startedAt, warnAt, due, doneAt, onTime, at, missedAt);
    }

    public DeadlineView missed(Instant at) {
        return new DeadlineView(kind, unit, startedAt, warnAt, due, doneAt, onTime, warningRaisedAt, at);
    }

    /**
     * Whether a deadline event names this clock. Stored instants keep milliseconds only, so the comparison
     * does too; a warning about a deadline that has since been replaced (transfer, extension) matches nothing.
     */
    public boolean sameDue(Instant other) {
        return due != null && other != null
                && due.truncatedTo(ChronoUnit.MILLIS).equals(other.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The colour at {@code now} while the step is pending: yellow from warnAt, red from due. */
    public Warning warningAt(Instant now) {
        if (isDone() || due == null) {
            return Warning.NONE;
        }
        if (!now.isBefore(due)) {
            return Warning.RED;
        }
        if (warnAt != null && !now.isBefore(warnAt)) {
            return Warning.YELLOW;
        }
        return Warning.GREEN;
    }

    /**
     * The deadlines a step is still waiting on: none unless the case is with a unit (dispatched or in handling).
     * Shared by the stored view and the answer, so both judge a case's clocks alike.
     */
    static List<DeadlineView> pending(CaseStatus status, DeadlineView signFor, DeadlineView completion) {
        return pending(status, signFor, completion, null, List.of());
    }

    /**
     * The same with dispatch by level: the reviewer's clock while a draft waits, and the completion clock of each
     * unit above that sent the case down (it runs on until the reply). The lead's own clocks come first, and
     * {@code warningAt(kind)} reads the first of a kind.
     */
    static List<DeadlineView> pending(CaseStatus status, DeadlineView signFor, DeadlineView completion,
                                      DeadlineView review, List<DeadlineView> senders) {
        if (status != CaseStatus.DISPATCHED && status != CaseStatus.IN_HANDLING) {
            return List.of();
        }
        List<DeadlineView> pending = new ArrayList<>(2);
        if (signFor != null && !signFor.isDone()) {
            pending.add(signFor);
        }
        if (completion != null && !completion.isDone()) {
            pending.add(completion);
        }
        if (review != null && !review.isDone()) {
            pending.add(review);
        }
        for (DeadlineView sendersOwn : senders) {
            if (sendersOwn != null && !sendersOwn.isDone()) {
                pending.add(sendersOwn);
            }
        }
        return pending;
    }

    /** The pending deadline due first. */
    static Optional<DeadlineView> next(List<DeadlineView> pending) {
        return pending.stream().filter(deadline -> deadline.due() != null).min(Comparator.comparing(DeadlineView::due));
    }

    /** The worst colour among pending deadlines at {@code now}. */
    static Warning worstAt(List<DeadlineView> pending, Instant now) {
        return pending.stream().map(deadline -> deadline.warningAt(now)).reduce(Warning.NONE, Warning::worst);
    }

    /** The colour of the pending deadline of one clock at {@code now}. */
    static Warning at(List<DeadlineView> pending, DeadlineKind kind, Instant now) {
        return pending.stream().filter(deadline -> deadline.kind() == kind)
                .map(deadline -> deadline.warningAt(now)).findFirst().orElse(Warning.NONE);
    }
}
