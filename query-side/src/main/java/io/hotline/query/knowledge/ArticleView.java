package io.hotline.query.knowledge;

import io.hotline.kernel.knowledge.ArticleContent;
import org.springframework.data.annotation.Id;

import java.time.Instant;

/**
 * One article as the knowledge screen shows it ({@code knowledge_articles}, {@code _id} = article id): the
 * version offered now ({@code published}, null before the first publication), the working copy ({@code draft},
 * null when there is none) and its stage, the last reason an editor gave back, and the article's version in the
 * log ({@code version}) so a writer can wait for its own change.
 *
 * @param draftStage {@link ArticleStatus#DRAFT} or {@link ArticleStatus#IN_REVIEW} for the working copy; null
 *                   when there is none
 */
public record ArticleView(@Id String articleId, String owningUnit, ArticleStatus status, ArticleStatus draftStage,
                          int publishedVersion, ArticleContent published, ArticleContent draft,
                          String returnedReason, String withdrawnReason, long version, Instant updatedAt,
                          String updatedBy) {

    /** The same article as a reader who may not see the unit's working copy reads it. */
    ArticleView publishedOnly() {
        return new ArticleView(articleId, owningUnit, status == ArticleStatus.WITHDRAWN ? status
                : ArticleStatus.PUBLISHED, null, publishedVersion, published, null, null, withdrawnReason, version,
                updatedAt, null);
    }
}
