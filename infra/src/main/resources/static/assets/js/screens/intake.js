// 受理: the operator's form, made for the keyboard (Enter moves on, Ctrl+Enter registers), with possible
// duplicates looked up while typing; then, in the same flow, what happens to the case: dispatch (the catalogue's
// proposal first), an answer at intake, a redirect to another body, or a merge into a duplicate. Beside the form, the
// knowledge panel offers articles to answer from (knowledge-panel.js): answering with one is a single action.
import {caseAction, get, postFull} from '../api.js';
import {enumText, t, unitText} from '../i18n.js';
import {announce, clear, h, toast} from '../dom.js';
import {enumOptions, field} from '../fields.js';
import {clearProblem, problemText, showProblem} from '../problems.js';
import {cityDay, formatTime} from '../formats.js';
import {caseLink, statusBadge} from '../case-lists.js';
import {AREAS, CATEGORIES, CHANNELS, JURISDICTIONS, URGENCIES} from '../catalog.js';
import {assistingPicker, assistingValues, proposal, proposalNote, unitInput} from './actions.js';
import {loadUnits} from '../unit-picker.js';
import {knowledgePanel} from './knowledge-panel.js';

const DUPLICATE_DAYS = 30;

function newRequestId() {
    const random = Math.random().toString(36).slice(2, 8);
    return `console-${Date.now().toString(36)}-${random}`;
}

/** Enter moves to the next field (a textarea keeps its new lines); Ctrl+Enter submits from anywhere. */
function keyboardFlow(form) {
    form.addEventListener('keydown', event => {
        if (event.key !== 'Enter' || event.isComposing) {
            return;
        }
        if (event.ctrlKey || event.metaKey) {
            event.preventDefault();
            form.requestSubmit();
            return;
        }
        const target = event.target;
        if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON' || target.type === 'submit'
            || target.type === 'radio' || target.type === 'checkbox') {
            return;
        }
        event.preventDefault();
        const controls = [...form.querySelectorAll('input, select, textarea, button[type="submit"]')]
            .filter(control => !control.disabled && control.offsetParent !== null && control.type !== 'hidden');
        const next = controls[controls.indexOf(target) + 1];
        if (next) {
            next.focus();
        }
    });
}

export function render(main, context) {
    let requestId = newRequestId();
    let registered = null;
    let duplicates = [];
    let lookupTimer = null;
    let lookupSerial = 0;

    const phone = field({label: t('intake.phone'), name: 'citizen.phone', required: true, type: 'tel',
        attrs: {id: 'intake-phone', inputmode: 'tel', autocomplete: 'off', maxlength: 20}});
    const name = field({label: t('intake.name'), name: 'citizen.name', required: true,
        attrs: {id: 'intake-name', autocomplete: 'off', maxlength: 50}});
    const channel = field({label: t('intake.channel'), name: 'channel', type: 'select', required: true, value: 'HOTLINE',
        options: enumOptions('channel', CHANNELS), attrs: {id: 'intake-channel'}});
    const category = field({label: t('intake.category'), name: 'category', type: 'select', required: true,
        value: 'CONSULTATION', options: enumOptions('category', CATEGORIES), attrs: {id: 'intake-category'}});
    const urgency = field({label: t('intake.urgency'), name: 'urgency', type: 'select', required: true, value: 'NORMAL',
        options: enumOptions('urgency', URGENCIES), attrs: {id: 'intake-urgency'}});
    const area = field({label: t('intake.area'), name: 'area', type: 'select', required: true, value: AREAS[0],
        options: AREAS.map(code => [code, `${t(`area.${code}`)}（${code}）`]), attrs: {id: 'intake-area'}});
    offerDirectoryAreas(area.control);
    const title = field({label: t('intake.title'), name: 'title', required: true, wide: true,
        attrs: {id: 'intake-title', maxlength: 200, autocomplete: 'off'}});
    const content = field({label: t('intake.content'), name: 'content', type: 'textarea', required: true, rows: 5,
        wide: true, attrs: {id: 'intake-content', maxlength: 5000}});
    const submit = h('button', {type: 'submit', class: 'primary wide', id: 'intake-submit'}, t('intake.submit'),
        h('span', {class: 'kbd-hint'}, ' Ctrl+Enter'));

    const form = h('form', {class: 'intake-form form-grid', id: 'intake-form', novalidate: true,
        'aria-labelledby': 'intake-heading'},
        phone, name, channel, category, urgency, area, title, content,
        h('div', {class: 'field-wide form-actions'}, submit));
    keyboardFlow(form);

    const duplicatePanel = h('aside', {class: 'panel duplicates', id: 'duplicates', 'aria-live': 'polite',
        'aria-labelledby': 'duplicates-heading'});
    const next = h('section', {class: 'panel intake-next', id: 'intake-next', hidden: true,
        'aria-labelledby': 'intake-next-heading'});
    const knowledge = knowledgePanel({
        me: context && context.me,
        read: () => ({title: title.control.value, content: content.control.value, area: area.control.value}),
        onAnswer: answerWith,
        caseId: () => registered && registered.caseId,
    });

    main.append(
        h('div', {class: 'screen-head'},
            h('h1', {id: 'intake-heading'}, t('intake.heading')),
            h('p', {class: 'hint keyboard-hint'}, t('intake.keys'))),
        h('div', {class: 'intake-layout'}, h('section', {class: 'panel'}, form),
            h('div', {class: 'intake-side'}, knowledge.element, duplicatePanel)),
        next);
    renderDuplicates();
    phone.control.focus();

    // ------------------------------------------------------------------ possible duplicates while typing

    function scheduleLookup() {
        clearTimeout(lookupTimer);
        lookupTimer = setTimeout(lookup, 350);
    }

    // One call: the caller's earlier cases by phone and similar open, recent, nearby cases by title and content
    // (GET /api/v1/cases/duplicates, answered by the case index's more-like-this).
    async function lookup() {
        const serial = ++lookupSerial;
        const digits = phone.control.value.replace(/\D/g, '');
        const words = title.control.value.trim();
        const text = content.control.value.trim();
        const params = {area: area.control.value, size: 8};
        if (digits.length >= 7) {
            params.phone = phone.control.value.trim();
        }
        if (words.length >= 2) {
            params.title = words.substring(0, 200);
        }
        if (text.length >= 2) {
            params.content = text.substring(0, 1000);
        }
        const page = params.phone || params.title || params.content
            ? await get('/api/v1/cases/duplicates', params).catch(() => null) : null;
        if (serial !== lookupSerial) {
            return;
        }
        duplicates = (page && page.items) || [];
        renderDuplicates();
    }

    function renderDuplicates() {
        clear(duplicatePanel);
        duplicatePanel.append(h('h2', {id: 'duplicates-heading'}, t('intake.duplicates', {days: DUPLICATE_DAYS})));
        if (duplicates.length === 0) {
            duplicatePanel.append(h('p', {class: 'hint'}, t('intake.noDuplicates')));
            return;
        }
        duplicatePanel.append(h('ul', {class: 'duplicate-list'}, duplicates.map(item => h('li', {class: 'duplicate'},
            h('a', {href: `#/cases/${encodeURIComponent(item.caseId)}`, target: '_blank', rel: 'noopener'},
                item.caseNumber),
            ' ', statusBadge(item.status),
            h('div', {class: 'duplicate-title'}, item.title),
            h('div', {class: 'hint'},
                `${formatTime(item.registeredAt)} · ${enumText('category', item.category)} · ${item.area || ''}`)))));
        announce(t('intake.duplicatesFound', {n: duplicates.length}));
    }

    phone.control.addEventListener('input', scheduleLookup);
    title.control.addEventListener('input', scheduleLookup);
    content.control.addEventListener('input', scheduleLookup);
    area.control.addEventListener('change', scheduleLookup);
    title.control.addEventListener('input', knowledge.schedule);
    content.control.addEventListener('input', knowledge.schedule);
    area.control.addEventListener('change', knowledge.schedule);

    // ------------------------------------------------------------------ register

    form.addEventListener('submit', async event => {
        event.preventDefault();
        await register();
    });

    /** Registers the call; the receipt, or null when the form is not complete or the registration was refused. */
    async function register() {
        clearProblem(form);
        if (!form.reportValidity()) {
            return null;
        }
        const body = {
            requestId,
            channel: channel.control.value,
            category: category.control.value,
            urgency: urgency.control.value,
            area: area.control.value,
            title: title.control.value.trim(),
            content: content.control.value.trim(),
            citizen: {name: name.control.value.trim(), phone: phone.control.value.trim()},
        };
        submit.disabled = true;
        try {
            const response = await postFull('/api/v1/cases', body);
            const receipt = response.data;
            form.querySelectorAll('input, select, textarea, button').forEach(control => {
                control.disabled = true;
            });
            toast(t('intake.registered', {number: receipt.caseNumber}));
            registered = {...receipt, category: body.category, area: body.area, title: body.title};
            showNext(registered);
            return registered;
        } catch (error) {
            submit.disabled = false;
            showProblem(form, error);
            return null;
        }
    }

    // ------------------------------------------------------------------ answering from a knowledge article

    /** One action: the call registered if it is not yet, then resolved at intake citing the article's version. */
    async function answerWith(article) {
        const receipt = registered || await register();
        if (!receipt) {
            return;
        }
        try {
            await caseAction(receipt.caseId, 'resolve-at-intake', {answer: article.answer,
                articleId: article.articleId, articleVersion: article.articleVersion});
        } catch (error) {
            toast(problemText(error), 'error');
            return;
        }
        const message = t('knowledge.answered', {number: receipt.caseNumber});
        toast(message);
        next.querySelectorAll('input, select, textarea, button[type="submit"]').forEach(control => {
            control.disabled = true;
        });
        const said = h('blockquote', {class: 'answer-read-out', id: 'intake-article-answer'}, article.answer);
        next.querySelector('.next-body').replaceChildren(said, h('p', {class: 'outcome', role: 'status',
            id: 'intake-outcome'}, message, ' ', caseLink(receipt.caseId, t('intake.openCase'))));
        document.getElementById('intake-another').focus();
    }

    // ------------------------------------------------------------------ what happens next

    function showNext(registered) {
        next.hidden = false;
        clear(next);
        const choices = [
            ['dispatch', t('intake.choice.dispatch')],
            ['resolve', t('intake.choice.resolve')],
            ['redirect', t('intake.choice.redirect')],
        ];
        if (duplicates.some(item => item.caseId !== registered.caseId)) {
            choices.push(['merge', t('intake.choice.merge')]);
        }
        const body = h('div', {class: 'next-body'});
        const group = h('div', {class: 'choice-group', role: 'radiogroup', 'aria-labelledby': 'intake-choice-label'},
            choices.map(([value, text], index) => h('label', {class: 'choice'},
                h('input', {type: 'radio', name: 'disposition', value, id: `disposition-${value}`, checked: index === 0,
                    onchange: () => renderChoice(value)}), ' ', text)));
        next.append(
            h('h2', {id: 'intake-next-heading'}, t('intake.nextHeading', {number: registered.caseNumber})),
            h('p', {class: 'hint'}, registered.newlyRegistered === false ? t('intake.alreadyRegistered') : t('intake.nextHint'),
                ' ', caseLink(registered.caseId, t('intake.openCase'))),
            // 查询码: not stored anywhere, so this is the moment the operator reads it out
            registered.queryCode ? h('p', {class: 'query-code', id: 'intake-query-code'},
                h('strong', {}, t('intake.queryCode', {code: registered.queryCode})), ' ',
                h('span', {class: 'hint'}, t('intake.readOut', {number: registered.caseNumber, code: registered.queryCode})))
                : null,
            h('p', {id: 'intake-choice-label', class: 'label'}, t('intake.choiceLabel')),
            group, body,
            h('div', {class: 'form-actions'},
                h('button', {type: 'button', class: 'secondary', id: 'intake-another', onclick: another},
                    t('intake.another'))));
        renderChoice('dispatch');
        document.getElementById('disposition-dispatch').focus();
        // right after registering focus is on the choice, outside the chosen form: Ctrl+Enter there submits that form
        next.onkeydown = event => ((event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.target.closest('form')
            && body.querySelector('form')) ? (event.preventDefault(), body.querySelector('form').requestSubmit()) : null);

        async function renderChoice(choice) {
            clear(body);
            if (choice === 'dispatch') {
                body.append(await dispatchForm(registered));
            } else if (choice === 'resolve') {
                body.append(simpleForm(registered, 'resolve-at-intake', [field({label: t('form.answer'), name: 'answer',
                    type: 'textarea', required: true, rows: 4, wide: true, attrs: {id: 'intake-answer'}})],
                values => ({answer: values.answer}), t('action.resolve')));
            } else if (choice === 'redirect') {
                body.append(simpleForm(registered, 'redirect', [
                    field({label: t('form.jurisdiction'), name: 'jurisdiction', type: 'select', required: true,
                        options: enumOptions('jurisdiction', JURISDICTIONS)}),
                    field({label: t('form.explanation'), name: 'explanation', type: 'textarea', required: true, rows: 4,
                        wide: true})],
                values => ({jurisdiction: values.jurisdiction, explanation: values.explanation}), t('action.redirect')));
            } else if (choice === 'merge') {
                const options = duplicates.filter(item => item.caseId !== registered.caseId)
                    .map(item => [item.caseId, `${item.caseNumber} · ${item.title}`]);
                body.append(simpleForm(registered, 'merge', [field({label: t('form.mergeInto'), name: 'intoCaseId',
                    type: 'select', required: true, options, wide: true})],
                values => ({intoCaseId: values.intoCaseId}), t('action.merge')));
            }
        }
    }

    async function dispatchForm(registered) {
        const proposed = await proposal(registered.category, registered.area);
        const lead = unitInput('leadUnit', 'form.leadUnit', proposed && proposed.unit ? proposed.unit : '');
        lead.control.id = 'dispatch-lead';
        const note = proposalNote(proposed, lead, 'dispatch-proposal');
        const formElement = h('form', {class: 'form-grid', id: 'dispatch-form', novalidate: true},
            note, lead, assistingPicker(),
            h('div', {class: 'field-wide form-actions'},
                h('button', {type: 'submit', class: 'primary', id: 'dispatch-submit'}, t('action.dispatch'),
                    h('span', {class: 'kbd-hint'}, ' Ctrl+Enter'))));
        keyboardFlow(formElement);
        formElement.addEventListener('submit', async event => {
            event.preventDefault();
            clearProblem(formElement);
            if (!formElement.reportValidity()) {
                return;
            }
            const leadUnit = lead.control.value.trim().toUpperCase();
            await finish(formElement, registered, 'dispatch', {leadUnit,
                assistingUnits: assistingValues(formElement).filter(code => code !== leadUnit)},
            t('intake.dispatched', {number: registered.caseNumber, unit: unitText(leadUnit)}));
        });
        return formElement;
    }

    function simpleForm(registered, endpoint, fields, bodyOf, label) {
        const formElement = h('form', {class: 'form-grid', novalidate: true, id: `${endpoint}-form`}, fields,
            h('div', {class: 'field-wide form-actions'}, h('button', {type: 'submit', class: 'primary'}, label,
                h('span', {class: 'kbd-hint'}, ' Ctrl+Enter'))));
        keyboardFlow(formElement);
        formElement.addEventListener('submit', async event => {
            event.preventDefault();
            clearProblem(formElement);
            if (!formElement.reportValidity()) {
                return;
            }
            const values = Object.fromEntries([...new FormData(formElement).entries()]
                .map(([key, value]) => [key, String(value).trim()]));
            await finish(formElement, registered, endpoint, bodyOf(values),
                t('intake.done', {number: registered.caseNumber}));
        });
        return formElement;
    }

    async function finish(formElement, registered, endpoint, body, message) {
        const button = formElement.querySelector('button[type="submit"]');
        button.disabled = true;
        try {
            await caseAction(registered.caseId, endpoint, body);
            toast(message);
            next.querySelectorAll('input, select, textarea, button[type="submit"]').forEach(control => {
                control.disabled = true;
            });
            const outcome = h('p', {class: 'outcome', role: 'status', id: 'intake-outcome'}, message, ' ',
                caseLink(registered.caseId, t('intake.openCase')));
            formElement.after(outcome);
            document.getElementById('intake-another').focus();
        } catch (error) {
            button.disabled = false;
            showProblem(formElement, error);
        }
    }

    function another() {
        requestId = newRequestId();
        registered = null;
        knowledge.reset();
        duplicates = [];
        form.reset();
        channel.control.value = 'HOTLINE';
        category.control.value = 'CONSULTATION';
        urgency.control.value = 'NORMAL';
        area.control.value = AREAS[0];
        form.querySelectorAll('input, select, textarea, button').forEach(control => {
            control.disabled = false;
        });
        clear(next);
        next.hidden = true;
        renderDuplicates();
        phone.control.focus();
    }

    const shortcuts = event => {
        if (event.altKey && (event.key === 'n' || event.key === 'N')) {
            event.preventDefault();
            another();
        }
    };
    document.addEventListener('keydown', shortcuts);
    return () => {
        clearTimeout(lookupTimer);
        knowledge.stop();
        document.removeEventListener('keydown', shortcuts);
    };
}

/**
 * The areas the unit directory's districts serve (six-digit codes), offered after the bundled ones and named by
 * their district, so a call in the directory's city can be registered where the catalogue proposes its district.
 */
function offerDirectoryAreas(select) {
    loadUnits().then(units => {
        const offered = new Set([...select.options].map(option => option.value));
        for (const unit of units.filter(one => one.kind === 'DISTRICT')) {
            for (const code of (unit.areaCodes || []).filter(value => /^\d{6}$/.test(value) && !offered.has(value))) {
                offered.add(code);
                select.append(h('option', {value: code}, `${unit.shortName}（${code}）`));
            }
        }
    });
}
