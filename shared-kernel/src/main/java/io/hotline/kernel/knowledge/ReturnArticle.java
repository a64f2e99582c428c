package io.hotline.kernel.knowledge;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 退回: the knowledge editor sends the draft back to its unit, with the reason. */
public record ReturnArticle(
        @TargetAggregateIdentifier String articleId,
        String reason,
        Actor actor) {
}
