package io.hotline.kernel.cases;

/** Where a case stands. */
public enum CaseStatus {
    /** 已受理, not yet dispatched */
    REGISTERED,
    /** 直接办结: answered on the spot by the operator */
    RESOLVED_AT_INTAKE,
    /** 告知: another body's matter; the citizen was told where to take it */
    REDIRECTED,
    /** 并单: a repeated request, merged into another case */
    MERGED,
    /** 已派单, waiting for the lead unit to sign for it */
    DISPATCHED,
    /** 办理中: signed for, being handled */
    IN_HANDLING,
    /** 已答复: the citizen has the result, feedback pending */
    REPLIED,
    /** 已归档 */
    CLOSED,
    /** 已撤回 at the citizen's request */
    WITHDRAWN;

    public boolean isOpen() {
        return this == REGISTERED || this == DISPATCHED || this == IN_HANDLING;
    }

    public boolean isEnded() {
        return this == CLOSED || this == WITHDRAWN || this == MERGED || this == REDIRECTED;
    }
}
