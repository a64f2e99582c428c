package io.hotline.query.web;

import io.hotline.kernel.access.Action;
import io.hotline.kernel.access.Permissions;
import io.hotline.kernel.access.UnitRule;
import io.hotline.kernel.common.Actor;

/**
 * What a reader may see, as the permission table's unit rule for {@link Action#READ_CASES} says: the hotline's
 * own staff (operators, coordinators, supervisors, auditors, admins) read every case; a unit handler reads only
 * the cases of their own unit: those it leads, assists, is accountable for, or ever was in the chain of. Outside that, a case does not exist for them: the answer is the same 404 as for
 * a missing case, so its existence is not revealed either.
 */
public record ReaderScope(Actor reader, boolean everything) {

    public static ReaderScope of(Actor reader) {
        return new ReaderScope(reader, Permissions.unitRule(reader.roles(), Action.READ_CASES)
                .filter(rule -> rule == UnitRule.ANY_UNIT).isPresent());
    }

    /**
     * Whether the reader may see who complained, masked: the hotline's own staff may; a unit handler may not,
     * because the unit may be the party complained about. The unmasked details are only ever shown through the
     * recorded reveal command.
     */
    public boolean mayKnowComplainant() {
        return everything;
    }

    /** The one unit a scoped reader is limited to; null for a reader who sees everything. */
    public String unit() {
        return everything ? null : reader.unitId();
    }

    /** The unit whose inbox to show: a scoped reader always gets their own, whatever they asked for. */
    public String inboxUnit(String requested) {
        return everything ? requested : reader.unitId();
    }
}
