package io.hotline.kernel.knowledge;

import io.hotline.kernel.common.Category;

import java.time.LocalDate;
import java.util.List;

/**
 * What a knowledge article (知识条目) says: the question in the citizen's words, the answer an operator reads out,
 * its policy basis (政策依据), the request type it answers, the areas it applies to (six-digit area codes, or a
 * shorter prefix for a whole district or city), keywords and synonyms the citizen may use instead of the
 * question's words, and the days it is in force (effective until: null for no end).
 */
public record ArticleContent(
        String question,
        String answer,
        PolicyBasis policyBasis,
        Category category,
        List<String> areas,
        List<String> keywords,
        List<String> synonyms,
        LocalDate effectiveFrom,
        LocalDate effectiveUntil) {

    public ArticleContent {
        areas = areas == null ? List.of() : List.copyOf(areas);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
    }

    /** Whether the article is in force on {@code day}: from its first day up to and including its last. */
    public boolean inForceOn(LocalDate day) {
        return (effectiveFrom == null || !day.isBefore(effectiveFrom))
                && (effectiveUntil == null || !day.isAfter(effectiveUntil));
    }

    /** Whether it applies to a caller in {@code area}: one of its areas is that area or a prefix of it. */
    public boolean appliesTo(String area) {
        return area != null && areas.stream().anyMatch(area::startsWith);
    }
}
