package io.hotline.kernel.units;

import io.hotline.kernel.common.Actor;

import java.time.Instant;

/** A unit was renamed from {@code at} on; the names it had before stay with their time (an old sentence keeps them). */
public record UnitRenamed(String directoryId, String code, String fullName, String shortName, Actor actor,
                          Instant at) {
}
