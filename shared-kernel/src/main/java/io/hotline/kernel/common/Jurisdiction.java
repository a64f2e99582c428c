package io.hotline.kernel.common;

/**
 * Whose matter a request is. Everything is accepted; a matter that belongs elsewhere is registered, then
 * answered with where to take it (acceptance stays 100%).
 */
public enum Jurisdiction {
    /** Ours: handled through dispatch. */
    HOTLINE,
    /** 法院 */
    COURT,
    /** 仲裁 */
    ARBITRATION,
    /** 纪检监察 */
    DISCIPLINE,
    /** 行政复议 */
    ADMINISTRATIVE_REVIEW,
    /** 信访 */
    PETITIONS_OFFICE,
    /** 110 */
    POLICE_110,
    /** 119 */
    FIRE_119,
    /** 120 */
    AMBULANCE_120,
    /** 122 */
    TRAFFIC_122
}
