package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 改派: after reviewing an objection, the hotline sends the case to another lead unit. */
public record RedispatchCase(
        @TargetAggregateIdentifier String caseId,
        String leadUnit,
        List<String> assistingUnits,
        String reason,
        Actor actor) {
}
