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
    VISIT,
    /** Open311 GeoReport v2: a civic-reporting app (FixMyStreet and the like) filed it with an issued API key */
    OPEN311
}
