package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;

/** 异议: the unit disputes jurisdiction with a reason; it stays accountable until a decision. */
public record JurisdictionObjected(
        String caseId,
        String unit,
        String reason,
        Actor actor,
        Instant at) {
}
