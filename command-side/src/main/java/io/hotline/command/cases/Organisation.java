package io.hotline.command.cases;

import io.hotline.kernel.units.UnitKind;

import java.time.Instant;
import java.util.Optional;

/**
 * The unit tree as the case rules need it (单位目录): what kind of body a unit is, whether it is in service, and
 * whether one unit lies within another's subtree. Dispatching down (下派), transferring at a lower level and the
 * per-level time limits ask it; the directory on the command side answers.
 */
public interface Organisation {

    /** The unit's kind, or empty for a code the directory does not know. */
    Optional<UnitKind> kind(String unit);

    /** Whether the directory knows the unit and it is in service at {@code at}. */
    boolean inService(String unit, Instant at);

    /** Whether {@code unit} is {@code ancestor} itself or lies anywhere below it. */
    boolean isWithin(String ancestor, String unit);
}
