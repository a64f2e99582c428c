package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;

import java.time.Instant;

/**
 * The citizen's personal data in this case were erased on a legal request: which erasure, who, when. Carries
 * no personal data itself; from here on the case shows the citizen as erased.
 */
public record PersonalDataErased(
        String caseId,
        String erasureId,
        Actor actor,
        Instant at) {
}
