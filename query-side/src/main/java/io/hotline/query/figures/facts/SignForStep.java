package io.hotline.query.figures.facts;

import java.time.Instant;

/**
 * One unit's duty to sign for a case (签收): it starts when the case is dispatched, transferred, re-dispatched
 * or designated to the unit and is settled by the first of its signing for the case or the deadline watch
 * declaring the step overdue (超期). A step the case left before either happened (transferred on before its
 * due) was never settled and judges nobody.
 */
final class SignForStep {

    String unit;
    Instant assignedAt;
    Instant due;
    Instant signedAt;
    /** The aggregate's verdict when the unit signed: on time against the deadline in force. */
    Boolean signedOnTime;
    Instant missedAt;
    /** When the case left the unit before it signed (收回 from it, never declared overdue): it judges nobody. */
    Instant leftAt;

    SignForStep(String unit, Instant assignedAt, Instant due) {
        this.unit = unit;
        this.assignedAt = assignedAt;
        this.due = due;
    }

    boolean signed() {
        return signedAt != null;
    }

    boolean missed() {
        return missedAt != null;
    }

    boolean judged() {
        return signed() || missed();
    }

    /** When the step was settled: the overdue declaration if it came first, else the signing. */
    Instant judgedAt() {
        return missed() ? missedAt : signedAt;
    }

    /** Signed for, and on time by the aggregate's verdict; a step still unsigned when judged is late. */
    boolean onTime() {
        return signed() && Boolean.TRUE.equals(signedOnTime);
    }

    SignForStep copy() {
        SignForStep copy = new SignForStep(unit, assignedAt, due);
        copy.signedAt = signedAt;
        copy.signedOnTime = signedOnTime;
        copy.missedAt = missedAt;
        copy.leftAt = leftAt;
        return copy;
    }
}
