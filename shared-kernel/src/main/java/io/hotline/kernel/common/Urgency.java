package io.hotline.kernel.common;

/**
 * How urgent the matter is. The service-level policy maps category and urgency to deadlines; urgent tiers
 * run on the wall clock, the ordinary one on working time.
 */
public enum Urgency {
    /** 一般 */
    NORMAL,
    /** 紧急 */
    URGENT,
    /** 危及生命财产安全 */
    EMERGENCY
}
