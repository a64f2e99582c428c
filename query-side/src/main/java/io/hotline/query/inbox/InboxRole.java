package io.hotline.query.inbox;

/** Why a case is in a unit's inbox. */
public enum InboxRole {
    /** 主办 */
    LEAD,
    /** 协办 */
    ASSIST,
    /** neither lead nor assisting but still accountable: a transfer away that the new lead has not signed for */
    ACCOUNTABLE
}
