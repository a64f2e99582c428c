package io.hotline.query.caseview;

/** What a unit was in the chain of responsibility at a step. */
public enum ChainRole {
    /** the hotline itself, owner before dispatch (首问) */
    INTAKE,
    /** 主办 */
    LEAD,
    /** 协办 */
    ASSIST
}
