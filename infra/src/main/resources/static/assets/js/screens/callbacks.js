// 电话回访: the replies awaiting the citizen's evaluation, oldest first, with the reply's gist, the masked phone (the
// full number only through the recorded reveal) and the evaluation form inline. A case rated by SMS or on the web
// leaves the list on its own the next time it is read.
import {caseAction, get} from '../api.js';
import {enumText, t, unitText} from '../i18n.js';
import {clear, h, toast} from '../dom.js';
import {field} from '../fields.js';
import {clearProblem, errorState, showProblem} from '../problems.js';
import {formatTime} from '../formats.js';
import {caseLink, table} from '../case-lists.js';
import {revealDialog} from './case.js';

const LEVELS = ['VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED'];
let scale = null; // the levels of the scale in use, asked once

export function render(main) {
    const counts = h('p', {class: 'counts', id: 'callbacks-counts', 'aria-live': 'polite'});
    const list = h('div', {id: 'callbacks-list'});
    main.append(h('div', {class: 'screen-head'}, h('h1', {id: 'callbacks-heading'}, t('callbacks.heading')),
        h('button', {type: 'button', class: 'secondary small', id: 'callbacks-refresh', onclick: load},
            t('callbacks.refresh'))),
        h('p', {class: 'hint'}, t('callbacks.hint')), counts, list);

    async function load() {
        try {
            scale = scale || await get('/api/public/v1/evaluations/scale').then(found => found.levels, () => LEVELS);
            const answer = await get('/api/v1/call-backs');
            clear(counts).append(t('callbacks.total', {n: answer.total, time: formatTime(answer.asOf)}));
            clear(list).append(table({
                caption: t('callbacks.caption'),
                empty: t('callbacks.empty'),
                rows: answer.items,
                rowClass: item => (item.invitationExpired ? 'row-yellow' : null),
                columns: [
                    {title: t('col.number'), cell: item => caseLink(item.caseId, item.caseNumber)},
                    {title: t('col.title'), cell: item => item.title},
                    {title: t('callbacks.repliedAt'), cell: item => h('span', {}, formatTime(item.repliedAt),
                        h('div', {class: 'hint'}, item.invitationExpired ? t('callbacks.expired')
                            : t('callbacks.openUntil', {time: formatTime(item.invitationOpenUntil)})))},
                    {title: t('callbacks.reply'), cell: item => h('span', {},
                        item.unit ? h('strong', {}, unitText(item.unit), ' ') : null,
                        item.result ? `${enumText('replyResult', item.result)} · ` : '', item.gist || '')},
                    {title: t('callbacks.citizen'), cell: item => h('span', {}, item.citizenName || '', ' ',
                        h('span', {class: 'nowrap'}, item.maskedPhone || ''), ' ',
                        item.maskedPhone ? h('button', {type: 'button', class: 'link-button', 'data-case-id': item.caseId,
                            onclick: () => revealDialog(item)}, t('action.reveal')) : null)},
                    {title: t('callbacks.evaluate'), cell: item => evaluationForm(item, load)},
                ],
            }));
        } catch (error) {
            clear(list).append(errorState(error));
        }
    }

    load();
    return null;
}

/** The call-back's result, recorded as feedback on channel PHONE through the ordinary command route. */
function evaluationForm(item, reload) {
    const satisfaction = field({label: t('form.satisfaction'), name: 'satisfaction', type: 'select', required: true,
        id: `callback-level-${item.caseId}`,
        options: [['', t('callbacks.choose')], ...(scale || LEVELS).map(level => [level, enumText('satisfaction', level)])]});
    const solved = field({label: t('callbacks.solved'), name: 'solved', type: 'checkbox',
        id: `callback-solved-${item.caseId}`});
    const comment = field({label: t('callbacks.comment'), name: 'comment', type: 'textarea', rows: 2,
        id: `callback-comment-${item.caseId}`, attrs: {maxlength: 2000}});
    const form = h('form', {class: 'callback-form', 'data-case-id': item.caseId}, satisfaction, solved, comment,
        h('div', {class: 'form-actions'}, h('button', {type: 'submit', class: 'primary small'}, t('callbacks.record'))));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        clearProblem(form);
        if (!form.reportValidity()) {
            return;
        }
        try {
            await caseAction(item.caseId, 'feedback', {channel: 'PHONE', satisfaction: satisfaction.control.value,
                solved: solved.control.checked, comment: comment.control.value.trim() || null});
            toast(t('callbacks.recorded', {number: item.caseNumber}));
            reload();
        } catch (error) {
            showProblem(form, error);
        }
    });
    return form;
}
