package io.hotline.kernel.units;

import io.hotline.kernel.common.Actor;

import java.time.Instant;

/** A unit was placed under another parent ({@code parent} null: it became a root). */
public record UnitMoved(String directoryId, String code, String parent, String previousParent, Actor actor,
                        Instant at) {
}
