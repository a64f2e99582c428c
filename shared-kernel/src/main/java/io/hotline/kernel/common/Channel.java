package io.hotline.kernel.common;

/** How a request reached the hotline. */
public enum Channel {
    /** 热线电话 */
    HOTLINE,
    /** 网站 */
    WEB,
    /** 手机应用 */
    APP,
    /** 微信 */
    WECHAT,
    /** 来信 */
    LETTER,
    /** 来访 */
    VISIT
}
