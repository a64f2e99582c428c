package io.hotline.kernel.units;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A unit is placed under another parent (null: it becomes a root). */
public record MoveUnit(@TargetAggregateIdentifier String directoryId, String code, String parent, Actor actor) {
}
