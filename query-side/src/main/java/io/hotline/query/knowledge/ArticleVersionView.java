package io.hotline.query.knowledge;

import io.hotline.kernel.knowledge.ArticleContent;
import org.springframework.data.annotation.Id;

import java.time.Instant;

/**
 * One published version of an article, whole ({@code knowledge_versions}, {@code _id} = {@code articleId:version}):
 * what a case that cites it was told, kept after revisions and withdrawal.
 */
public record ArticleVersionView(@Id String id, String articleId, int articleVersion, String owningUnit,
                                 ArticleContent content, Instant publishedAt, String publishedBy) {

    static String id(String articleId, int version) {
        return articleId + ":" + version;
    }
}
