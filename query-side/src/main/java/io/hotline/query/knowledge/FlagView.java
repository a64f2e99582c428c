package io.hotline.query.knowledge;

import io.hotline.kernel.knowledge.ArticleFlag;
import org.springframework.data.annotation.Id;

import java.time.Instant;

/** An operator's mark on an article's version ({@code knowledge_flags}, {@code _id} = the event's id), for its owner. */
public record FlagView(@Id String id, String articleId, int articleVersion, ArticleFlag flag, String reason,
                       String caseId, String owningUnit, Instant at, String by) {
}
