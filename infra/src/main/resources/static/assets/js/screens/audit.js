// 审计回放: pick a case, step through its history (previous / next, or ← →), and see the case as it was at the
// chosen moment from the audit API's as-of view (an empty state while that API is not there).
import {get} from '../api.js';
import {t} from '../i18n.js';
import {clear, h} from '../dom.js';
import {field} from '../fields.js';
import {errorState} from '../problems.js';
import {formatTime} from '../formats.js';
import {caseLink, emptyState, statusBadge, table} from '../case-lists.js';
import {caseDetails} from './case.js';
import {actedByText, historyOf} from './history.js';

export function render(main, context) {
    const caseId = context.params[0];
    main.append(h('div', {class: 'screen-head'}, h('h1', {id: 'audit-heading'}, t('audit.heading'))), chooser(context));
    if (!caseId) {
        main.append(recent());
        return null;
    }
    const holder = h('div', {id: 'audit-body'}, h('p', {class: 'loading'}, t('common.loading')));
    main.append(holder);
    let steps = [];
    let fromAudit = false;
    let index = 0;
    let disposed = false;
    let view = null;

    const keys = event => {
        const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement?.tagName);
        if (typing || document.querySelector('dialog[open]')) {
            return;
        }
        if (event.key === 'ArrowLeft' || event.key === 'PageUp') {
            event.preventDefault();
            select(index - 1);
        } else if (event.key === 'ArrowRight' || event.key === 'PageDown') {
            event.preventDefault();
            select(index + 1);
        }
    };
    document.addEventListener('keydown', keys);

    /**
     * The case as of its latest version, asked for as soon as the view says which version that is, beside the
     * history: the screen opens on the last step, and asking only once the history was drawn put a round trip after
     * it. Used once, by the first selection of that very version.
     */
    let ahead = null;

    async function load() {
        const asked = get(`/api/v1/cases/${encodeURIComponent(caseId)}`);
        asked.then(latest => {
            if (latest && latest.version !== undefined && latest.version !== null) {
                const answer = get(`/api/v1/audit/cases/${encodeURIComponent(caseId)}/as-of`, {version: latest.version});
                answer.catch(() => null);
                ahead = {version: latest.version, answer};
            }
        }).catch(() => null);
        const told = historyOf(caseId, asked, context.me);
        try {
            view = await asked;
        } catch (error) {
            clear(holder).append(errorState(error));
            return;
        }
        const history = await told;
        if (disposed) {
            return;
        }
        steps = history.steps;
        fromAudit = history.fromAudit;
        index = Math.max(0, steps.length - 1);
        draw();
    }

    const stepList = h('ol', {class: 'steps', id: 'audit-steps'});
    const position = h('span', {class: 'position', id: 'audit-position', 'aria-live': 'polite'});
    const prev = h('button', {type: 'button', class: 'secondary', id: 'audit-prev', onclick: () => select(index - 1)},
        `← ${t('audit.previous')}`);
    const next = h('button', {type: 'button', class: 'secondary', id: 'audit-next', onclick: () => select(index + 1)},
        `${t('audit.next')} →`);
    const asOf = h('div', {class: 'as-of', id: 'audit-as-of', 'aria-live': 'polite'});

    function draw() {
        clear(holder);
        holder.append(
            h('p', {class: 'case-title-line'}, caseLink(caseId, view.caseNumber), ' ', view.title, ' ', statusBadge(view.status)),
            ...(fromAudit ? [] : [h('p', {class: 'hint', id: 'audit-fallback'}, t('audit.fallback'))]),
            h('div', {class: 'audit-layout'},
                h('section', {class: 'panel', 'aria-labelledby': 'audit-steps-heading'},
                    h('h2', {id: 'audit-steps-heading'}, t('audit.steps')),
                    h('div', {class: 'stepper'}, prev, position, next),
                    h('p', {class: 'hint'}, t('audit.keys')),
                    stepList),
                h('section', {class: 'panel', 'aria-labelledby': 'audit-as-of-heading'},
                    h('h2', {id: 'audit-as-of-heading'}, t('audit.asOf')), asOf)));
        clear(stepList);
        steps.forEach((step, i) => stepList.append(h('li', {},
            h('button', {type: 'button', class: 'step', dataset: {index: String(i)}, onclick: () => select(i)},
                h('span', {class: 'chain-time'}, formatTime(step.at)), ' ', step.sentence || step.type,
                h('span', {class: 'hint step-who'}, actedByText(step.by))))));
        select(index);
    }

    async function select(wanted) {
        if (!steps.length) {
            position.textContent = '';
            clear(asOf).append(emptyState(t('audit.noSteps')));
            return;
        }
        index = Math.min(Math.max(wanted, 0), steps.length - 1);
        prev.disabled = index === 0;
        next.disabled = index === steps.length - 1;
        position.textContent = t('audit.position', {n: index + 1, total: steps.length});
        stepList.querySelectorAll('.step').forEach(button => {
            const current = Number(button.dataset.index) === index;
            button.classList.toggle('current', current);
            button.setAttribute('aria-current', current ? 'step' : 'false');
        });
        const step = steps[index];
        clear(asOf).append(h('p', {class: 'loading'}, t('common.loading')));
        const query = fromAudit && step.sequence !== null && step.sequence !== undefined
            ? {version: step.sequence} : {at: step.at};
        let answer = null;
        let failure = null;
        const early = ahead && query.version === ahead.version ? ahead.answer : null;
        ahead = null;
        try {
            answer = await (early || get(`/api/v1/audit/cases/${encodeURIComponent(caseId)}/as-of`, query));
        } catch (error) {
            failure = error;
        }
        if (disposed || steps[index] !== step) {
            return;
        }
        clear(asOf);
        asOf.append(h('p', {class: 'as-of-moment'}, t('audit.moment', {time: formatTime(step.at)}), ' · ',
            step.sentence || step.type, h('span', {class: 'hint'}, ` ${actedByText(step.by)}`)));
        if (failure) {
            asOf.append(h('div', {id: 'as-of-error'}, errorState(failure)));
            return;
        }
        // exactly the case as it was: nothing filled in from today's view (a later lead unit, deadline or reply)
        const then = answer.state;
        asOf.append(h('p', {}, statusBadge(then.status)), caseDetails({...then, caseId}, {reveal: false}));
    }

    load();
    return () => {
        disposed = true;
        document.removeEventListener('keydown', keys);
    };
}

function chooser(context) {
    const input = field({label: t('audit.caseNumber'), name: 'number', required: true,
        attrs: {id: 'audit-number', autocomplete: 'off'}});
    const form = h('form', {class: 'inline-form', novalidate: true}, input,
        h('button', {type: 'submit', class: 'primary', id: 'audit-open'}, t('audit.open')));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const value = input.control.value.trim();
        if (!value) {
            return;
        }
        const page = await get('/api/v1/cases', {number: value, size: 1}).catch(() => null);
        const found = page && page.items && page.items[0];
        context.navigate(`/audit/${encodeURIComponent(found ? found.caseId : value)}`);
    });
    return form;
}

function recent() {
    const holder = h('section', {class: 'panel', 'aria-labelledby': 'audit-recent-heading'},
        h('h2', {id: 'audit-recent-heading'}, t('audit.recent')));
    get('/api/v1/cases', {size: 10}).then(page => holder.append(table({
        rows: page.items,
        empty: t('search.empty'),
        columns: [
            {title: t('col.number'), cell: row => h('a', {href: `#/audit/${encodeURIComponent(row.caseId)}`}, row.caseNumber)},
            {title: t('col.title'), cell: row => row.title},
            {title: t('col.status'), cell: row => statusBadge(row.status)},
            {title: t('col.registeredAt'), cell: row => formatTime(row.registeredAt)},
        ],
    }))).catch(error => holder.append(errorState(error)));
    return holder;
}
