// 工单查询: find cases by number, caller's phone, words, status, area, overdue; newest first, a page at a time.
import {get} from '../api.js';
import {enumText, t, tOr, unitTag, unitText} from '../i18n.js';
import {clear, h} from '../dom.js';
import {enumOptions, field} from '../fields.js';
import {errorState} from '../problems.js';
import {formatTime} from '../formats.js';
import {caseLink, statusBadge, table, warningBadge} from '../case-lists.js';
import {AREAS, STATUSES} from '../catalog.js';

const SIZE = 20;
let remembered = {page: 0};
/** The filters a link may carry (the dashboard's figures and bars open the cases behind them) beyond the form's. */
const SCOPE = ['unit', 'channel', 'category', 'from', 'to'];

/** A link's query (#/cases?status=&overdue=&unit=&from=&to=…) replaces what was remembered; without one, nothing. */
function fromLink(query) {
    if (!query || ![...query.keys()].length) {
        return;
    }
    remembered = {status: query.get('status') || '', area: query.get('area') || '',
        overdue: query.get('overdue') === 'true', page: 0};
    SCOPE.forEach(key => {
        remembered[key] = query.get(key) || '';
    });
}

function scopeLine(onClear) {
    const parts = SCOPE.filter(key => remembered[key]).map(key => `${t(`search.scope.${key}`)}：${scopeText(key)}`);
    if (remembered.status && remembered.status.includes(',')) {
        parts.unshift(`${t('search.status')}：${remembered.status.split(',').map(s => enumText('status', s)).join('、')}`);
    }
    return parts.length ? h('p', {class: 'hint search-scope', id: 'search-scope'}, parts.join(' · '), ' ',
        h('button', {type: 'button', class: 'link-button', id: 'search-scope-clear', onclick: onClear},
            t('search.scope.clear'))) : null;
}

function scopeText(key) {
    const value = remembered[key];
    return {unit: () => unitText(value), channel: () => enumText('channel', value),
        category: () => enumText('category', value)}[key]?.() || value;
}

export function render(main, context) {
    fromLink(context && context.query);
    const number = field({label: t('search.number'), name: 'number', value: remembered.number,
        attrs: {id: 'search-number', autocomplete: 'off'}});
    const phone = field({label: t('search.phone'), name: 'phone', type: 'tel', value: remembered.phone,
        attrs: {id: 'search-phone', autocomplete: 'off'}});
    const words = field({label: t('search.words'), name: 'q', value: remembered.q, attrs: {id: 'search-q', maxlength: 100}});
    const status = field({label: t('search.status'), name: 'status', type: 'select', value: remembered.status || '',
        options: [['', t('common.any')], ...enumOptions('status', STATUSES)], attrs: {id: 'search-status'}});
    const area = field({label: t('search.area'), name: 'area', type: 'select', value: remembered.area || '',
        options: [['', t('common.any')], ['3706', t('area.370600')],
            ...AREAS.filter(code => code !== '370600').map(code => [code, t(`area.${code}`)])], attrs: {id: 'search-area'}});
    const overdue = field({label: t('search.overdue'), name: 'overdue', type: 'checkbox', value: remembered.overdue,
        attrs: {id: 'search-overdue'}});
    const results = h('div', {id: 'search-results', 'aria-live': 'polite'});
    const form = h('form', {class: 'form-grid search-form', novalidate: true, role: 'search'},
        number, phone, words, status, area, overdue,
        h('div', {class: 'form-actions field-wide'}, h('button', {type: 'submit', class: 'primary', id: 'search-submit'},
            t('action.search'))));
    form.addEventListener('submit', event => {
        event.preventDefault();
        const scope = Object.fromEntries(SCOPE.map(key => [key, remembered[key]]));
        remembered = {...scope,
            number: number.control.value.trim(), phone: phone.control.value.trim(), q: words.control.value.trim(),
            status: status.control.value || (remembered.status || '').includes(',') && remembered.status || '',
            area: area.control.value, overdue: overdue.control.checked, page: 0,
        };
        run();
    });
    main.append(h('div', {class: 'screen-head'}, h('h1', {}, t('search.heading'))),
        h('section', {class: 'panel'}, form, scopeLine(() => {
            remembered = {page: 0};
            context.navigate('/cases');
        })), results);

    async function run() {
        clear(results).append(h('p', {class: 'loading'}, t('common.loading')));
        try {
            const answer = await get('/api/v1/cases', {number: remembered.number, phone: remembered.phone,
                q: remembered.q, status: remembered.status, area: remembered.area,
                overdue: remembered.overdue ? 'true' : '', unit: remembered.unit, channel: remembered.channel,
                category: remembered.category, from: remembered.from, to: remembered.to,
                page: remembered.page, size: SIZE});
            clear(results);
            results.append(h('p', {class: 'hint', id: 'search-total'}, t(answer.totalExact === false ? 'search.totalAtLeast' : 'search.total', {n: answer.total})),
                table({
                    caption: t('search.caption'),
                    empty: t('search.empty'),
                    rows: answer.items,
                    columns: [
                        {title: t('col.warning'), cell: row => warningBadge(row.warning), class: 'col-warning'},
                        {title: t('col.number'), cell: row => caseLink(row.caseId, row.caseNumber)},
                        {title: t('col.title'), cell: row => row.title},
                        {title: t('col.status'), cell: row => statusBadge(row.status)},
                        {title: t('col.category'), cell: row => enumText('category', row.category)},
                        {title: t('col.area'), cell: row => tOr(`area.${row.area}`, row.area)},
                        {title: t('col.lead'), cell: row => (row.leadUnit ? unitTag(row.leadUnit) : '—')},
                        {title: t('col.registeredAt'), cell: row => formatTime(row.registeredAt)},
                    ],
                }));
            if (answer.totalPages > 1) {
                results.append(h('div', {class: 'pager'},
                    h('button', {type: 'button', class: 'secondary small', disabled: answer.page <= 0, onclick: () => {
                        remembered.page -= 1;
                        run();
                    }}, t('pager.previous')),
                    h('span', {}, t('pager.position', {page: answer.page + 1, pages: answer.totalPages})),
                    h('button', {type: 'button', class: 'secondary small', disabled: answer.page + 1 >= answer.totalPages,
                        onclick: () => {
                            remembered.page += 1;
                            run();
                        }}, t('pager.next'))));
            }
        } catch (error) {
            clear(results).append(errorState(error));
        }
    }

    run();
    number.control.focus();
    return null;
}
