// 协调督办: what waits on the hotline's own people. Objections awaiting a lead designation, extension requests
// awaiting approval, the overdue board with supervision and urging, replies awaiting the call-back, and cases
// registered but not yet dispatched. Each list shows only to those whose permissions act on it, the person's own work first;
// a list is fetched when it scrolls into view (each is a search over all cases), and again every minute.
import {get} from '../api.js';
import {directoryCodes, enumText, t, unitName, unitTag} from '../i18n.js';
import {clear, h} from '../dom.js';
import {errorState} from '../problems.js';
import {formatTime, remaining} from '../formats.js';
import {caseLink, table, warningBadge} from '../case-lists.js';
import {keyHint, rowKeys} from '../list-keys.js';
import {can} from '../catalog.js';
import {actionButtons, applied} from './actions.js';
import {arrange, listControls, searchParams} from './inbox.js';

/**
 * 超期: which limits a case missed (签收, 办结, 审核) and by how long, each clock from the case's view: the longest
 * first, so the board says what was missed, not only that something was.
 */
function missedLimits(view) {
    const now = Date.now();
    const missed = ['signForDeadline', 'completionDeadline', 'reviewDeadline'].map(name => view[name])
        // the server's word first (its colour per kind, the missed mark): this computer's clock may run behind it
        .filter(clock => clock && clock.due && !clock.doneAt && (clock.missedAt
            || (view.warnings || {})[clock.kind] === 'RED' || Date.parse(clock.due) <= now))
        .sort((a, b) => Date.parse(a.due) - Date.parse(b.due));
    if (!missed.length) {
        return view.nextDue ? h('span', {class: 'nowrap'}, remaining(view.nextDue, view.warning)) : '—';
    }
    return h('span', {class: 'missed'}, missed.map(clock => h('span', {class: 'missed-limit nowrap', dataset: {kind: clock.kind}},
        h('strong', {}, enumText('deadlineKind', clock.kind)), ' ', remaining(clock.due, 'RED'))));
}

const SIZE = 20;
const AUTO_REFRESH_MS = 60000;
/** Which list comes first for whom, by the permission that marks their work. */
const FIRST = {RECORD_FEEDBACK: ['callback', 'registered'], DESIGNATE_LEAD_UNIT: ['objections', 'extensions'],
    SUPERVISE: ['overdue']};

const SECTIONS = [
    {key: 'objections', needs: ['REDISPATCH', 'DESIGNATE_LEAD_UNIT', 'SUPERVISE'], withViews: true,
        params: {pending: 'OBJECTION', status: 'DISPATCHED,IN_HANDLING'},
        only: ['designate', 'redispatch'],
        detail: view => view.pendingObjection ? h('div', {class: 'detail'},
            h('strong', {}, unitTag(view.pendingObjection.unit)), '：', view.pendingObjection.reason,
            h('div', {class: 'hint'}, formatTime(view.pendingObjection.at))) : '—'},
    {key: 'extensions', needs: ['DECIDE_EXTENSION', 'SUPERVISE'], withViews: true,
        params: {pending: 'EXTENSION', status: 'IN_HANDLING'},
        only: ['approveExtension', 'rejectExtension'],
        detail: view => view.pendingExtension ? h('div', {class: 'detail'},
            h('strong', {}, t('board.extraDays', {n: view.pendingExtension.extraWorkingDays})), ' · ',
            unitTag(view.pendingExtension.unit), '：', view.pendingExtension.reason) : '—'},
    {key: 'overdue', needs: ['URGE', 'DESIGNATE_LEAD_UNIT'], withViews: true,
        params: {overdue: 'true', status: 'DISPATCHED,IN_HANDLING'},
        only: ['supervise', 'urge'],
        detail: missedLimits},
    {key: 'callback', needs: ['RECORD_FEEDBACK'], withViews: true,
        params: {status: 'REPLIED,RESOLVED_AT_INTAKE'},
        only: ['feedback', 'close', 'reopen'],
        detail: view => view.lastReply ? h('div', {class: 'detail'},
            enumText('replyResult', view.lastReply.result), '：', view.lastReply.text,
            view.lastFeedback ? h('div', {class: 'hint'}, t('board.feedbackGiven', {
                satisfaction: enumText('satisfaction', view.lastFeedback.satisfaction)})) : null)
            : (view.ending ? h('div', {class: 'detail'}, view.ending.text) : '—')},
    {key: 'registered', needs: ['DISPATCH'],
        params: {status: 'REGISTERED'},
        only: ['dispatch', 'resolve', 'redirect']},
];

export function render(main, context) {
    const {me} = context;
    const first = Object.entries(FIRST).filter(([permission]) => can(me, permission)).flatMap(([, keys]) => keys);
    const rank = section => (first.includes(section.key) ? first.indexOf(section.key) : first.length + SECTIONS.indexOf(section));
    const sections = SECTIONS.filter(section => can(me, ...section.needs)).sort((a, b) => rank(a) - rank(b));
    const shown = new Set();
    const holders = new Map();
    const pages = new Map();
    main.append(h('div', {class: 'screen-head'},
        h('h1', {}, t('board.heading')),
        h('button', {type: 'button', class: 'secondary', id: 'board-refresh', onclick: () => loadAll()},
            t('action.refresh'))));
    const nav = h('nav', {class: 'section-nav', 'aria-label': t('board.sections')});
    main.append(nav);
    main.append(listControls('board', () => fromTheFirstPage(), {sorts: ['unit'],
        units: directoryCodes().map(code => [code, unitName(code)])}));
    main.append(h('p', {class: 'hint key-hint', id: 'board-keys'}, t('keys.move')));
    const keysOf = new Map();
    for (const section of sections) {
        const holder = h('div', {class: 'section-body', id: `board-${section.key}-body`},
            h('p', {class: 'loading'}, t('common.loading')));
        holders.set(section.key, holder);
        keysOf.set(section.key, rowKeys(holder));
        pages.set(section.key, 0);
        nav.append(h('a', {href: `#/board`, onclick: event => {
            event.preventDefault();
            document.getElementById(`board-${section.key}`).focus();
        }}, t(`board.${section.key}`)));
        main.append(h('section', {class: 'panel board-section', id: `board-${section.key}`, tabindex: '-1',
            'aria-labelledby': `board-${section.key}-heading`},
        h('h2', {id: `board-${section.key}-heading`}, t(`board.${section.key}`),
            h('span', {class: 'section-count', id: `board-${section.key}-count`})),
        h('p', {class: 'hint'}, t(`board.${section.key}Hint`)),
        holder));
    }

    async function afterAction(result, caseId) {
        await applied(caseId, result);
        loadAll();
    }

    /** Which load of each section is the newest: an older one, still waiting for its answers, draws nothing. */
    const loads = new Map();
    let disposed = false;

    /**
     * A section's page: drawn as soon as the search answers, then again with each case's view where the section shows
     * what only the view says (the objection, the missed limits, the reply): twenty views come a few at a time (a
     * browser holds six connections to a server), and waiting for all of them kept the whole list off the screen.
     * Until its view is in, a line's detail and actions say they are coming (actions drawn from the search's line
     * alone could offer what the case no longer allows). The second drawing keeps the first one's order, so that a
     * line does not move under the reader when its view comes in.
     */
    async function load(section) {
        const holder = holders.get(section.key);
        const page = pages.get(section.key);
        const mine = (loads.get(section.key) || 0) + 1;
        loads.set(section.key, mine);
        const newest = () => !disposed && loads.get(section.key) === mine;
        // busy until the newest load has drawn the section whole (assistive technology waits to read it)
        holder.setAttribute('aria-busy', 'true');
        try {
            // sorted and filtered by the search, across every page; the page is then arranged the same way
            const answer = await get('/api/v1/cases', {...searchParams('board'), ...section.params, page, size: SIZE});
            if (!newest()) {
                return;
            }
            const lines = arrange('board', answer.items, row => row.leadUnit);
            draw(section, answer, lines, Boolean(section.withViews));
            if (section.withViews && lines.length) {
                const rows = await Promise.all(lines.map(item => get(`/api/v1/cases/${encodeURIComponent(item.caseId)}`)
                    .then(view => ({...item, ...view})).catch(() => item)));
                if (newest()) {
                    draw(section, answer, rows, false);
                }
            }
        } catch (error) {
            if (newest()) {
                holder.removeAttribute('aria-busy');
                clear(holder).append(errorState(error));
            }
        }
    }

    /** Draws a section's lines, already arranged; waiting: the cases' views are still to come. */
    function draw(section, answer, rows, waiting) {
        const holder = holders.get(section.key);
        const coming = () => h('span', {class: 'hint loading', title: t('common.loading')}, '…');
        document.getElementById(`board-${section.key}-count`).textContent = ` (${answer.total})`;
        clear(holder);
        holder.append(table({
            caption: t(`board.${section.key}`),
            empty: t('board.empty'),
            rows,
            rowKey: row => row.caseId,
            rowClass: row => `row-${String(row.warning || 'none').toLowerCase()}`,
            columns: [
                {title: t('col.warning'), cell: row => warningBadge(row.warning), class: 'col-warning'},
                {title: t('col.number'), cell: row => caseLink(row.caseId, row.caseNumber)},
                {title: t('col.title'), cell: row => h('span', {}, row.title,
                    row.supervised ? h('span', {class: 'flag flag-supervised'}, t('flag.supervised')) : null)},
                {title: t('col.lead'), class: 'col-unit', cell: row => (row.leadUnit ? unitTag(row.leadUnit) : '—')},
                section.detail
                    ? {title: t(`board.${section.key}Detail`), cell: row => (waiting ? coming() : section.detail(row))}
                    : {title: t('col.deadline'), class: 'col-deadline', cell: row => row.nextDue
                        ? h('span', {}, h('time', {class: 'nowrap', datetime: row.nextDue}, formatTime(row.nextDue)), ' ',
                            h('span', {class: 'hint nowrap'}, remaining(row.nextDue, row.warning)))
                        : formatTime(row.registeredAt)},
                {title: t('col.actions'), class: 'col-actions', cell: row => (waiting ? coming()
                    : actionButtons(me, row, result => afterAction(result, row.caseId), section.only, true) || '—')},
            ],
        }));
        if (answer.totalPages > 1) {
            holder.append(pager(section, answer));
        }
        if (!waiting) {
            holder.removeAttribute('aria-busy');
            document.getElementById('board-keys').textContent = keyHint(main);
        }
        keysOf.get(section.key).restore();
    }

    function pager(section, answer) {
        const page = answer.page;
        return h('div', {class: 'pager'},
            h('button', {type: 'button', class: 'secondary small', disabled: page <= 0, onclick: () => {
                pages.set(section.key, page - 1);
                load(section);
            }}, t('pager.previous')),
            h('span', {}, t('pager.position', {page: page + 1, pages: answer.totalPages})),
            h('button', {type: 'button', class: 'secondary small', disabled: page + 1 >= answer.totalPages, onclick: () => {
                pages.set(section.key, page + 1);
                load(section);
            }}, t('pager.next')));
    }

    /** The controls changed: every list starts again from its first page. */
    function fromTheFirstPage() {
        sections.forEach(section => pages.set(section.key, 0));
        return loadAll();
    }

    function loadAll() {
        return Promise.all(sections.filter(section => shown.has(section.key)).map(load));
    }

    const watcher = new IntersectionObserver(entries => {
        for (const entry of entries.filter(e => e.isIntersecting)) {
            const section = sections.find(candidate => `board-${candidate.key}` === entry.target.id);
            watcher.unobserve(entry.target);
            if (section && !shown.has(section.key)) {
                shown.add(section.key);
                load(section);
            }
        }
    }, {rootMargin: '200px'});
    sections.forEach(section => watcher.observe(document.getElementById(`board-${section.key}`)));
    const timer = setInterval(loadAll, AUTO_REFRESH_MS);
    return () => {
        disposed = true;
        clearInterval(timer);
        watcher.disconnect();
    };
}
