package io.hotline.kernel.cases;

/** How the call-back (回访) reached the citizen. */
public enum FeedbackChannel {
    SMS,
    PHONE,
    WEB,
    ON_SITE
}
