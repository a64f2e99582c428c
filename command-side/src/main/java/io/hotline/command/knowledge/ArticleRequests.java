package io.hotline.command.knowledge;

import io.hotline.kernel.common.Category;
import io.hotline.kernel.knowledge.ArticleContent;
import io.hotline.kernel.knowledge.ArticleFlag;
import io.hotline.kernel.knowledge.PolicyBasis;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** The bodies of the article command endpoints, validated at the edge before a command is built. */
final class ArticleRequests {

    static final String AREA = "\\d{1,6}";

    private ArticleRequests() {
    }

    record Basis(@NotBlank @Size(max = 200) String documentName, @Size(max = 100) String documentNumber) {
    }

    /** An article's content, as a unit writes it. */
    record Content(@NotBlank @Size(max = 500) String question,
                   @NotBlank @Size(max = 5000) String answer,
                   @NotNull @Valid Basis policyBasis,
                   @NotNull Category category,
                   @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = AREA,
                           message = "must be an area code of 1 to 6 digits") String> areas,
                   @Size(max = 30) List<@NotBlank @Size(max = 50) String> keywords,
                   @Size(max = 30) List<@NotBlank @Size(max = 50) String> synonyms,
                   LocalDate effectiveFrom,
                   LocalDate effectiveUntil) {

        ArticleContent content() {
            return new ArticleContent(question.strip(), answer.strip(),
                    new PolicyBasis(policyBasis.documentName().strip(),
                            policyBasis.documentNumber() == null ? null : policyBasis.documentNumber().strip()),
                    category, areas, strip(keywords), strip(synonyms), effectiveFrom, effectiveUntil);
        }

        private static List<String> strip(List<String> words) {
            return words == null ? List.of() : words.stream().map(String::strip).distinct().toList();
        }
    }

    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    record Flag(@NotNull @Min(1) Integer articleVersion, @NotNull ArticleFlag flag,
                @NotBlank @Size(max = 2000) String reason,
                @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+") String caseId) {
    }
}
