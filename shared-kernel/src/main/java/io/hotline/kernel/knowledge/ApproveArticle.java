package io.hotline.kernel.knowledge;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 审核通过: the knowledge editor publishes the draft as the next version. */
public record ApproveArticle(
        @TargetAggregateIdentifier String articleId,
        Actor actor) {
}
