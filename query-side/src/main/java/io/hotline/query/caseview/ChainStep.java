package io.hotline.query.caseview;

/** How a unit came to be (or acted) in the chain of responsibility. */
public enum ChainStep {
    /** 受理: the hotline took the request and owns it until dispatch */
    REGISTERED,
    /** 派单 */
    DISPATCHED,
    /** 异议: the unit disputed jurisdiction; it stays accountable */
    OBJECTED,
    /** 改派 after an objection */
    REDISPATCHED,
    /** 协调: a coordinator designated the lead unit */
    DESIGNATED,
    /** 转办: the lead role moved; accountability follows on sign-for */
    TRANSFERRED,
    /** 签收 */
    SIGNED,
    /** 重办 after dissatisfied feedback */
    REOPENED,
    /** 下派: the unit handling the case sent it down its subtree; it stays accountable until the lower unit signs */
    DISPATCHED_DOWN,
    /** 收回: the unit that sent the case down handles it again itself */
    TAKEN_BACK,
    /** 异议不予支持: the sending unit kept the case with the lower unit that objected */
    OBJECTION_OVERRULED,
    /** 答复待审核: the lower unit drafted its reply; it went up to the sending unit for review */
    REPLY_DRAFTED,
    /** 审核退回: the sending unit returned the draft with a reason */
    REPLY_RETURNED,
    /** 审核通过: the sending unit approved the draft, which then reached the citizen */
    REPLY_APPROVED
}
