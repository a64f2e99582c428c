// 待办: a unit's open cases, nearest deadline first, yellow and red marks, kept current by the server's event
// stream (EventSource rides on the session cookie), with the actions the person's role allows on each case.
// A working list: one line per case, sorted and filtered in place, worked by keyboard (dom.js rowKeys), and
// several cases signed for in one go where the role signs for (one request per case, each answered on its own).
import {caseAction, get} from '../api.js';
import {enumText, t, unitText} from '../i18n.js';
import {clear, h} from '../dom.js';
import {enumOptions} from '../fields.js';
import {errorState, problemText} from '../problems.js';
import {formatTime, remaining} from '../formats.js';
import {caseLink, table, warningBadge} from '../case-lists.js';
import {keyHint, rowKeys} from '../list-keys.js';
import {CATEGORIES} from '../catalog.js';
import {unitPicker} from '../unit-picker.js';
import {actionButtons, actionsFor, applied} from './actions.js';

const PAGE = 100;
/**
 * Lines drawn at once, more than a screen holds; the rest of the page follows in the next task. A unit's inbox holds
 * hundreds of cases, and a hundred lines with their actions took a tenth of a second to build before any was shown.
 */
const FIRST_LINES = 25;
const LAST_UNIT_KEY = 'hotline.inbox.unit';
/** How long the inbox waits for its stream's first message before it asks for the inbox on its own. */
const STREAM_GRACE_MS = 1500;
/** A line's next deadline: an inbox line's due, a search line's nextDue (the board). */
const due = item => ((item.due || item.nextDue) ? Date.parse(item.due || item.nextDue) : Number.MAX_SAFE_INTEGER);
/** Orders of a working list; dueOf gives a line's deadline as already read. */
const SORTS = {
    deadline: (a, b, dueOf) => dueOf(a) - dueOf(b),
    overdue: (a, b, dueOf) => (a.warning === 'RED' ? 0 : 1) - (b.warning === 'RED' ? 0 : 1) || dueOf(a) - dueOf(b),
    category: (a, b, dueOf) => String(a.category).localeCompare(String(b.category)) || dueOf(a) - dueOf(b),
};

/** The sort and filter line of a working list: sort key, category, only overdue; onChange redraws. */
export function listControls(prefix, onChange, extra) {
    const select = (name, options) => h('label', {class: 'inline-field'}, t(`list.${name}`), ' ',
        h('select', {id: `${prefix}-${name}`, name, onchange: onChange}, options.map(([value, text]) => h('option', {value}, text))));
    return h('div', {class: 'list-controls', id: `${prefix}-controls`},
        select('sort', Object.keys(SORTS).concat(extra && extra.sorts ? extra.sorts : [])
            .map(key => [key, t(`list.sort.${key}`)])),
        select('category', [['', t('list.all')], ...enumOptions('category', CATEGORIES)]),
        extra && extra.units ? select('unit', [['', t('list.all')], ...extra.units]) : null,
        h('label', {class: 'inline-field'}, h('input', {type: 'checkbox', id: `${prefix}-only-overdue`, name: 'overdue',
            onchange: onChange}), ' ', t('list.onlyOverdue')));
}

/**
 * What the controls ask of the search, so that a list paged by the server is sorted and filtered across all its
 * pages, not only on the page shown: sort, category, lead unit, only overdue.
 */
export function searchParams(prefix) {
    const value = name => (document.getElementById(`${prefix}-${name}`) || {}).value || '';
    const overdue = (document.getElementById(`${prefix}-only-overdue`) || {}).checked;
    return {sort: value('sort') || 'deadline', category: value('category'), unit: value('unit'),
        overdue: overdue ? 'true' : ''};
}

/** The rows the controls keep, in their order; unitOf(row) is the unit filtered and sorted on. */
export function arrange(prefix, rows, unitOf) {
    const value = name => (document.getElementById(`${prefix}-${name}`) || {}).value || '';
    const overdue = (document.getElementById(`${prefix}-only-overdue`) || {}).checked;
    const sort = value('sort') || 'deadline';
    const unit = value('unit');
    const byUnit = (a, b, dueOf) => String(unitOf(a) || '').localeCompare(String(unitOf(b) || ''))
        || dueOf(a) - dueOf(b);
    const order = sort === 'unit' ? byUnit : (SORTS[sort] || SORTS.deadline);
    const kept = rows.filter(row => (!value('category') || row.category === value('category'))
        && (!unit || unitOf(row) === unit) && (!overdue || row.warning === 'RED'));
    // each line's deadline read once, not twice per comparison: a unit's inbox of a thousand lines took tens of
    // milliseconds to sort by parsing its dates again and again
    const dues = new Map(kept.map(row => [row, due(row)]));
    const dueOf = row => dues.get(row);
    return kept.sort((a, b) => order(a, b, dueOf));
}

export function render(main, context) {
    const {me} = context;
    // The permission table's unit rule for reading: a reader limited to their own unit sees only its inbox.
    const ownUnit = me.reads === 'OWN_UNIT';
    const unit = ownUnit ? me.unit : (context.params[0] || localStorage.getItem(LAST_UNIT_KEY) || '');
    let answer = null;
    let shown = PAGE;
    let source = null;
    let fallback = null;

    const live = h('span', {class: 'live off', id: 'inbox-live', role: 'status'}, t('inbox.connecting'));
    const counts = h('div', {class: 'counts', id: 'inbox-counts', 'aria-live': 'polite'});
    const list = h('div', {id: 'inbox-list', class: 'working-list'});
    const keys = rowKeys(list);
    const hint = h('p', {class: 'hint key-hint', id: 'inbox-keys'});
    const picked = new Set();
    const batch = h('div', {class: 'batch', id: 'inbox-batch'});
    const batchResult = h('ul', {class: 'batch-result', id: 'inbox-batch-result', role: 'status'});
    main.append(
        h('div', {class: 'screen-head'},
            h('h1', {id: 'inbox-heading'}, t('inbox.heading', {unit: unit ? unitText(unit) : ''})),
            live),
        ...(ownUnit ? [] : [unitChooser(unit, context)]),
        h('div', {class: 'list-bar'}, counts, listControls('inbox', () => draw()), batch), hint, batchResult, list);

    if (!unit) {
        live.hidden = true;
        return null;
    }
    if (!ownUnit) {
        localStorage.setItem(LAST_UNIT_KEY, unit);
    }

    /** Which draw() is the newest: the rest of an older one's lines is never added to a newer list. */
    let drawing = 0;

    function draw() {
        const mine = ++drawing;
        clear(counts);
        clear(list);
        list.removeAttribute('aria-busy');
        if (!answer) {
            return;
        }
        counts.append(
            h('span', {class: 'count'}, t('inbox.total', {n: answer.total})),
            h('span', {class: 'count count-yellow'}, t('inbox.yellow', {n: answer.yellow})),
            h('span', {class: 'count count-red'}, t('inbox.red', {n: answer.red})),
            h('span', {class: 'hint'}, t('inbox.asOf', {time: formatTime(answer.asOf)})));
        const rows = arrange('inbox', answer.items, () => unit).slice(0, shown);
        const signable = new Set(rows.filter(item => actionsFor(me, item, ['sign']).length).map(item => item.caseId));
        [...picked].filter(caseId => !signable.has(caseId)).forEach(caseId => picked.delete(caseId));
        drawBatch(signable);
        const lines = {
            caption: t('inbox.caption'),
            empty: t('inbox.empty'),
            rows,
            rowKey: item => item.caseId,
            rowClass: item => `row-${String(item.warning || 'none').toLowerCase()}`,
            columns: [
                ...(signable.size ? [{title: t('inbox.pick'), class: 'col-pick', cell: item => signable.has(item.caseId)
                    ? h('input', {type: 'checkbox', class: 'pick', 'aria-label': t('inbox.pickOne', {number: item.caseNumber}),
                        dataset: {pick: item.caseId}, checked: picked.has(item.caseId), onchange: event => {
                            if (event.target.checked) {
                                picked.add(item.caseId);
                            } else {
                                picked.delete(item.caseId);
                            }
                            drawBatch(signable);
                        }}) : ''}] : []),
                {title: t('col.warning'), cell: item => warningBadge(item.warning), class: 'col-warning'},
                {title: t('col.number'), cell: item => caseLink(item.caseId, item.caseNumber)},
                {title: t('col.title'), class: 'col-title', cell: item => h('span', {class: 'case-title', title: item.title}, item.title,
                    item.supervised ? h('span', {class: 'flag flag-supervised'}, t('flag.supervised')) : null,
                    item.objectionPending ? h('span', {class: 'flag flag-objection'}, t('flag.objection')) : null,
                    item.role === 'REVIEW_REPLY' ? h('span', {class: 'flag flag-review'}, t('flag.review')) : null)},
                {title: t('col.status'), cell: item => `${enumText('status', item.status)} · ${enumText('inboxRole', item.role)}`},
                {title: t('col.category'), cell: item => `${enumText('category', item.category)}${item.urgency && item.urgency !== 'NORMAL'
                    ? ` · ${enumText('urgency', item.urgency)}` : ''}`},
                {title: t('col.deadline'), class: 'col-deadline', cell: item => item.due ? h('span', {},
                    h('span', {class: 'deadline-kind'}, enumText('deadlineKind', item.deadlineKind)), ' ',
                    h('time', {class: 'nowrap', datetime: item.due}, formatTime(item.due)), ' ',
                    h('span', {class: 'hint nowrap'}, remaining(item.due, item.warning))) : '—'},
                {title: t('col.actions'), cell: item => actionButtons(me, item,
                    result => applied(item.caseId, result).then(refresh), null, true) || '—', class: 'col-actions'},
            ],
        };
        const drawn = table({...lines, rows: rows.slice(0, FIRST_LINES)});
        list.append(drawn);
        const finish = () => {
            if (answer.items.length > shown) {
                list.append(h('button', {type: 'button', class: 'secondary', id: 'inbox-more', onclick: () => {
                    shown += PAGE;
                    draw();
                }}, t('inbox.more', {n: answer.items.length - shown})));
            }
            list.removeAttribute('aria-busy');
            hint.textContent = keyHint(list);
            keys.restore();
        };
        if (rows.length <= FIRST_LINES) {
            finish();
            return;
        }
        // the rest of the page's lines in the next task: the first screenful is on the screen meanwhile
        list.setAttribute('aria-busy', 'true');
        setTimeout(() => {
            if (mine === drawing) {
                const rest = table({...lines, caption: null, rows: rows.slice(FIRST_LINES)});
                drawn.querySelector('tbody').append(...rest.querySelectorAll('tbody > tr'));
                finish();
            }
        }, 0);
    }

    function drawBatch(signable) {
        clear(batch);
        if (!signable.size) {
            return;
        }
        batch.append(
            h('button', {type: 'button', class: 'secondary small', id: 'inbox-pick-all', onclick: () => {
                const all = [...signable].every(caseId => picked.has(caseId));
                signable.forEach(caseId => (all ? picked.delete(caseId) : picked.add(caseId)));
                draw();
            }}, t('inbox.pickAll')),
            h('button', {type: 'button', class: 'primary small', id: 'inbox-batch-sign', disabled: picked.size === 0,
                onclick: signPicked}, t('inbox.batchSign', {n: picked.size})));
    }

    /** 批量签收: one request per case, in turn, each answer reported on its own line; the list then redraws once. */
    async function signPicked() {
        const chosen = answer.items.filter(item => picked.has(item.caseId));
        clear(batchResult);
        let last = null;
        for (const item of chosen) {
            try {
                const result = await caseAction(item.caseId, 'sign', null);
                last = {caseId: item.caseId, result};
                batchResult.append(h('li', {class: 'ok', dataset: {caseId: item.caseId}},
                    t('inbox.batchSigned', {number: item.caseNumber})));
            } catch (error) {
                batchResult.append(h('li', {class: 'failed', dataset: {caseId: item.caseId}},
                    t('inbox.batchFailed', {number: item.caseNumber, reason: problemText(error)})));
            }
            picked.delete(item.caseId);
        }
        if (last) {
            await applied(last.caseId, last.result);
        }
        await refresh();
        const first = list.querySelector('tr[data-row-key] .actions button');
        (first || list).focus();
    }

    /**
     * Shows an answer unless a newer one is on the page: a refresh and the stream answer independently, and an
     * answer read before an action must not replace one read after it (the stream would not send that state again).
     */
    function show(next) {
        if (answer && Date.parse(next.asOf) < Date.parse(answer.asOf)) {
            return;
        }
        answer = next;
        draw();
    }

    async function refresh() {
        try {
            show(await get('/api/v1/inbox', {unit}));
        } catch (error) {
            clear(list).append(errorState(error));
        }
    }

    function connect() {
        source = new EventSource(`/api/v1/inbox/stream?unit=${encodeURIComponent(unit)}`);
        // the stream's first message is the inbox as it is now: asked for again beside it, a unit's inbox of hundreds
        // of cases was read, mapped and sent twice on opening; it is asked for on its own only without the stream
        fallback = setTimeout(() => {
            if (!answer) {
                refresh();
            }
        }, STREAM_GRACE_MS);
        source.addEventListener('inbox', event => {
            live.className = 'live on';
            live.textContent = t('inbox.live');
            show(JSON.parse(event.data));
        });
        source.addEventListener('open', () => {
            live.className = 'live on';
            live.textContent = t('inbox.live');
        });
        source.addEventListener('error', () => {
            live.className = 'live off';
            live.textContent = t('inbox.reconnecting');
            if (!answer) {
                refresh();
            }
        });
    }

    connect();
    return () => {
        clearTimeout(fallback);
        if (source) {
            source.close();
        }
    };
}

function unitChooser(unit, context) {
    // the unit tree to pick from (unit-picker.js); a code typed freely still works when the directory is empty
    const input = unitPicker({label: t('inbox.unit'), name: 'unit', value: unit, required: true, id: 'inbox-unit'});
    const form = h('form', {class: 'inline-form', novalidate: true}, input,
        h('button', {type: 'submit', class: 'secondary'}, t('inbox.show')));
    form.addEventListener('submit', event => {
        event.preventDefault();
        const code = input.control.value.trim().toUpperCase();
        if (code) {
            context.navigate(`/inbox/${code}`);
        }
    });
    return form;
}
