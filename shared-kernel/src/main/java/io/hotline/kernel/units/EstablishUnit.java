package io.hotline.kernel.units;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a unit to the directory. */
public record EstablishUnit(@TargetAggregateIdentifier String directoryId, UnitEntry unit, Actor actor) {
}
