package io.hotline.query.knowledge;

/**
 * Where an article stands, as the knowledge screen lists it: a draft never published, a draft waiting for review,
 * published (offered while in force), or withdrawn. A published article being revised stays {@link #PUBLISHED}
 * and shows its working copy's stage beside it ({@link ArticleView#draftStage()}).
 */
public enum ArticleStatus {
    DRAFT, IN_REVIEW, PUBLISHED, WITHDRAWN
}
