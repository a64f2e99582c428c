// A case's history as the console shows it: the audit API's events when it answers, else the view's chain of
// responsibility. Both become the same steps: {sequence, at, type, sentence, by: {userId, unitId, standingInFor}}.
import {get} from '../api.js';
import {can} from '../catalog.js';
import {enumText, lang, t, unitName} from '../i18n.js';

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
            unit: unitName(entry.unit), role: enumText('chainRole', entry.role), step: enumText('chainStep', entry.step),
        }) + (entry.reason ? ` — ${entry.reason}` : '') + (entry.accountable ? ` ${t('chain.accountable')}` : ''),
        by: entry.by || {},
        source: 'chain',
    }));
}

/**
 * 全程留痕 for those who do not audit: the business steps from the registration to the archiving (progress,
 * materials asked, the reply and its review, the call-back, supervision and urging, the ending), in time order.
 * Dispatch, signing, transfers and objections are the chain of responsibility the case page shows above it: not
 * repeated here. The view keeps the latest of each kind of step; the auditor's history has every one.
 */
export function businessSteps(view) {
    const step = (at, type, sentence, by) => (at ? {sequence: null, at, type, sentence, by: by || {}, source: 'view'} : null);
    const steps = [
        step(view.registeredAt, 'REGISTERED', t('timeline.registered', {channel: enumText('channel', view.channel)}),
            view.registeredBy),
    ];
    const p = view.lastProgress;
    const m = view.lastMaterialRequest;
    const r = view.lastReply;
    const review = view.lastReview;
    const f = view.lastFeedback;
    const s = view.supervision;
    const u = view.lastUrge;
    const e = view.ending;
    if (p) steps.push(step(p.at, 'PROGRESS', t('timeline.progress', {unit: unitName(p.unit), note: p.note}), p.by));
    if (m) steps.push(step(m.at, 'MATERIALS', t('timeline.materials', {unit: unitName(m.unit), items: (m.items || []).join('、')}), m.by));
    if (review) steps.push(step(review.at, 'REVIEW', t(review.approved ? 'timeline.reviewApproved' : 'timeline.reviewReturned',
        {unit: unitName(review.reviewer)}), review.by));
    if (r) steps.push(step(r.at, 'REPLIED', t('timeline.replied', {unit: unitName(r.unit),
        result: enumText('replyResult', r.result), text: r.text}), r.by));
    if (f) steps.push(step(f.at, 'FEEDBACK', t('timeline.feedback', {satisfaction: enumText('satisfaction', f.satisfaction),
        solved: f.solved ? t('case.solved') : t('case.notSolved')}), f.by));
    if (s) steps.push(step(s.at, 'SUPERVISED', t('timeline.supervised', {note: s.note || ''}), s.by));
    if (u) steps.push(step(u.at, 'URGED', t('timeline.urged', {unit: unitName(u.unit), note: u.note || ''}), u.by));
    if (e) steps.push(step(e.at, 'ENDED', `${enumText('ending', e.how)}${e.text ? `：${e.text}` : ''}`, e.by));
    if (view.status === 'CLOSED' && view.endedAt && !e) {
        steps.push(step(view.endedAt, 'CLOSED', t('timeline.archived')));
    }
    return steps.filter(Boolean).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
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
    if (!mayAudit) {
        return {steps: known ? businessSteps(known) : [], fromAudit: false, failed: false};
    }
    return {steps: known ? chainSteps(known) : [], fromAudit: false, failed: true};
}

/** "op-li（市民热线 HOTLINE）代 op-zhao". */
export function actedByText(by) {
    if (!by || !by.userId) {
        return '';
    }
    const unit = by.unitId ? `（${unitName(by.unitId)}）` : '';
    const behalf = by.standingInFor ? ` ${t('chain.standingInFor', {user: by.standingInFor})}` : '';
    return `${by.userId}${unit}${behalf}`;
}
