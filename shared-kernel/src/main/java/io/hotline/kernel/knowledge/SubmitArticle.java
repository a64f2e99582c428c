package io.hotline.kernel.knowledge;

import io.hotline.kernel.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 提交审核: send the draft to the hotline's knowledge editors. */
public record SubmitArticle(
        @TargetAggregateIdentifier String articleId,
        Actor actor) {
}
