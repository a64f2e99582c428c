// A case's history as the console shows it: the audit API's events when it answers, else the view's chain of
// responsibility. Both become the same steps: {sequence, at, type, sentence, by: {userId, unitId, standingInFor}}.
import {get} from '../api.js';
import {can} from '../catalog.js';
import {enumText, lang, t, unitText} from '../i18n.js';

function pick(object, ...names) {
    for (const name of names) {
        if (object && object[name] !== undefined && object[name] !== null) {
            return object[name];
        }
    }
    return undefined;
}

/** The sentence of an event in the current language, whatever shape the API gives it. */
function sentenceOf(event) {
    const english = lang() === 'en';
    const holder = pick(event, 'sentence', 'sentences', 'text', 'description', 'summary');
    if (holder && typeof holder === 'object') {
        return english ? pick(holder, 'en', 'english', 'zh', 'zh-CN') : pick(holder, 'zh', 'zh-CN', 'zhCN', 'chinese', 'en');
    }
    const flat = english ? pick(event, 'sentenceEn', 'en', 'textEn') : pick(event, 'sentenceZh', 'zh', 'textZh');
    return flat || (typeof holder === 'string' ? holder : '');
}

function actorOf(event) {
    const actor = pick(event, 'by', 'actor', 'who', 'actedBy');
    if (actor && typeof actor === 'object') {
        return {userId: pick(actor, 'userId', 'username', 'user', 'name'), unitId: pick(actor, 'unitId', 'unit'),
            standingInFor: pick(actor, 'standingInFor', 'onBehalfOf')};
    }
    return {userId: typeof actor === 'string' ? actor : pick(event, 'userId', 'user'),
        unitId: pick(event, 'unitId', 'unit'), standingInFor: pick(event, 'standingInFor', 'onBehalfOf')};
}

function normalise(answer) {
    const events = Array.isArray(answer) ? answer : (pick(answer, 'events', 'entries', 'items', 'history') || []);
    return events.map((event, index) => ({
        sequence: pick(event, 'sequence', 'sequenceNumber', 'version', 'seq') ?? index,
        at: pick(event, 'at', 'timestamp', 'occurredAt', 'time'),
        type: pick(event, 'type', 'eventType', 'payloadType', 'name') || '',
        sentence: sentenceOf(event),
        by: actorOf(event),
        source: 'audit',
    }));
}

/** The chain of responsibility as steps (no sequence numbers: the as-of view is then asked by time). */
export function chainSteps(view) {
    return (view.chain || []).map(entry => ({
        sequence: null,
        at: entry.at,
        type: entry.step,
        sentence: t('chain.sentence', {
            unit: unitText(entry.unit), role: enumText('chainRole', entry.role), step: enumText('chainStep', entry.step),
        }) + (entry.reason ? ` — ${entry.reason}` : '') + (entry.accountable ? ` ${t('chain.accountable')}` : ''),
        by: entry.by || {},
        source: 'chain',
    }));
}

/**
 * {steps, fromAudit, failed}: for an auditor or supervisor, the audit API's history when it answers 200, else
 * (failed) the chain of the view given. Others get the chain without asking: the audit API would refuse them and
 * record the refusal on every case page opened. The view may be a promise: screens ask for the case and its
 * history at once rather than one after the other.
 */
export async function historyOf(caseId, view, me) {
    const mayAudit = can(me, 'AUDIT');
    if (mayAudit) {
        try {
            const answer = await get(`/api/v1/audit/cases/${encodeURIComponent(caseId)}/history`);
            if (answer) {
                return {steps: normalise(answer), fromAudit: true, failed: false};
            }
        } catch (error) {
            // any refusal or failure of the audit API: the chain still tells the story
        }
    }
    const known = await Promise.resolve(view).catch(() => null);
    return {steps: known ? chainSteps(known) : [], fromAudit: false, failed: mayAudit};
}

/** "op-li（市民热线 HOTLINE）代 op-zhao". */
export function actedByText(by) {
    if (!by || !by.userId) {
        return '';
    }
    const unit = by.unitId ? `（${unitText(by.unitId)}）` : '';
    const behalf = by.standingInFor ? ` ${t('chain.standingInFor', {user: by.standingInFor})}` : '';
    return `${by.userId}${unit}${behalf}`;
}
