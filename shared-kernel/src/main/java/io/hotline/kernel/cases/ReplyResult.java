package io.hotline.kernel.cases;

/** What the unit's answer to the citizen says. */
public enum ReplyResult {
    /** 已解决 */
    SOLVED,
    /** 已解释说明 */
    EXPLAINED,
    /** 无法解决 (with the reason) */
    UNSOLVABLE
}
