package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 已收回: the unit that sent the case down (unit) handles it again itself; fromUnit leaves the chain. completionDeadline is the sending unit's own, in force again (its clock never stopped). */
public record CaseTakenBack(
        String caseId,
        String fromUnit,
        String unit,
        String reason,
        Deadline completionDeadline,
        Actor actor,
        Instant at) {
}
