package io.hotline.kernel.cases;

/**
 * The national five-level 好差评 scale. A city on a three-level scale uses SATISFIED, BASICALLY_SATISFIED and
 * DISSATISFIED; which levels count as satisfied is configuration, decided when the feedback is recorded.
 */
public enum Satisfaction {
    /** 非常满意 */
    VERY_SATISFIED,
    /** 满意 */
    SATISFIED,
    /** 基本满意 */
    BASICALLY_SATISFIED,
    /** 不满意 */
    DISSATISFIED,
    /** 非常不满意 */
    VERY_DISSATISFIED
}
