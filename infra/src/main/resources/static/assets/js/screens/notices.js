// 件件有回音 on the dashboard: the messages to citizens (registration, reply, reopening, closing, material requests) by
// channel and outcome since the start: sent, delivered, failed, or not sent and why. Counts only, nothing personal.
import {enumText, t} from '../i18n.js';
import {h} from '../dom.js';
import {formatNumber} from '../formats.js';

const OUTCOMES = ['SENT', 'DELIVERED', 'FAILED', 'SUPPRESSED'];

/** The panel for GET /api/v1/notifications/figures; nothing when the node answered none (a query-only node). */
export function noticesPanel(figures) {
    const rows = figures && figures.rows;
    if (!rows) {
        return null;
    }
    const lines = new Map();
    rows.forEach(row => {
        const key = `${row.channel}|${row.template}`;
        const line = lines.get(key) || {channel: row.channel, template: row.template, counts: {}};
        line.counts[row.outcome] = (line.counts[row.outcome] || 0) + row.count;
        lines.set(key, line);
    });
    return h('section', {class: 'panel', id: 'notices', 'aria-labelledby': 'notices-title'},
        h('h2', {id: 'notices-title'}, t('notices.heading')),
        lines.size === 0 ? h('p', {class: 'hint'}, t('notices.none')) : h('div', {class: 'table-wrap'},
            h('table', {class: 'grid figures'},
                h('caption', {}, t('notices.caption')),
                h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('notices.channel')),
                    h('th', {scope: 'col'}, t('notices.template')),
                    OUTCOMES.map(outcome => h('th', {scope: 'col'}, enumText('noticeOutcome', outcome))))),
                h('tbody', {}, [...lines.values()].map(line => h('tr', {dataset: {channel: line.channel}},
                    h('th', {scope: 'row'}, enumText('noticeChannel', line.channel)),
                    h('td', {}, enumText('noticeTemplate', line.template)),
                    OUTCOMES.map(outcome => h('td', {}, formatNumber(line.counts[outcome] || 0)))))))));
}
