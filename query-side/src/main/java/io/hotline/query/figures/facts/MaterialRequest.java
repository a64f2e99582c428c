package io.hotline.query.figures.facts;

import java.time.Instant;

/**
 * A unit asked the citizen for more material (补充材料). {@code repeated} marks the second and later requests
 * on a case: the rule is to ask for everything at once (一次性告知), so each of those is a violation.
 */
record MaterialRequest(Instant at, String unit, boolean repeated) {
}
