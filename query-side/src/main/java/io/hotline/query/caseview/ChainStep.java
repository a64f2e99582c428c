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
    REOPENED
}
