package io.hotline.query.inbox;

/** Why a case is in a unit's inbox. */
public enum InboxRole {
    /** 主办 */
    LEAD,
    /** 协办 */
    ASSIST,
    /** neither lead nor assisting but still accountable: a transfer away that the new lead has not signed for */
    ACCOUNTABLE,
    /** 已下派: the unit sent the case down its subtree; it follows it, and its own completion clock runs on */
    SENT_DOWN,
    /** 待决定异议: the unit below objected; the unit that sent the case down decides (不予支持, or 收回) */
    DECIDE_OBJECTION,
    /** 待审核: the unit below drafted its reply; the unit that sent the case down approves or returns it */
    REVIEW_REPLY
}
