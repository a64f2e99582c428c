package io.hotline.kernel.cases;

/** How the call-back (回访) reached the citizen. */
public enum FeedbackChannel {
    SMS,
    PHONE,
    WEB,
    ON_SITE;

    /**
     * Whether the citizen answers on this channel by themselves (短信/网上评价), rather than to a member of staff: only
     * these may carry the citizen's own actor, and only these close when the invitation to evaluate expires.
     */
    public boolean isCitizensOwn() {
        return this == SMS || this == WEB;
    }
}
