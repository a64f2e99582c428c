// 知识推荐 beside the intake form: while the operator types, the published articles in force for the caller's area
// that match the title and the request (debounced, the newest answer wins). Each offers its answer, its policy
// basis and one action: answer the call with it (the intake screen registers the call if needed, then resolves it
// at intake citing the article's version). An operator may mark an article unhelpful or outdated for its unit.
import {get, post} from '../api.js';
import {t, unitText} from '../i18n.js';
import {announce, clear, h, toast} from '../dom.js';
import {enumOptions, field} from '../fields.js';
import {openDialog} from '../dialogs.js';
import {can} from '../catalog.js';

const FLAGS = ['UNHELPFUL', 'OUTDATED'];
const WAIT_MS = 300;

/**
 * The panel: {element, schedule(), reset()}. read() gives {title, content, area}; onAnswer(suggestion) answers the
 * call with an article; caseId() the case registered for this call, if any (recorded with a flag).
 */
export function knowledgePanel({me, read, onAnswer, caseId}) {
    const element = h('aside', {class: 'panel knowledge-panel', id: 'knowledge-panel', 'aria-live': 'polite',
        'aria-labelledby': 'knowledge-heading'});
    let timer = null;
    let serial = 0;
    let suggestions = [];

    function schedule() {
        clearTimeout(timer);
        timer = setTimeout(lookup, WAIT_MS);
    }

    async function lookup() {
        const mine = ++serial;
        const {title, content, area} = read();
        if ((title + content).trim().length < 2 || !area) {
            suggestions = [];
            draw();
            return;
        }
        let found = [];
        try {
            found = await get('/api/v1/knowledge/suggestions', {title: title.substring(0, 500),
                content: content.substring(0, 2000), area, limit: 3});
        } catch (ignored) {
            found = [];
        }
        if (mine !== serial) {
            return;
        }
        suggestions = found || [];
        draw();
        if (suggestions.length > 0) {
            announce(t('knowledge.found', {n: suggestions.length}));
        }
    }

    function draw() {
        clear(element);
        element.append(h('h2', {id: 'knowledge-heading'}, t('knowledge.panelHeading')));
        if (suggestions.length === 0) {
            element.append(h('p', {class: 'hint'}, t('knowledge.noSuggestions')));
            return;
        }
        element.append(h('ul', {class: 'suggestion-list'}, suggestions.map((item, index) => h('li',
            {class: 'suggestion', dataset: {article: item.articleId}},
            h('div', {class: 'suggestion-question'}, item.question),
            h('details', {open: index === 0},
                h('summary', {}, t('knowledge.showAnswer')),
                h('p', {class: 'suggestion-answer'}, item.answer),
                h('p', {class: 'hint'}, t('knowledge.basis', {name: item.policyDocument || '—',
                    number: item.policyNumber || ''}))),
            h('div', {class: 'hint'}, `${unitText(item.owningUnit)} · v${item.articleVersion}`
                + (item.effectiveUntil ? ` · ${t('knowledge.until', {day: item.effectiveUntil})}` : '')),
            h('div', {class: 'suggestion-actions'},
                h('button', {type: 'button', class: 'primary small answer-with-article',
                    onclick: event => answer(item, event.currentTarget)}, t('knowledge.answerWith')),
                can(me, 'FLAG_ARTICLE') ? h('button', {type: 'button', class: 'link-button flag-article',
                    onclick: () => flag(item)}, t('knowledge.flag')) : null)))));
    }

    async function answer(item, button) {
        button.disabled = true;
        try {
            await onAnswer(item);
        } finally {
            button.disabled = false;
        }
    }

    function flag(item) {
        const kind = field({label: t('knowledge.flagKind'), name: 'flag', type: 'select', required: true,
            options: enumOptions('articleFlag', FLAGS)});
        const reason = field({label: t('form.reason'), name: 'reason', type: 'textarea', required: true, rows: 3,
            attrs: {maxlength: 2000}});
        openDialog({
            title: t('knowledge.flagTitle', {question: item.question}),
            fields: [kind, reason],
            submitLabel: t('knowledge.flag'),
            onSubmit: () => post(`/api/v1/knowledge/articles/${encodeURIComponent(item.articleId)}/flags`, {
                articleVersion: item.articleVersion, flag: kind.control.value, reason: reason.control.value.trim(),
                caseId: caseId() || undefined}),
            after: () => toast(t('knowledge.flagged', {unit: unitText(item.owningUnit)})),
        });
    }

    function reset() {
        clearTimeout(timer);
        serial += 1;
        suggestions = [];
        draw();
    }

    draw();
    return {element, schedule, reset, stop: () => clearTimeout(timer)};
}

