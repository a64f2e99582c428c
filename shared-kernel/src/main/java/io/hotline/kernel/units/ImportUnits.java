package io.hotline.kernel.units;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Add many units at once (a CSV file): all of them or none, every error listed. {@code demo} marks them as demo
 * data (the bundled directory of the seed city), so no one mistakes them for a real city's.
 */
public record ImportUnits(@TargetAggregateIdentifier String directoryId, List<UnitEntry> units, boolean demo,
                          String source, Actor actor) {

    public ImportUnits {
        units = units == null ? List.of() : List.copyOf(units);
    }
}
