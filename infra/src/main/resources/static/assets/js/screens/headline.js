// 首屏指标: what a 12345 supervisor reads first, each against the period before (环比) and the same days a year
// earlier (同比), and each a link to the cases behind it on the search screen. The comparison periods are asked of
// the same figures API; 受理量 by channel is the search's count per intake channel over the same registration days
// (the figures keep no channel dimension).
import {get} from '../api.js';
import {enumText, t, unitText} from '../i18n.js';
import {h} from '../dom.js';
import {errorState} from '../problems.js';
import {formatNumber, formatRate} from '../formats.js';
import {caseLink, statusBadge, table, warningBadge} from '../case-lists.js';
import {CHANNELS, can} from '../catalog.js';
import {actionButtons, applied} from './actions.js';

const DAY = 86400000;
const OVERDUE_ROWS = 10;
/** 当前在办超期: open cases (dispatched or in handling) with a deadline passed now, as the search decides it. */
const OVERDUE_NOW = {overdue: 'true', status: 'DISPATCHED,IN_HANDLING'};

/** The rates on the cards; lower is better only for 重办率. */
const RATE_CARDS = [
    {key: 'response', label: 'headline.response', link: {status: 'DISPATCHED', overdue: 'true'}},
    {key: 'onTimeCompletion', label: 'headline.onTimeCompletion', link: {status: 'IN_HANDLING', overdue: 'true'}},
    {key: 'solved', label: 'headline.solved', link: {status: 'REPLIED,CLOSED'}},
    {key: 'satisfaction', label: 'headline.satisfaction', link: {status: 'REPLIED,CLOSED'}},
    {key: 'reopen', label: 'headline.reopen', link: {status: 'IN_HANDLING'}, lowerIsBetter: true},
];

function day(text, shiftDays) {
    return new Date(Date.parse(`${text}T00:00:00Z`) + shiftDays * DAY).toISOString().slice(0, 10);
}

/** The period just before {from, to}, of the same number of days. */
export function previousRange(range) {
    const days = Math.round((Date.parse(range.to) - Date.parse(range.from)) / DAY) + 1;
    return {from: day(range.from, -days), to: day(range.to, -days)};
}

/** The same days one year earlier (29 February falls on the 28th). */
export function lastYearRange(range) {
    const back = text => {
        const [y, m, d] = text.split('-').map(Number);
        const date = new Date(Date.UTC(y - 1, m - 1, d));
        return (date.getUTCMonth() === m - 1 ? date : new Date(Date.UTC(y - 1, m, 0))).toISOString().slice(0, 10);
    };
    return {from: back(range.from), to: back(range.to)};
}

/** The two comparison summaries, asked at once; a failed one is shown as not known. */
export function comparisons(range) {
    return Promise.all([previousRange(range), lastYearRange(range)]
        .map(other => get('/api/v1/metrics/summary', other).catch(() => null)));
}

/** 受理量 per intake channel: the search's total for each channel over the registration days. */
export async function receivedByChannel(range) {
    const totals = await Promise.all(CHANNELS.map(channel =>
        get('/api/v1/cases', {channel, from: range.from, to: range.to, size: 1})
            .then(answer => [channel, answer.total]).catch(() => [channel, null])));
    return totals.filter(([, total]) => total !== null);
}

function figuresOf(summary) {
    return (summary && summary.figures) || {};
}

function rateOf(fraction) {
    return fraction && fraction.denominator ? fraction.numerator / fraction.denominator : null;
}

function received(summary) {
    const acceptance = figuresOf(summary).acceptance;
    return acceptance ? acceptance.denominator : null;
}

function overdue(summary) {
    const settledLate = figuresOf(summary).overdue;
    return settledLate ? settledLate.signFor + settledLate.completion : null;
}

export function casesLink(params) {
    const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value));
    return `#/cases?${query}`;
}

/** A change: of a rate in percentage points, of a count in per cent; marked better or worse, never colour alone. */
function delta(kindLabel, now, then, asPoints, lowerIsBetter) {
    if (now === null || then === null || then === undefined || (!asPoints && !then)) {
        return h('span', {class: 'delta delta-none'}, `${t(kindLabel)} —`);
    }
    const value = asPoints ? (now - then) * 100 : (now - then) / then * 100;
    const rounded = Math.round(value * 10) / 10;
    const sign = rounded > 0 ? '+' : (rounded < 0 ? '−' : '±');
    const better = rounded === 0 ? 'same' : ((rounded > 0) !== Boolean(lowerIsBetter) ? 'better' : 'worse');
    const amount = `${sign}${Math.abs(rounded).toFixed(1)}${asPoints ? t('headline.points') : '%'}`;
    return h('span', {class: `delta delta-${better}`, title: t(`headline.${better}`)},
        `${t(kindLabel)} ${amount}`, h('span', {class: 'sr-only'}, ` (${t(`headline.${better}`)})`));
}

function deltas(values, asPoints, lowerIsBetter) {
    const [now, previous, lastYear] = values;
    return h('div', {class: 'kpi-deltas'}, delta('headline.mom', now, previous, asPoints, lowerIsBetter),
        delta('headline.yoy', now, lastYear, asPoints, lowerIsBetter));
}

function card(id, label, valueText, href, detail, deltaLine) {
    return h('div', {class: 'kpi headline-card', id: `headline-${id}`, dataset: {figure: id}},
        h('div', {class: 'kpi-label'}, label),
        h('a', {class: 'kpi-value kpi-link', href, title: t('headline.open')}, valueText),
        detail, deltaLine);
}

/**
 * The cards for {summary, previous, lastYear} (summaries of the period, the one before and last year's) over range;
 * channels is [[channel, total]] once known.
 */
export function headlinePanel({summary, previous, lastYear, channels, range, overdueNow}) {
    const all = [summary, previous, lastYear];
    const dates = {from: range.from, to: range.to};
    const receivedNow = received(summary);
    const cards = [card('received', t('headline.received'), formatNumber(receivedNow ?? 0), casesLink(dates),
        h('div', {class: 'kpi-detail channel-split', id: 'headline-channels'}, channels
            ? channels.filter(([, total]) => total > 0).map(([channel, total]) => h('a', {
                class: 'channel-link', href: casesLink({...dates, channel}), dataset: {channel}},
            `${enumText('channel', channel)} ${formatNumber(total)}`))
            : t('common.loading')),
        deltas(all.map(received), false, false))];
    for (const rate of RATE_CARDS) {
        const fraction = figuresOf(summary)[rate.key];
        cards.push(card(rate.key, t(rate.label), formatRate(rateOf(fraction)), casesLink({...dates, ...rate.link}),
            h('div', {class: 'kpi-detail'}, fraction
                ? `${formatNumber(fraction.numerator)} / ${formatNumber(fraction.denominator)}` : '—'),
            deltas(all.map(one => rateOf(figuresOf(one)[rate.key])), true, rate.lowerIsBetter)));
    }
    const now = (summary && summary.now) || {};
    // 当前在办超期 counts what its link opens (the search's deadline-passed-now) once that count is here; until then
    // the figures' count, which moves only when the deadline watch has marked a case
    const overdueOpen = overdueNow ?? now.overdue ?? 0;
    cards.push(card('overdue', t('headline.overdue'), formatNumber(overdue(summary) ?? 0),
        casesLink({...dates, overdue: 'true'}),
        h('div', {class: 'kpi-detail'}, h('a', {href: casesLink(OVERDUE_NOW), id: 'headline-overdue-now',
            dataset: {count: String(overdueOpen)}}, t('headline.overdueNow', {n: formatNumber(overdueOpen)}))),
        deltas(all.map(overdue), false, true)));
    return h('section', {class: 'kpis headline', id: 'headline', 'aria-label': t('headline.label')}, cards);
}

/**
 * 超期在办: the open cases past a deadline now, with supervision and urging where the person may (the board's
 * overdue list, on the dashboard so that a supervisor reading it on a phone urges from there). Rows become cards on
 * a phone (console.css).
 */
export async function overduePanel(me, onAction) {
    if (!can(me, 'URGE', 'SUPERVISE')) {
        return null;
    }
    const params = OVERDUE_NOW;
    let answer;
    try {
        answer = await get('/api/v1/cases', {...params, size: OVERDUE_ROWS});
    } catch (error) {
        return h('section', {class: 'panel', id: 'dash-overdue'}, h('h2', {}, t('headline.overdueList')), errorState(error));
    }
    const panel = h('section', {class: 'panel', id: 'dash-overdue', 'aria-labelledby': 'dash-overdue-title'},
        h('h2', {id: 'dash-overdue-title'}, t('headline.overdueList'), ' ',
            h('a', {class: 'section-count', href: casesLink(params)}, t('headline.overdueAll', {n: formatNumber(answer.total)}))),
        table({
            caption: t('headline.overdueCaption'),
            empty: t('board.empty'),
            rows: answer.items,
            rowClass: () => 'row-red',
            columns: [
                {title: t('col.warning'), cell: row => warningBadge(row.warning), class: 'col-warning'},
                {title: t('col.number'), cell: row => caseLink(row.caseId, row.caseNumber)},
                {title: t('col.title'), cell: row => row.title},
                {title: t('col.status'), cell: row => statusBadge(row.status)},
                {title: t('col.lead'), cell: row => unitText(row.leadUnit) || '—'},
                {title: t('col.actions'), class: 'col-actions',
                    cell: row => actionButtons(me, row, async result => {
                        await applied(row.caseId, result);
                        onAction();
                    }, ['supervise', 'urge']) || '—'},
            ],
        }));
    panel.overdueTotal = answer.total;
    return panel;
}

/** How many open cases are past a deadline now: the total of the search 当前在办超期 links to. */
export async function overdueNowCount() {
    return (await get('/api/v1/cases', {...OVERDUE_NOW, size: 1})).total;
}
