package io.hotline.kernel.access;

/**
 * On which cases a role may take an action: the unit rule of the permission table. A unit sees and touches only
 * its own cases (首问负责, 承办单位); the hotline's own staff act on any.
 */
public enum UnitRule {
    /** Any case, whatever unit leads it. */
    ANY_UNIT,
    /** Only a case the person's own unit is or was in the chain of (leads, assists, is accountable for). */
    OWN_UNIT,
    /** Only a case the person's own unit leads or assists. */
    LEAD_OR_ASSISTING_UNIT,
    /** Only a case the person's own unit leads. */
    LEAD_UNIT,
    /**
     * Only a case the person's own unit sent down (下派) to the unit now leading it: the level above decides an
     * objection from below, takes the case back and reviews the reply drafted below.
     */
    SENDING_UNIT;

    /** Whether this rule lets a person act on more cases than {@code other}: the rules are listed widest first. */
    boolean widerThan(UnitRule other) {
        return ordinal() < other.ordinal();
    }
}
