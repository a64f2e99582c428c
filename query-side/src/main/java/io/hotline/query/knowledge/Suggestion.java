package io.hotline.query.knowledge;

import io.hotline.kernel.common.Category;

import java.time.LocalDate;
import java.util.List;

/**
 * One article offered at intake: the version to read out and to cite, its answer and policy basis, and the words
 * of the caller's text that matched it (for the panel to show why it is offered).
 */
public record Suggestion(String articleId, int articleVersion, String question, String answer,
                         String policyDocument, String policyNumber, Category category, String owningUnit,
                         LocalDate effectiveUntil, double score, List<String> matched) {
}
