package io.hotline.command.knowledge;

/**
 * Every way a knowledge article can refuse a command, each with a stable code for clients and the HTTP status it
 * answers: the caller may not (403), the article does not exist (404), its stage forbids it (409), or what was
 * sent cannot be honoured (400).
 */
public enum ArticleRejection {
    ROLE_REQUIRED(403, "Your role may not do this."),
    NOT_YOUR_ARTICLE(403, "This article is another unit's: a unit keeps only the articles on its own matters."),
    ARTICLE_NOT_FOUND(404, "No such article."),
    ARTICLE_WITHDRAWN(409, "The article is withdrawn: it is no longer offered or changed."),
    IN_REVIEW(409, "The article waits for a knowledge editor's review: it cannot change until then."),
    NO_DRAFT(409, "There is no draft to submit: edit the article first."),
    NOT_IN_REVIEW(409, "The article is not waiting for a review."),
    OWN_SUBMISSION(403, "An article is reviewed by someone other than the person who submitted it."),
    EXPIRED_BEFORE_PUBLICATION(409, "The draft's effective-until day has passed: it would never be offered."),
    NO_SUCH_VERSION(404, "The article has no such published version."),
    CONTENT_INCOMPLETE(400, "An article needs a question, an answer, a category, an area and its policy basis."),
    AREA_INVALID(400, "Areas are area codes of one to six digits."),
    PERIOD_REVERSED(400, "The effective-until day comes before the effective-from day."),
    REASON_REQUIRED(400, "Say why.");

    private final int status;
    private final String message;

    ArticleRejection(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }
}
