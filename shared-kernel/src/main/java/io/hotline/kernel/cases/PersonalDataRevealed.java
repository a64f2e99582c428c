package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;

import java.time.Instant;

/** Someone was shown the citizen's unmasked personal data: who, when, which case, why. Visible to auditors. */
public record PersonalDataRevealed(
        String caseId,
        String reason,
        Actor actor,
        Instant at) {
}
