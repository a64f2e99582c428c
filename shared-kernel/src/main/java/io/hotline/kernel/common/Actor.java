package io.hotline.kernel.common;

import java.util.Objects;
import java.util.Set;

/**
 * Who acted: the signed-in user, the unit they act for, the roles they acted in, and, under the A/B role
 * rule (AB角补位制), the colleague they stand in for ({@code standingInFor}, null when they act in their own
 * name). Every event carries one, so an auditor can always answer "who did this, for whom, in what capacity".
 */
public record Actor(String userId, String unitId, String standingInFor, Set<Role> roles) {

    /** The clock and the deadline watch act as this user. */
    public static final Actor SYSTEM = new Actor("system", "HOTLINE", null, Set.of());

    /**
     * The citizen acting for themselves, without an account: an evaluation on the public tracking page (proved by the
     * case number and its 查询码) or by SMS (from the case's own phone). No roles, so the permission table allows it
     * nothing; the case lets it record feedback on the citizen's own channels and nothing else. No signed-in caller
     * is ever this actor: every account has at least one role.
     */
    public static final Actor CITIZEN = new Actor("citizen", "HOTLINE", null, Set.of());

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(unitId, "unitId");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static Actor of(String userId, String unitId, Role... roles) {
        return new Actor(userId, unitId, null, Set.of(roles));
    }

    public Actor standingInFor(String absentUserId) {
        return new Actor(userId, unitId, absentUserId, roles);
    }

    public boolean actsFor(String unit) {
        return unitId.equals(unit);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
