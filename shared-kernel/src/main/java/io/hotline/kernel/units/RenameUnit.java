package io.hotline.kernel.units;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A unit takes a new name; its history keeps the old one for the time it was used. */
public record RenameUnit(@TargetAggregateIdentifier String directoryId, String code, String fullName,
                         String shortName, Actor actor) {
}
