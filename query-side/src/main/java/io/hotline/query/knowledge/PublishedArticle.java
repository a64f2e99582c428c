package io.hotline.query.knowledge;

import io.hotline.kernel.knowledge.ArticleContent;

import java.util.List;

/** An article's version offered now: what the matcher matches and the panel reads out. */
public record PublishedArticle(String articleId, int version, String owningUnit, ArticleContent content) {

    Suggestion suggestion(double score, List<String> matched) {
        return new Suggestion(articleId, version, content.question(), content.answer(),
                content.policyBasis() == null ? null : content.policyBasis().documentName(),
                content.policyBasis() == null ? null : content.policyBasis().documentNumber(),
                content.category(), owningUnit, content.effectiveUntil(), score, matched);
    }
}
