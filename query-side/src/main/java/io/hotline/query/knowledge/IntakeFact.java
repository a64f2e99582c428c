package io.hotline.query.knowledge;

import io.hotline.kernel.common.Category;
import org.springframework.data.annotation.Id;

import java.time.Instant;

/**
 * What the knowledge figures need of one case ({@code knowledge_intake}, {@code _id} = case id): its request type,
 * its title with numbers scrubbed (to group the consultations answered without an article), its area and day, and
 * whether it was answered at intake, from which article version.
 */
public record IntakeFact(@Id String caseId, Category category, String title, String area, Instant registeredAt,
                         Boolean resolvedAtIntake, String articleId, Integer articleVersion) {

    /** Null until the answer at intake is projected: registrations do not write it, so a replay cannot undo it. */
    boolean answeredAtIntake() {
        return Boolean.TRUE.equals(resolvedAtIntake);
    }
}
