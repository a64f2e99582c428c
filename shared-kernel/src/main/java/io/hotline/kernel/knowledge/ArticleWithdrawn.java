package io.hotline.kernel.knowledge;

import io.hotline.kernel.common.Actor;

import java.time.Instant;

/** 已撤下: no longer offered; {@code lastVersion} was the version offered until now (0: none). */
public record ArticleWithdrawn(
        String articleId,
        int lastVersion,
        String reason,
        Actor actor,
        Instant at) {
}
