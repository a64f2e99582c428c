package io.hotline.command.citizen;

import io.hotline.kernel.cases.Satisfaction;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * 网上评价 as the tracking page posts it: the case (its id, which the page got from a proved look-up), the same
 * 查询码 again (the proof: the code is a keyed hash of this id), and the citizen's answer. Control characters are
 * refused by the JSON reader for every text.
 */
record WebEvaluation(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+", message = "must be a case id") String caseId,
        @NotBlank @Size(max = 12) @Pattern(regexp = "\\s*[A-Za-z0-9]{6}\\s*",
                message = "must be the six letters and digits of the query code") String queryCode,
        @NotNull Satisfaction satisfaction,
        @NotNull Boolean solved,
        @Size(max = 500) String comment) {

    /** An empty comment is no comment. */
    String commentOrNull() {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }
}
