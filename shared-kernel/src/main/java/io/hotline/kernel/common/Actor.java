package io.hotline.kernel.common;

import java.util.Objects;

/**
 * Who acted: the signed-in user, the unit they act for, and, under the A/B role rule (AB角补位制), the
 * colleague they stand in for ({@code standingInFor}, null when they act in their own name).
 * Every event carries one, so an auditor can always answer "who did this, for whom".
 */
public record Actor(String userId, String unitId, String standingInFor) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(unitId, "unitId");
    }

    public static Actor of(String userId, String unitId) {
        return new Actor(userId, unitId, null);
    }

    public boolean actsFor(String unit) {
        return unitId.equals(unit);
    }
}
