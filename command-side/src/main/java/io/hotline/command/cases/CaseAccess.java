package io.hotline.command.cases;

import io.hotline.kernel.access.Action;
import io.hotline.kernel.access.Permissions;
import io.hotline.kernel.access.UnitRule;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.units.UnitKind;

/**
 * Who may act on a case: the permission table ({@link Permissions}) with the case in hand. The actor's roles must
 * allow the action, and its unit rule must hold: a unit handler touches the cases its unit leads (or assists, or sent
 * down, as the rule says). A rule that allows any case means any case <em>in the actor's sight</em>: a coordinator,
 * supervisor or operator of a district (or of any unit of the directory other than the hotline) acts only on cases
 * its subtree has been involved in; the hotline's own staff, and people of units the directory does not list, act on
 * every case. The unit is checked before anything about the case's state, so a refusal reveals nothing, and a case
 * out of sight is refused exactly as a missing one.
 */
final class CaseAccess {

    private CaseAccess() {
    }

    static void permit(CaseState state, Actor actor, Action action) {
        permitRole(actor, action, state.caseId);
        UnitRule rule = Permissions.unitRule(actor.roles(), action).orElseThrow();
        boolean ownCase = switch (rule) {
            case ANY_UNIT -> inSubtree(state, actor);
            // OWN_UNIT governs reading only, which the read side scopes; no command carries it
            case OWN_UNIT -> true;
            case LEAD_UNIT -> state.leadUnit != null && actor.actsFor(state.leadUnit);
            case LEAD_OR_ASSISTING_UNIT -> actor.actsFor(state.leadUnit)
                    || state.assistingUnits.contains(actor.unitId());
            case SENDING_UNIT -> state.sendingUnit() != null && actor.actsFor(state.sendingUnit());
        };
        if (!ownCase) {
            // a unit that cannot read the case is told what a missing case tells it: nothing
            boolean seesTheCase = Permissions.unitRule(actor.roles(), Action.READ_CASES)
                    .map(read -> read == UnitRule.ANY_UNIT).orElse(false) && inSubtree(state, actor)
                    || state.unitsInvolved.contains(actor.unitId());
            throw state.violation(seesTheCase ? Rejection.NOT_YOUR_CASE : Rejection.OUT_OF_SIGHT);
        }
    }

    static void permitRole(Actor actor, Action action, String caseId) {
        if (!Permissions.allows(actor.roles(), action)) {
            throw new CaseRuleViolation(Rejection.ROLE_REQUIRED, caseId);
        }
    }

    /** Whether the case is in the sight of an actor whose role reaches any case: the whole city, or its subtree. */
    private static boolean inSubtree(CaseState state, Actor actor) {
        Organisation organisation = state.organisation;
        if (organisation == null || !scopedToSubtree(organisation, actor)) {
            return true;
        }
        return state.unitsInvolved.stream().anyMatch(unit -> organisation.isWithin(actor.unitId(), unit));
    }

    /** Everyone of a directory unit other than the hotline works within that unit's subtree. */
    static boolean scopedToSubtree(Organisation organisation, Actor actor) {
        return organisation.kind(actor.unitId()).filter(kind -> kind != UnitKind.HOTLINE).isPresent();
    }
}
