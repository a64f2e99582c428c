package io.hotline.kernel.knowledge;

import io.hotline.kernel.common.Actor;

import java.time.Instant;

/** 已提交审核: the draft waits for a knowledge editor. */
public record ArticleSubmitted(
        String articleId,
        Actor actor,
        Instant at) {
}
