package io.hotline.query.caseview;

import io.hotline.kernel.common.Actor;

/**
 * Who did a step, as the auditor reads it: the user, the unit they acted for and, under the A/B role rule, the
 * colleague they stood in for (null when they acted in their own name). Roles are left out: they are the
 * event log's business, the view only answers "who, for which unit, on whose behalf".
 */
public record ActedBy(String userId, String unitId, String standingInFor) {

    public static ActedBy of(Actor actor) {
        return actor == null ? null : new ActedBy(actor.userId(), actor.unitId(), actor.standingInFor());
    }
}
