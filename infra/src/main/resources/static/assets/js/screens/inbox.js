// 待办: a unit's open cases, nearest deadline first, yellow and red marks, kept current by the server's event
// stream (EventSource rides on the session cookie), with the actions the person's role allows on each case.
import {get} from '../api.js';
import {enumText, t, unitText} from '../i18n.js';
import {caseLink, clear, errorState, formatTime, h, remaining, table, warningBadge} from '../dom.js';
import {unitPicker} from '../unit-picker.js';
import {actionButtons, applied} from './actions.js';

const PAGE = 100;
const LAST_UNIT_KEY = 'hotline.inbox.unit';

export function render(main, context) {
    const {me} = context;
    // The permission table's unit rule for reading: a reader limited to their own unit sees only its inbox.
    const ownUnit = me.reads === 'OWN_UNIT';
    const unit = ownUnit ? me.unit : (context.params[0] || localStorage.getItem(LAST_UNIT_KEY) || '');
    let answer = null;
    let shown = PAGE;
    let source = null;

    const live = h('span', {class: 'live off', id: 'inbox-live', role: 'status'}, t('inbox.connecting'));
    const counts = h('div', {class: 'counts', id: 'inbox-counts', 'aria-live': 'polite'});
    const list = h('div', {id: 'inbox-list'});
    main.append(
        h('div', {class: 'screen-head'},
            h('h1', {id: 'inbox-heading'}, t('inbox.heading', {unit: unit ? unitText(unit) : ''})),
            live),
        ...(ownUnit ? [] : [unitChooser(unit, context)]),
        counts, list);

    if (!unit) {
        live.hidden = true;
        return null;
    }
    if (!ownUnit) {
        localStorage.setItem(LAST_UNIT_KEY, unit);
    }

    function draw() {
        clear(counts);
        clear(list);
        if (!answer) {
            return;
        }
        counts.append(
            h('span', {class: 'count'}, t('inbox.total', {n: answer.total})),
            h('span', {class: 'count count-yellow'}, t('inbox.yellow', {n: answer.yellow})),
            h('span', {class: 'count count-red'}, t('inbox.red', {n: answer.red})),
            h('span', {class: 'hint'}, t('inbox.asOf', {time: formatTime(answer.asOf)})));
        const focused = document.activeElement;
        const focusKey = focused && focused.dataset && focused.dataset.caseId
            ? `${focused.dataset.caseId}/${focused.dataset.action || ''}` : null;
        const rows = answer.items.slice(0, shown);
        list.append(table({
            caption: t('inbox.caption'),
            empty: t('inbox.empty'),
            rows,
            rowClass: item => `row-${String(item.warning || 'none').toLowerCase()}`,
            columns: [
                {title: t('col.warning'), cell: item => warningBadge(item.warning), class: 'col-warning'},
                {title: t('col.number'), cell: item => caseLink(item.caseId, item.caseNumber)},
                {title: t('col.title'), cell: item => h('span', {class: 'case-title'}, item.title,
                    item.supervised ? h('span', {class: 'flag flag-supervised'}, t('flag.supervised')) : null,
                    item.objectionPending ? h('span', {class: 'flag flag-objection'}, t('flag.objection')) : null,
                    item.role === 'REVIEW_REPLY' ? h('span', {class: 'flag flag-review'}, t('flag.review')) : null)},
                {title: t('col.status'), cell: item => `${enumText('status', item.status)} · ${enumText('inboxRole', item.role)}`},
                {title: t('col.category'), cell: item => `${enumText('category', item.category)}${item.urgency && item.urgency !== 'NORMAL'
                    ? ` · ${enumText('urgency', item.urgency)}` : ''}`},
                {title: t('col.deadline'), cell: item => item.due ? h('span', {},
                    h('span', {class: 'deadline-kind'}, enumText('deadlineKind', item.deadlineKind)), ' ',
                    formatTime(item.due), h('br'), h('span', {class: 'hint'}, remaining(item.due, item.warning))) : '—'},
                {title: t('col.actions'), cell: item => actionButtons(me, item,
                    result => applied(item.caseId, result).then(refresh)) || '—', class: 'col-actions'},
            ],
        }));
        if (answer.items.length > shown) {
            list.append(h('button', {type: 'button', class: 'secondary', id: 'inbox-more', onclick: () => {
                shown += PAGE;
                draw();
            }}, t('inbox.more', {n: answer.items.length - shown})));
        }
        if (focusKey) {
            const [caseId, action] = focusKey.split('/');
            const again = list.querySelector(`[data-case-id="${CSS.escape(caseId)}"][data-action="${CSS.escape(action)}"]`)
                || list.querySelector(`[data-case-id="${CSS.escape(caseId)}"]`);
            if (again) {
                again.focus();
            }
        }
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
        });
    }

    refresh();
    connect();
    return () => {
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
