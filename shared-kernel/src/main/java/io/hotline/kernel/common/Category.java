package io.hotline.kernel.common;

/** Request types as cities classify them (GB/T 39666 and city practice). */
public enum Category {
    /** 咨询 */
    CONSULTATION,
    /** 求助 */
    HELP,
    /** 投诉 */
    COMPLAINT,
    /** 举报 */
    REPORT,
    /** 建议 */
    SUGGESTION,
    /** 感谢/表扬 */
    THANKS
}
