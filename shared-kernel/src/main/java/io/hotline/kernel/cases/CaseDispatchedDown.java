package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;
import java.util.List;

/** 已下派: the case went down from the unit handling it to a unit of its subtree (level 2 is the first level below the unit the hotline dispatched to). fromUnit stays accountable until toUnit signs; toUnit has its own sign-for deadline, set by the level's limits. */
public record CaseDispatchedDown(
        String caseId,
        String fromUnit,
        String toUnit,
        List<String> assistingUnits,
        String instructions,
        int level,
        Deadline signForDeadline,
        Actor actor,
        Instant at) {
}
