package io.hotline.kernel.knowledge;

/** Why an operator marked an article: its answer did not help the caller, or it no longer holds. */
public enum ArticleFlag {
    /** 无帮助 */
    UNHELPFUL,
    /** 已过时 */
    OUTDATED
}
