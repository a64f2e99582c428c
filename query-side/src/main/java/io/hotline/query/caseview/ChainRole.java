package io.hotline.query.caseview;

/** What a unit was in the chain of responsibility at a step. */
public enum ChainRole {
    /** the hotline itself, owner before dispatch (首问) */
    INTAKE,
    /** 主办 */
    LEAD,
    /** 协办 */
    ASSIST,
    /** 下派单位: a unit that sent the case down and directs the level below (decides, takes back, reviews) */
    SENDER
}
