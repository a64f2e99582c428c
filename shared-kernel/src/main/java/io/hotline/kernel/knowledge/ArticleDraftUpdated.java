package io.hotline.kernel.knowledge;

import io.hotline.kernel.common.Actor;

import java.time.Instant;

/**
 * 已修改: the draft's new content. With {@code publishedVersion} above 0 the draft is a revision (修订) of that
 * published version, which stays offered until the revision is published; 0: the article was never published.
 */
public record ArticleDraftUpdated(
        String articleId,
        ArticleContent content,
        int publishedVersion,
        Actor actor,
        Instant at) {
}
