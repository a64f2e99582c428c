package io.hotline.kernel.access;

/**
 * Everything a signed-in person may be allowed to do, in the words of the domain. {@link Permissions} says which
 * role may take which action and on which cases; the web edge, the case aggregate, the read side and the console
 * all ask it instead of keeping lists of roles of their own.
 */
public enum Action {
    /** 受理: log a citizen's request as a new case. */
    REGISTER,
    /** 告知: answer another body's matter with where to take it. */
    REDIRECT,
    /** 并单: merge a repeated request into its original. */
    MERGE,
    /** 直接办结: answer the request on the call. */
    RESOLVE_AT_INTAKE,
    /** 派单: name the lead unit and the assisting units. */
    DISPATCH,
    /** 改派: send the case to another unit after reviewing an objection. */
    REDISPATCH,
    /** 协调: designate the lead unit of a disputed case. */
    DESIGNATE_LEAD_UNIT,
    /** 签收: the lead unit takes the case and starts its completion clock. */
    SIGN_FOR,
    /** 异议/退单: the lead unit disputes its jurisdiction. */
    OBJECT,
    /** 转办: the lead unit passes the lead role on. */
    TRANSFER,
    /** 办理: a progress note by the lead or an assisting unit. */
    RECORD_PROGRESS,
    /** 一次性告知: ask the citizen for more material. */
    REQUEST_MATERIALS,
    /** 延期申请: ask for more working days. */
    REQUEST_EXTENSION,
    /** 延期审批: approve or reject an extension. */
    DECIDE_EXTENSION,
    /** 答复/办结: the lead unit's answer to the citizen. */
    REPLY,
    /** 回访: record the citizen's feedback. */
    RECORD_FEEDBACK,
    /** 重办: reopen a case after dissatisfied feedback. */
    REOPEN,
    /** 归档: close a replied case. */
    CLOSE,
    /** 撤回: record that the citizen withdrew. */
    WITHDRAW,
    /** 督办: put a case under supervision. */
    SUPERVISE,
    /** 催办: urge the lead unit. */
    URGE,
    /** 查看个人信息: see the complainant's unmasked contact, for a recorded reason. */
    REVEAL_PERSONAL_DATA,
    /** 个人信息删除: erase a citizen's personal data from every case. */
    ERASE_PERSONAL_DATA,
    /** Read cases, inboxes and figures; the unit rule says which cases. */
    READ_CASES,
    /** 监察/审计: histories, states as of a moment, tamper evidence, exports, bulletins, the access trail. */
    AUDIT,
    /** Start and watch the verification of the whole log. */
    VERIFY_LOG,
    /** Rebuild a read model from the log. */
    REBUILD_READ_MODELS,
    /** Accounts, API keys and the platform's own endpoints. */
    ADMINISTER,
    /** 知识条目起草: draft, revise and submit the knowledge articles on the unit's own matters. */
    PROPOSE_ARTICLE,
    /** 知识审核: publish a submitted article, or return it with a reason. */
    REVIEW_ARTICLE,
    /** 知识撤下: stop offering an article (every version stays citable). */
    WITHDRAW_ARTICLE,
    /** 知识反馈: mark an article unhelpful or outdated, for its owning unit. */
    FLAG_ARTICLE,
    /** 下派: the unit handling a case sends it down to a unit of its own subtree. */
    DISPATCH_DOWN,
    /** 下级管理: the sending unit decides an objection from below, takes the case back, reviews the drafted reply (办结审核). */
    DIRECT_LOWER_LEVEL
}
