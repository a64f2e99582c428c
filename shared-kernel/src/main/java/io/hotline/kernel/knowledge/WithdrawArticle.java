package io.hotline.kernel.knowledge;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 撤下: no version of the article is offered any more; every version stays citable. */
public record WithdrawArticle(
        @TargetAggregateIdentifier String articleId,
        String reason,
        Actor actor) {
}
