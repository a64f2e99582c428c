package io.hotline.kernel.cases;

/** The clocks a case runs against. */
public enum DeadlineKind {
    /** 签收时限 */
    SIGN_FOR,
    /** 办结时限 */
    COMPLETION,
    /** 审核时限: the time the unit that sent a case down has to review its lower unit's drafted reply. */
    REVIEW
}
