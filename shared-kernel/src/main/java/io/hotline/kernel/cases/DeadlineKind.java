package io.hotline.kernel.cases;

/** The two clocks a case runs against. */
public enum DeadlineKind {
    /** 签收时限 */
    SIGN_FOR,
    /** 办结时限 */
    COMPLETION
}
