package io.hotline.kernel.knowledge;

import io.hotline.kernel.common.Actor;

import java.time.Instant;

/** 已退回: the knowledge editor's reason; the draft is its unit's to change again. */
public record ArticleReturned(
        String articleId,
        String reason,
        Actor actor,
        Instant at) {
}
