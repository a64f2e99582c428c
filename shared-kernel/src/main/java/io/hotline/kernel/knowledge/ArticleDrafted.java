package io.hotline.kernel.knowledge;

import io.hotline.kernel.common.Actor;

import java.time.Instant;

/** 已起草: a new article's first draft, owned by the unit that proposed it. */
public record ArticleDrafted(
        String articleId,
        String owningUnit,
        ArticleContent content,
        Actor actor,
        Instant at) {
}
