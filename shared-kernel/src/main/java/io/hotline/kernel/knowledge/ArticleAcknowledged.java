package io.hotline.kernel.knowledge;

/**
 * The answer to an accepted article command: the article and its new version in the log (not its published
 * version), so a reader can wait until the view shows the change ({@code atLeastVersion}).
 */
public record ArticleAcknowledged(String articleId, long version) {
}
