package io.hotline.command.policy;

/**
 * Why an entry of the dispatch catalogue cannot stand as it is: each names a unit the operator cannot (or soon
 * cannot) dispatch to. Stable codes the console translates.
 */
public enum CatalogueRule {
    UNKNOWN_UNIT("the entry names a unit the directory does not know"),
    OUT_OF_SERVICE("the entry names a unit that has left service"),
    RETIRING("the entry names a unit whose last day of service is set"),
    NOT_YET_IN_SERVICE("the entry names a unit that has not entered service yet");

    private final String message;

    CatalogueRule(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
