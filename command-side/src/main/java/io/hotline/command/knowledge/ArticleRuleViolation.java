package io.hotline.command.knowledge;

/** A command the article refused, with the rule it broke. Not a crash: an answer. */
public class ArticleRuleViolation extends RuntimeException {

    private final ArticleRejection rejection;

    public ArticleRuleViolation(ArticleRejection rejection) {
        super(rejection.name() + ": " + rejection.message());
        this.rejection = rejection;
    }

    public ArticleRejection rejection() {
        return rejection;
    }
}
