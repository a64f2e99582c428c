package io.hotline.kernel.knowledge;

import io.hotline.kernel.common.Actor;

import java.time.Instant;

/** 已发布: the draft became version {@code articleVersion}, with its whole content, so every version stays citable on its own. */
public record ArticlePublished(
        String articleId,
        int articleVersion,
        String owningUnit,
        ArticleContent content,
        Actor actor,
        Instant at) {
}
