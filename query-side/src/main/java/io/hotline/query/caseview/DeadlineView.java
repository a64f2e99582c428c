package io.hotline.query.caseview;

import io.hotline.kernel.cases.Deadline;
import io.hotline.kernel.cases.DeadlineKind;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

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
}
