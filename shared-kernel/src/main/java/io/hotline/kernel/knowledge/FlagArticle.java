package io.hotline.kernel.knowledge;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 反馈: an operator marks a published version unhelpful or outdated, with the reason (and the case it came up in, if any). */
public record FlagArticle(
        @TargetAggregateIdentifier String articleId,
        int articleVersion,
        ArticleFlag flag,
        String reason,
        String caseId,
        Actor actor) {
}
