// 工单查询/网上评价: the citizen's page, without an account. The case number and the 查询码 go in the body of a POST,
// never in the URL, so they stay out of access logs and the browser's history. Units are named from the console's
// dictionaries; a unit the dictionary does not know is shown by its code.
import {enumText, lang, onLangChange, setLang, t, tOr} from './i18n.js';
import {announce, clear, h} from './dom.js';
import {field} from './fields.js';
import {formatTime} from './formats.js';

const main = document.getElementById('main');
let proof = null;     // {caseNumber, queryCode} of the case shown, kept in memory only
let shown = null;     // the last answer, to redraw it in the other language
let scale = null;     // the satisfaction levels in use

function unitName(code) {
    return code ? tOr(`unit.${code}`, code) : t('track.unit.hotline');
}

async function call(path, body) {
    const response = await fetch(path, {
        method: body === undefined ? 'GET' : 'POST', credentials: 'omit',
        headers: {'Accept': 'application/json', ...(body === undefined ? {} : {'Content-Type': 'application/json'})},
        body: body === undefined ? undefined : JSON.stringify(body)});
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
        throw {status: response.status, data, retryAfter: response.headers.get('Retry-After')};
    }
    return data;
}

function problem(error) {
    if (error.status === 404) {
        return t('track.notFound');
    }
    if (error.status === 429) {
        return t('track.tooMany', {seconds: error.retryAfter || 60});
    }
    const fields = (error.data && error.data.errors) || [];
    if (fields.length) {
        return fields.map(item => `${tOr(`track.field.${item.field}`, item.field)}: ${item.reason}`).join('；');
    }
    if (error.data && error.data.code) {
        return tOr(`track.rejection.${error.data.code}`, error.data.detail || error.data.code);
    }
    return t('track.failed');
}

function errorBox(id) {
    return h('div', {class: 'track-error', id, role: 'alert', hidden: true});
}

function showError(box, error) {
    box.hidden = false;
    box.textContent = problem(error);
}

// ------------------------------------------------------------------------------------------------- the look-up

function render() {
    document.title = t('track.title');
    document.getElementById('track-brand').textContent = t('track.title');
    const other = lang() === 'en' ? 'zh-CN' : 'en';
    const toggle = document.getElementById('track-lang');
    toggle.textContent = other === 'en' ? 'English' : '中文';
    toggle.lang = other;
    clear(main);
    const number = field({label: t('track.caseNumber'), name: 'caseNumber', required: true, id: 'track-number',
        hint: t('track.caseNumberHint'), value: proof ? proof.caseNumber : '',
        attrs: {autocomplete: 'off', inputmode: 'numeric', maxlength: 20, spellcheck: 'false'}});
    const code = field({label: t('track.queryCode'), name: 'queryCode', required: true, id: 'track-code',
        hint: t('track.queryCodeHint'), value: proof ? proof.queryCode : '',
        attrs: {autocomplete: 'off', autocapitalize: 'characters', maxlength: 6, spellcheck: 'false'}});
    const error = errorBox('track-error');
    const form = h('form', {class: 'panel', id: 'track-form', novalidate: false},
        h('h1', {}, t('track.heading')), h('p', {class: 'hint'}, t('track.intro')),
        number, code, error,
        h('div', {class: 'form-actions'}, h('button', {type: 'submit', class: 'primary', id: 'track-submit'},
            t('track.submit'))));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        error.hidden = true;
        if (!form.reportValidity()) {
            return;
        }
        const asked = {caseNumber: number.control.value.trim(), queryCode: code.control.value.trim().toUpperCase()};
        try {
            shown = await call('/api/public/v1/track', asked);
            proof = asked;
            renderCase();
        } catch (failure) {
            shown = null;
            showError(error, failure);
            renderCase();
        }
    });
    main.append(form, h('section', {id: 'track-case', 'aria-live': 'polite'}));
    renderCase();
}

// ------------------------------------------------------------------------------------------------- the case

function stepText(step) {
    return tOr(`track.step.${step.kind}`, step.kind, {unit: unitName(step.unit), due: formatTime(step.due),
        text: step.text || '', channel: enumText('feedbackChannel', step.text)});
}

function renderCase() {
    const section = document.getElementById('track-case');
    clear(section);
    if (!shown) {
        return;
    }
    const c = shown;
    section.append(h('div', {class: 'panel', id: 'track-result'},
        h('h2', {tabindex: '-1', id: 'track-result-heading'}, t('track.caseHeading', {number: c.caseNumber})),
        h('p', {class: 'track-status', id: 'track-status'}, tOr(`track.status.${c.status}`, enumText('status', c.status))),
        h('p', {class: 'hint'}, t('track.registeredAt', {at: formatTime(c.registeredAt),
            category: enumText('category', c.category)})),
        c.due && (c.status === 'DISPATCHED' || c.status === 'IN_HANDLING')
            ? h('p', {}, t('track.due', {due: formatTime(c.due)})) : null,
        c.reply ? h('div', {},
            h('h3', {}, t('track.replyHeading')),
            h('p', {class: 'hint'}, t('track.replyBy', {unit: unitName(c.reply.unit), at: formatTime(c.reply.at)}),
                c.reply.result ? ` · ${enumText('replyResult', c.reply.result)}` : ''),
            h('div', {class: 'track-reply', id: 'track-reply'}, c.reply.text || '')) : null,
        h('h3', {}, t('track.stepsHeading')),
        h('ol', {class: 'track-steps', id: 'track-steps'}, c.steps.map(step =>
            h('li', {}, h('time', {datetime: step.at}, formatTime(step.at)), stepText(step))))));
    section.append(evaluation(c));
    document.getElementById('track-result-heading').focus();
}

function evaluation(c) {
    if (c.evaluation === 'DONE') {
        return h('p', {class: 'track-thanks', id: 'track-evaluated'}, t('track.evaluated',
            {channel: enumText('feedbackChannel', c.evaluatedBy)}));
    }
    if (c.evaluation === 'EXPIRED') {
        return h('p', {class: 'hint', id: 'track-expired'}, t('track.expired'));
    }
    if (c.evaluation !== 'OPEN') {
        return null;
    }
    const wrapper = h('div', {class: 'panel', id: 'track-evaluation'});
    (scale ? Promise.resolve(scale) : call('/api/public/v1/evaluations/scale').then(answer => (scale = answer)))
        .then(answer => wrapper.append(evaluationForm(c, answer.levels)))
        .catch(failure => wrapper.append(h('p', {class: 'track-error', role: 'alert'}, problem(failure))));
    return wrapper;
}

function evaluationForm(c, levels) {
    const error = errorBox('track-evaluation-error');
    const choice = (name, value, text, index) => h('label', {},
        h('input', {type: 'radio', name, value, required: index === 0, id: `track-${name}-${value}`}), text);
    const comment = field({label: t('track.comment'), name: 'comment', type: 'textarea', id: 'track-comment',
        hint: t('track.commentHint'), attrs: {maxlength: 500}, rows: 3});
    const form = h('form', {id: 'track-evaluation-form'},
        h('h2', {}, t('track.evaluationHeading')),
        h('p', {class: 'hint'}, t('track.evaluationHint', {until: formatTime(c.evaluationOpenUntil)})),
        h('fieldset', {class: 'track-choices'}, h('legend', {}, t('track.satisfaction')),
            levels.map((level, index) => choice('satisfaction', level, enumText('satisfaction', level), index))),
        h('fieldset', {class: 'track-choices'}, h('legend', {}, t('track.solved')),
            choice('solved', 'true', t('track.solvedYes'), 0), choice('solved', 'false', t('track.solvedNo'), 1)),
        comment, error,
        h('div', {class: 'form-actions'}, h('button', {type: 'submit', class: 'primary', id: 'track-evaluate'},
            t('track.evaluate'))));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        error.hidden = true;
        if (!form.reportValidity()) {
            return;
        }
        const data = new FormData(form);
        const button = form.querySelector('button[type=submit]');
        button.disabled = true;
        try {
            await call('/api/public/v1/evaluations', {caseId: c.caseId, queryCode: proof.queryCode,
                satisfaction: data.get('satisfaction'), solved: data.get('solved') === 'true',
                comment: (data.get('comment') || '').trim()});
            shown = {...c, evaluation: 'DONE', evaluatedBy: 'WEB'};
            renderCase();
            announce(t('track.thanks'));
        } catch (failure) {
            button.disabled = false;
            showError(error, failure);
        }
    });
    return form;
}

document.getElementById('track-lang').addEventListener('click', () => setLang(lang() === 'en' ? 'zh-CN' : 'en'));
onLangChange(render);
render();
