package io.hotline.kernel.knowledge;

import io.hotline.kernel.common.Actor;

import java.time.Instant;

/** 已反馈: an operator marked version {@code articleVersion} unhelpful or outdated; listed for its owning unit. */
public record ArticleFlagged(
        String articleId,
        int articleVersion,
        ArticleFlag flag,
        String reason,
        String caseId,
        String owningUnit,
        Actor actor,
        Instant at) {
}
