// 回访评价 on the dashboard: how the citizens' evaluations of the period's answers came in, by channel (电话回访,
// 短信, 网上, 现场), the invitations that expired unanswered (never counted as satisfied) and the time to evaluate.
import {enumText, t} from '../i18n.js';
import {h} from '../dom.js';
import {formatNumber, formatRate} from '../formats.js';

function fraction(value) {
    if (!value) {
        return '—';
    }
    return h('span', {}, value.rate === null || value.rate === undefined ? '—' : formatRate(value.rate),
        h('span', {class: 'hint'}, ` ${formatNumber(value.numerator)}/${formatNumber(value.denominator)}`));
}

/** The panel for summary.evaluations; nothing when the server sent none. */
export function evaluationPanel(evaluations) {
    if (!evaluations) {
        return null;
    }
    const hours = evaluations.averageHoursToEvaluate;
    return h('section', {class: 'panel', id: 'evaluations', 'aria-labelledby': 'evaluations-title'},
        h('h2', {id: 'evaluations-title'}, t('evaluations.heading')),
        h('p', {class: 'hint'}, t('evaluations.summary', {
            invitations: formatNumber(evaluations.invitations),
            unanswered: formatNumber(evaluations.unanswered),
            upTo: evaluations.expiredUpTo || '—',
            hours: hours === null || hours === undefined ? '—' : hours.toFixed(1)})),
        h('div', {class: 'table-wrap'}, h('table', {class: 'grid figures'},
            h('caption', {}, t('evaluations.caption')),
            h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('evaluations.channel')),
                h('th', {scope: 'col'}, t('evaluations.participation')),
                h('th', {scope: 'col'}, t('evaluations.satisfaction')))),
            h('tbody', {},
                h('tr', {}, h('th', {scope: 'row'}, t('evaluations.all')), h('td', {}, fraction(evaluations.participation)),
                    h('td', {}, '')),
                (evaluations.byChannel || []).map(line => h('tr', {dataset: {channel: line.channel}},
                    h('th', {scope: 'row'}, enumText('feedbackChannel', line.channel)),
                    h('td', {}, fraction(line.participation)), h('td', {}, fraction(line.satisfaction))))))));
}
