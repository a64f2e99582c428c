package io.hotline.query.web;

import io.hotline.kernel.access.Action;
import io.hotline.kernel.access.Permissions;
import io.hotline.kernel.access.UnitRule;
import io.hotline.kernel.common.Actor;

import java.util.Collection;
import java.util.Set;

/**
 * What a reader may see, as the permission table's unit rule for {@link Action#READ_CASES} says. The hotline's own
 * staff (operators, coordinators, supervisors, auditors, admins of the hotline) read every case. The same roles at a
 * district (or any unit of the directory other than the hotline) read the cases of that unit's subtree: every case
 * any unit under it was ever in the chain of. A unit handler reads only the cases of their own unit: those it leads,
 * assists, is accountable for, or ever was in the chain of. Outside that, a case does not exist for them: the answer
 * is the same 404 as for a missing case, so its existence is not revealed either. The command side applies the same
 * rule (command.cases.CaseAccess).
 *
 * @param subtree for a reader scoped to a subtree: the codes of its unit and every unit below it; else null
 */
public record ReaderScope(Actor reader, boolean everything, Set<String> subtree) {

    public ReaderScope {
        subtree = subtree == null ? null : Set.copyOf(subtree);
    }

    /** The scope of a reader, given the codes of their unit's subtree when their unit is a directory unit. */
    public static ReaderScope of(Actor reader, Set<String> unitSubtree) {
        boolean anyCase = Permissions.unitRule(reader.roles(), Action.READ_CASES)
                .filter(rule -> rule == UnitRule.ANY_UNIT).isPresent();
        if (!anyCase) {
            return new ReaderScope(reader, false, null);
        }
        return unitSubtree == null ? new ReaderScope(reader, true, null) : new ReaderScope(reader, false, unitSubtree);
    }

    /** The scope of a reader whose unit is not scoped to a subtree (the hotline's staff, a unit handler). */
    public static ReaderScope of(Actor reader) {
        return of(reader, null);
    }

    /**
     * Whether the reader may see who complained, masked: the hotline's and the districts' staff may; a unit handler
     * may not, because the unit may be the party complained about. The unmasked details are only ever shown through
     * the recorded reveal command.
     */
    public boolean mayKnowComplainant() {
        return everything || subtree != null;
    }

    /** The one unit a unit handler is limited to; null for a reader who sees everything or a subtree. */
    public String unit() {
        return everything || subtree != null ? null : reader.unitId();
    }

    /** The units a case must have involved to be visible: null for a reader who sees everything. */
    public Set<String> units() {
        if (everything) {
            return null;
        }
        return subtree != null ? subtree : Set.of(reader.unitId());
    }

    /** Whether a case that involved these units is visible to the reader. */
    public boolean sees(Collection<String> involvedUnits) {
        return everything || involvedUnits.stream().anyMatch(units()::contains);
    }

    /**
     * The unit whose inbox to show: the hotline's staff get the one they asked for, a district's staff any unit of
     * the subtree (their own otherwise), a unit handler always their own.
     */
    public String inboxUnit(String requested) {
        if (everything) {
            return requested;
        }
        if (subtree != null && requested != null && subtree.contains(requested)) {
            return requested;
        }
        return reader.unitId();
    }
}
