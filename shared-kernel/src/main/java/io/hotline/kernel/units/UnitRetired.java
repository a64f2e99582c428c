package io.hotline.kernel.units;

import io.hotline.kernel.common.Actor;

import java.time.Instant;
import java.time.LocalDate;

/** A unit left service after {@code lastDay}, merged into {@code successor} or dissolved (null). */
public record UnitRetired(String directoryId, String code, LocalDate lastDay, String successor, Actor actor,
                          Instant at) {
}
