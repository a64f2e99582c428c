package io.hotline.command.cases;

/**
 * Every way the case can refuse a command, each with a stable code for clients and the kind of refusal: the
 * caller may not do this to this case ({@link Kind#FORBIDDEN}), or the case is not in a state that allows it
 * ({@link Kind#CONFLICT}), or the request itself cannot be honoured ({@link Kind#INVALID}).
 */
public enum Rejection {
    NOT_YOUR_CASE(Kind.FORBIDDEN, "This case is not your unit's."),
    /**
     * The case is not your unit's and never was, so you cannot even see it: answered exactly as {@link
     * #CASE_NOT_FOUND}, so a command reveals no more than a read does (the refusal is still logged as one).
     */
    OUT_OF_SIGHT(Kind.NOT_FOUND, "No such case."),
    ROLE_REQUIRED(Kind.FORBIDDEN, "Your role may not do this."),
    CASE_NOT_FOUND(Kind.NOT_FOUND, "No such case."),
    CASE_ENDED(Kind.CONFLICT, "The case is closed, withdrawn, merged or redirected."),
    NOT_REGISTERED(Kind.CONFLICT, "Only a registered case that is not yet dispatched can do this."),
    NOT_DISPATCHED(Kind.CONFLICT, "The case is not waiting to be signed for."),
    NOT_IN_HANDLING(Kind.CONFLICT, "The case is not being handled: it must be signed for first."),
    NOT_OPEN(Kind.CONFLICT, "The case is not open."),
    OBJECTION_PENDING(Kind.CONFLICT, "An objection awaits a decision."),
    NO_OBJECTION_PENDING(Kind.CONFLICT, "No objection awaits a decision."),
    SAME_UNIT(Kind.CONFLICT, "The case is already with that unit."),
    LEAD_AMONG_ASSISTANTS(Kind.INVALID, "The lead unit cannot also assist."),
    EXTENSION_PENDING(Kind.CONFLICT, "An extension request awaits a decision."),
    NO_EXTENSION_PENDING(Kind.CONFLICT, "No extension request awaits a decision."),
    EXTENSION_TOO_LATE(Kind.CONFLICT, "An extension must be asked before the deadline."),
    NOT_REPLIED(Kind.CONFLICT, "The citizen has not had a reply yet."),
    FEEDBACK_ALREADY_RECORDED(Kind.CONFLICT, "Feedback on this reply is already recorded."),
    EVALUATION_EXPIRED(Kind.CONFLICT, "The invitation to evaluate this reply has expired; only a call-back can "
            + "record an evaluation now."),
    CITIZEN_CHANNELS_ONLY(Kind.FORBIDDEN, "A citizen evaluates by themselves only on the web or by SMS."),
    LEVEL_NOT_ON_SCALE(Kind.INVALID, "That satisfaction level is not on the scale in use."),
    REOPEN_NEEDS_DISSATISFACTION(Kind.CONFLICT, "Only a case whose feedback was dissatisfied can be reopened."),
    ALREADY_SUPERVISED(Kind.CONFLICT, "The case is already under supervision."),
    NOT_DISPATCHED_YET(Kind.CONFLICT, "The case has no lead unit to urge yet."),
    MERGE_INTO_ITSELF(Kind.INVALID, "A case cannot be merged into itself."),
    NOTHING_TO_REQUEST(Kind.INVALID, "A material request lists at least one item."),
    NOT_OUR_JURISDICTION_ONLY(Kind.INVALID, "Redirect names another body than the hotline."),
    ARTICLE_VERSION_REQUIRED(Kind.INVALID, "A knowledge article is cited with its published version (1 or more)."),
    OUTSIDE_SUBTREE(Kind.INVALID, "That unit is not within your unit's subtree: a case goes down only to units below "
            + "the one handling it, and moves at a lower level only within the subtree of the unit that sent it."),
    UNIT_NOT_IN_SERVICE(Kind.INVALID, "The unit directory does not list that unit as in service."),
    OBJECTION_GOES_TO_SENDER(Kind.CONFLICT, "An objection from a lower level is decided by the unit that sent the "
            + "case down, not by the hotline."),
    REVIEW_PENDING(Kind.CONFLICT, "A drafted reply awaits review by the unit that sent the case down."),
    NO_REVIEW_PENDING(Kind.CONFLICT, "No drafted reply awaits review.");

    /** How a refusal maps to HTTP: 403, 404, 409 or 422. */
    public enum Kind {
        FORBIDDEN, NOT_FOUND, CONFLICT, INVALID
    }

    private final Kind kind;
    private final String message;

    Rejection(Kind kind, String message) {
        this.kind = kind;
        this.message = message;
    }

    public Kind kind() {
        return kind;
    }

    public String message() {
        return message;
    }
}
