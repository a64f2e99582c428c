package io.hotline.kernel.knowledge;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 起草: a unit proposes a new article for its own matters; the draft is its owning unit's. */
public record DraftArticle(
        @TargetAggregateIdentifier String articleId,
        String owningUnit,
        ArticleContent content,
        Actor actor) {
}
