package io.hotline.kernel.access;

import io.hotline.kernel.common.Role;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.hotline.kernel.access.Action.*;
import static io.hotline.kernel.access.UnitRule.ANY_UNIT;
import static io.hotline.kernel.access.UnitRule.LEAD_OR_ASSISTING_UNIT;
import static io.hotline.kernel.access.UnitRule.LEAD_UNIT;
import static io.hotline.kernel.access.UnitRule.OWN_UNIT;
import static io.hotline.kernel.access.UnitRule.SENDING_UNIT;
import static io.hotline.kernel.common.Role.ADMIN;
import static io.hotline.kernel.common.Role.AUDITOR;
import static io.hotline.kernel.common.Role.COORDINATOR;
import static io.hotline.kernel.common.Role.KNOWLEDGE_EDITOR;
import static io.hotline.kernel.common.Role.OPERATOR;
import static io.hotline.kernel.common.Role.SUPERVISOR;
import static io.hotline.kernel.common.Role.UNIT_HANDLER;

/**
 * The permission table: which role may take which {@link Action}, and on which cases ({@link UnitRule}). It is
 * the one statement of "who may do what": the web edge maps each route to an action and asks here, the case
 * aggregate asks again with the case in hand, the read side asks which cases a reader sees, the auditors' tools
 * ask before opening a history, and the console receives the signed-in person's actions as JSON and shows only
 * those. A person with several roles may do what any of them allows, on the widest set of cases any allows.
 */
public final class Permissions {

    private static final List<Grant> TABLE = List.of(
            // 话务员: intake, dispatch, the call-back and the end of a case
            grant(OPERATOR, ANY_UNIT, REGISTER, REDIRECT, MERGE, RESOLVE_AT_INTAKE, DISPATCH, REDISPATCH,
                    RECORD_FEEDBACK, REOPEN, CLOSE, WITHDRAW, REVEAL_PERSONAL_DATA, READ_CASES),
            // 承办单位经办人: only the cases its own unit leads (progress: leads or assists; reading: is in the chain of)
            grant(UNIT_HANDLER, LEAD_UNIT, SIGN_FOR, OBJECT, TRANSFER, REQUEST_MATERIALS, REQUEST_EXTENSION, REPLY),
            grant(UNIT_HANDLER, LEAD_OR_ASSISTING_UNIT, RECORD_PROGRESS),
            grant(UNIT_HANDLER, OWN_UNIT, READ_CASES),
            // 分级派单: the unit handling a case sends it down its own subtree; the level above decides what comes up
            grant(UNIT_HANDLER, LEAD_UNIT, DISPATCH_DOWN),
            grant(UNIT_HANDLER, SENDING_UNIT, DIRECT_LOWER_LEVEL),
            // 协调: disputes and extensions
            grant(COORDINATOR, ANY_UNIT, REDISPATCH, DESIGNATE_LEAD_UNIT, DECIDE_EXTENSION, REOPEN, READ_CASES),
            // 督办: supervision, urging and the auditors' tools
            grant(SUPERVISOR, ANY_UNIT, SUPERVISE, URGE, REVEAL_PERSONAL_DATA, AUDIT, VERIFY_LOG, READ_CASES),
            // 监察/审计: reads everything, changes nothing
            grant(AUDITOR, ANY_UNIT, REVEAL_PERSONAL_DATA, AUDIT, VERIFY_LOG, READ_CASES),
            // 管理员: runs the platform and carries out erasures
            grant(ADMIN, ANY_UNIT, ERASE_PERSONAL_DATA, VERIFY_LOG, REBUILD_READ_MODELS, ADMINISTER, READ_CASES),
            // 知识库: units keep the articles on their own matters, the hotline's knowledge editors publish them,
            // operators answer from them and say when one did not help (the editor reads no citizen's case)
            grant(UNIT_HANDLER, OWN_UNIT, PROPOSE_ARTICLE, WITHDRAW_ARTICLE),
            grant(KNOWLEDGE_EDITOR, ANY_UNIT, REVIEW_ARTICLE, WITHDRAW_ARTICLE),
            grant(KNOWLEDGE_EDITOR, OWN_UNIT, READ_CASES),
            grant(OPERATOR, ANY_UNIT, FLAG_ARTICLE))
            .stream().flatMap(List::stream).toList();

    private Permissions() {
    }

    /** Every line of the table. */
    public static List<Grant> table() {
        return TABLE;
    }

    /** Whether any of {@code roles} may take {@code action} (on some case; see {@link #unitRule}). */
    public static boolean allows(Collection<Role> roles, Action action) {
        return unitRule(roles, action).isPresent();
    }

    /** The roles any of which allows {@code action}. */
    public static Set<Role> rolesAllowedTo(Action action) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        TABLE.stream().filter(grant -> grant.action() == action).forEach(grant -> roles.add(grant.role()));
        return roles;
    }

    /** The actions a person holding {@code roles} may take, in the order of {@link Action}. */
    public static Set<Action> actionsOf(Collection<Role> roles) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        TABLE.stream().filter(grant -> roles.contains(grant.role())).forEach(grant -> actions.add(grant.action()));
        return actions;
    }

    /** On which cases {@code roles} may take {@code action}: the widest rule any of them has; empty if none. */
    public static Optional<UnitRule> unitRule(Collection<Role> roles, Action action) {
        UnitRule widest = null;
        for (Grant grant : TABLE) {
            if (grant.action() == action && roles.contains(grant.role())
                    && (widest == null || grant.unitRule().widerThan(widest))) {
                widest = grant.unitRule();
            }
        }
        return Optional.ofNullable(widest);
    }

    private static List<Grant> grant(Role role, UnitRule rule, Action... actions) {
        return Arrays.stream(actions).map(action -> new Grant(role, action, rule)).toList();
    }
}
