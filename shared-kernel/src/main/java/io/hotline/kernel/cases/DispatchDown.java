package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 下派 (二级派单): the unit handling a case sends it down to a unit within its own subtree (a district to a street, a street to a community), with optional assisting units there and instructions. It stays accountable to the level above until that unit signs for the case. */
public record DispatchDown(
        @TargetAggregateIdentifier String caseId,
        String toUnit,
        List<String> assistingUnits,
        String instructions,
        Actor actor) {
}
