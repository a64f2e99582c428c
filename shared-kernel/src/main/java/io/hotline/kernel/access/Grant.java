package io.hotline.kernel.access;

import io.hotline.kernel.common.Role;

import java.util.Objects;

/** One line of the permission table: a role may take an action, on the cases its unit rule names. */
public record Grant(Role role, Action action, UnitRule unitRule) {

    public Grant {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(unitRule, "unitRule");
    }
}
