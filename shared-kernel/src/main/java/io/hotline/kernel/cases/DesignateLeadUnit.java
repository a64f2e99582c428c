package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 协调: a coordinator settles a dispute by designating the lead unit (and assisting units). */
public record DesignateLeadUnit(
        @TargetAggregateIdentifier String caseId,
        String leadUnit,
        List<String> assistingUnits,
        String reason,
        Actor actor) {
}
