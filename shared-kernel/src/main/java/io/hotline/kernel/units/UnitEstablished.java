package io.hotline.kernel.units;

import io.hotline.kernel.common.Actor;

import java.time.Instant;

/** A unit entered the directory; {@code demo}: part of the bundled demo directory, not a real city's data. */
public record UnitEstablished(String directoryId, UnitEntry unit, boolean demo, Actor actor, Instant at) {
}
