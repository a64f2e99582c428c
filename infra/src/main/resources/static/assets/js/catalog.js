// The API's enumerations and the few local lists the forms offer (districts, units), in the order shown.

export const CHANNELS = ['HOTLINE', 'WEB', 'APP', 'WECHAT', 'LETTER', 'VISIT'];
export const CATEGORIES = ['CONSULTATION', 'HELP', 'COMPLAINT', 'REPORT', 'SUGGESTION', 'THANKS'];
export const URGENCIES = ['NORMAL', 'URGENT', 'EMERGENCY'];
export const JURISDICTIONS = ['COURT', 'ARBITRATION', 'DISCIPLINE', 'ADMINISTRATIVE_REVIEW', 'PETITIONS_OFFICE',
    'POLICE_110', 'FIRE_119', 'AMBULANCE_120', 'TRAFFIC_122'];
export const FEEDBACK_CHANNELS = ['PHONE', 'SMS', 'WEB', 'ON_SITE'];
export const SATISFACTION = ['VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED'];
export const REPLY_RESULTS = ['SOLVED', 'EXPLAINED', 'UNSOLVABLE'];
export const STATUSES = ['REGISTERED', 'DISPATCHED', 'IN_HANDLING', 'REPLIED', 'RESOLVED_AT_INTAKE', 'REDIRECTED',
    'MERGED', 'CLOSED', 'WITHDRAWN'];
export const OPEN_STATUSES = ['DISPATCHED', 'IN_HANDLING'];

/** 烟台 (3706): the city and its districts and county-level cities; names are in the dictionaries (area.CODE). */
export const AREAS = ['370602', '370611', '370612', '370613', '370614', '370681', '370683', '370685', '370686',
    '370687', '370600'];

/** Units the forms offer besides those the dispatch catalogue names; names are in the dictionaries (unit.CODE). */
export const KNOWN_UNITS = ['URBAN-MGMT', 'MARKET-REG', 'HOUSING', 'TRANSPORT', 'WATER', 'ENVIRONMENT', 'HEALTH',
    'EDUCATION', 'HUMAN-RES', 'PUBLIC-SECURITY', 'POWER', 'GAS', 'ZHIFU-GOV', 'LAISHAN-GOV', 'FUSHAN-GOV'];

/** A unit code as the API takes it; the pattern attribute accepts lower case too (the forms upper-case it). */
export const UNIT_PATTERN_ATTRIBUTE = '[A-Za-z0-9\\-]{2,32}';

/**
 * Whether the signed-in person holds any of these permissions. The server's permission table decides who holds
 * which ({@code permissions} in GET /api/v1/me), so the console keeps no list of roles of its own.
 */
export function can(me, ...actions) {
    const mine = new Set((me && me.permissions) || []);
    return actions.some(action => mine.has(action));
}
