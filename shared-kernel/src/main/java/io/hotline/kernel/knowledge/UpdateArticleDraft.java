package io.hotline.kernel.knowledge;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 修改: change the draft, or start a revision of a published article (the published version stays offered until the revision is published). */
public record UpdateArticleDraft(
        @TargetAggregateIdentifier String articleId,
        ArticleContent content,
        Actor actor) {
}
