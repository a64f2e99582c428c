package io.hotline.infra.security;

import io.hotline.kernel.access.Action;
import io.hotline.kernel.access.Permissions;
import io.hotline.kernel.access.UnitRule;
import io.hotline.kernel.common.Role;

import java.util.List;

/**
 * What the console shows about the signed-in person ({@code GET /api/v1/me}).
 *
 * @param permissions   the actions the permission table allows this person's roles: the console offers those and
 *                      no others, so it keeps no list of roles of its own
 * @param reads         the permission table's unit rule for reading cases: {@code OWN_UNIT} for a reader limited to
 *                      their own unit's cases, {@code ANY_UNIT} for one who reads all
 * @param standInFor    the colleagues this person may stand in for (AB角)
 * @param standingInFor the colleague this very request acts for, when the request named one
 */
public record Me(String username, String unit, List<Role> roles, List<Action> permissions, UnitRule reads,
                 List<String> standInFor, String standingInFor) {

    public static Me of(SignedInPerson person, String standingInFor) {
        return new Me(person.username(), person.unit(), person.roles().stream().sorted().toList(),
                List.copyOf(Permissions.actionsOf(person.roles())),
                Permissions.unitRule(person.roles(), Action.READ_CASES).orElse(null),
                person.standInFor().stream().sorted().toList(), standingInFor);
    }
}
