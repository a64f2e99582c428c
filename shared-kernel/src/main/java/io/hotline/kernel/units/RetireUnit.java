package io.hotline.kernel.units;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * A unit leaves service on {@code lastDay} (merged into {@code successor}, or dissolved when it is null). Nothing
 * is deleted: its cases and its name stay in the history.
 */
public record RetireUnit(@TargetAggregateIdentifier String directoryId, String code, LocalDate lastDay,
                         String successor, Actor actor) {
}
