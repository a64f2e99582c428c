package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 派单: name the lead unit and optional assisting units. The catalogue's proposal is recorded; choosing another unit is a recorded override. */
public record DispatchCase(
        @TargetAggregateIdentifier String caseId,
        String leadUnit,
        List<String> assistingUnits,
        Actor actor) {
}
