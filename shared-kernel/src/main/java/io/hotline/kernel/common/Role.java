package io.hotline.kernel.common;

/** What a signed-in person may do. */
public enum Role {
    /** 话务员/受理员: registers, resolves at intake, dispatches, merges. */
    OPERATOR,
    /** 承办单位经办人: acts on its own unit's cases only. */
    UNIT_HANDLER,
    /** 协调: designates lead units, re-dispatches, approves extensions. */
    COORDINATOR,
    /** 督办: supervision and urging; reads everything. */
    SUPERVISOR,
    /** 监察/审计: reads everything, including history; changes nothing. */
    AUDITOR,
    /** 管理员: accounts, units, the service-level policy, rebuilds. */
    ADMIN,
    /** 知识库管理员: reviews the units' knowledge articles, publishes or returns them, withdraws them. */
    KNOWLEDGE_EDITOR
}
