// Small helpers every screen uses: building elements, form fields with labels, dialogs, messages, formats.
import {enumText, lang, t, tOr} from './i18n.js';

const ZONE = 'Asia/Shanghai';
let idCounter = 0;

/** h('button', {class: 'primary', onclick: fn}, 'text', child…): an element; null/false children are skipped. */
export function h(tag, attrs, ...children) {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (key.startsWith('on') && typeof value === 'function') {
            element.addEventListener(key.substring(2), value);
        } else if (key === 'class') {
            element.className = value;
        } else if (key === 'text') {
            element.textContent = value;
        } else if (key === 'dataset') {
            Object.assign(element.dataset, value);
        } else if (key === 'value' && 'value' in element) {
            element.value = value;
        } else if (value === true) {
            element.setAttribute(key, '');
        } else {
            element.setAttribute(key, String(value));
        }
    }
    append(element, children);
    return element;
}

function append(element, children) {
    for (const child of children.flat(Infinity)) {
        if (child === undefined || child === null || child === false) {
            continue;
        }
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

export function clear(element) {
    while (element.firstChild) {
        element.firstChild.remove();
    }
    return element;
}

export function uid(prefix) {
    idCounter += 1;
    return `${prefix || 'f'}-${idCounter}`;
}

// ------------------------------------------------------------------------------------------------- form fields

/**
 * A labelled field: {label, name, type ('text', 'textarea', 'select', 'number', 'checkbox', 'date', …), value,
 * required, options ([value, text] pairs or values), hint, attrs}. The wrapper holds an error line the problem
 * display fills; the control is reachable as wrapper.control.
 */
export function field(spec) {
    const id = spec.id || (spec.attrs && spec.attrs.id) || uid(spec.name);
    const errorId = `${id}-error`;
    const hintId = spec.hint ? `${id}-hint` : null;
    const describedBy = [hintId, errorId].filter(Boolean).join(' ');
    const common = {id, name: spec.name, 'aria-describedby': describedBy, required: spec.required || false,
        ...(spec.attrs || {})};
    let control;
    if (spec.type === 'textarea') {
        control = h('textarea', {...common, rows: spec.rows || 4});
        control.value = spec.value || '';
    } else if (spec.type === 'select') {
        control = h('select', common, (spec.options || []).map(option => {
            const [value, text] = Array.isArray(option) ? option : [option, option];
            return h('option', {value}, text);
        }));
        if (spec.value !== undefined && spec.value !== null) {
            control.value = spec.value;
        }
    } else if (spec.type === 'checkbox') {
        control = h('input', {...common, type: 'checkbox', 'aria-describedby': describedBy});
        control.checked = Boolean(spec.value);
        const wrapper = h('div', {class: 'field field-check'},
            h('label', {for: id}, control, ' ', spec.label),
            spec.hint ? h('p', {class: 'hint', id: hintId}, spec.hint) : null,
            h('p', {class: 'field-error', id: errorId, hidden: true}));
        wrapper.control = control;
        return wrapper;
    } else {
        control = h('input', {...common, type: spec.type || 'text'});
        if (spec.value !== undefined && spec.value !== null) {
            control.value = spec.value;
        }
    }
    const wrapper = h('div', {class: `field ${spec.wide ? 'field-wide' : ''}`},
        h('label', {for: id}, spec.label, spec.required ? h('span', {class: 'required', 'aria-hidden': 'true'}, ' *') : null),
        spec.hint ? h('p', {class: 'hint', id: hintId}, spec.hint) : null,
        control,
        h('p', {class: 'field-error', id: errorId, hidden: true}));
    wrapper.control = control;
    return wrapper;
}

/** Enumeration options named in the current language. */
export function enumOptions(kind, values) {
    return values.map(value => [value, enumText(kind, value)]);
}

// ------------------------------------------------------------------------------------------------- problems

/** The sentence to show for a refusal: the rule's code in the current language, else the server's detail. */
export function problemText(error) {
    if (!error) {
        return t('error.generic');
    }
    if (error.status === 0 || error instanceof TypeError) {
        return t('error.network');
    }
    const byCode = error.code ? tOr(`rejection.${error.code}`, null) : null;
    if (byCode) {
        return byCode;
    }
    if (error.status === 403) {
        return t('error.forbidden');
    }
    if (error.status === 404) {
        return t('error.notFound');
    }
    return error.detail || error.message || t('error.generic');
}

/** Clears the marks a previous problem left on a form. */
export function clearProblem(form) {
    form.querySelectorAll('[aria-invalid="true"]').forEach(control => control.removeAttribute('aria-invalid'));
    form.querySelectorAll('.field-error').forEach(line => {
        line.textContent = '';
        line.hidden = true;
    });
    const box = form.querySelector('.problem');
    if (box) {
        box.remove();
    }
}

/**
 * Shows a refusal on a form: the detail in an alert at the top, and each errors[].field next to the control of
 * that name (citizen.phone, items[0], …); focus goes to the first field named, else to the alert.
 */
export function showProblem(form, error) {
    clearProblem(form);
    const fieldErrors = (error && error.errors) || [];
    const box = h('div', {class: 'problem', role: 'alert', tabindex: '-1'},
        h('strong', {}, fieldErrors.length && !(error.code && tOr(`rejection.${error.code}`, null))
            ? t('error.checkFields') : problemText(error)),
        error && error.code ? h('span', {class: 'code'}, ` [${error.code}]`) : null);
    form.prepend(box);
    let first = null;
    for (const fieldError of fieldErrors) {
        const name = fieldError.field || '';
        const control = form.querySelector(`[name="${CSS.escape(name)}"]`)
            || form.querySelector(`[name="${CSS.escape(name.replace(/\[\d+\]$/, ''))}"]`);
        if (!control) {
            box.append(h('div', {}, `${name}: ${fieldError.reason || ''}`));
            continue;
        }
        control.setAttribute('aria-invalid', 'true');
        const line = document.getElementById(`${control.id}-error`);
        if (line) {
            line.textContent = fieldError.reason ? `${t('error.invalid')}：${fieldError.reason}` : t('error.invalid');
            line.hidden = false;
        }
        control.addEventListener('input', () => {
            control.removeAttribute('aria-invalid');
            if (line) {
                line.hidden = true;
            }
            if (!form.querySelector('[aria-invalid="true"]')) {
                box.remove();
            }
        }, {once: true});
        first = first || control;
    }
    (first || box).focus();
}

// ------------------------------------------------------------------------------------------------- dialogs

/**
 * A modal dialog with a form: {title, fields (elements), submitLabel, danger, onSubmit(form) → Promise, after(result,
 * dialog)}. Esc and the cancel button close it; a refusal is shown in it; success closes it unless after() keeps it
 * open (it returns true). Resolves with the result, or null when closed without success.
 */
export function openDialog({title, fields, submitLabel, danger, onSubmit, after, describe}) {
    return new Promise(resolve => {
        const opener = document.activeElement;
        const titleId = uid('dialog-title');
        const submit = h('button', {type: 'submit', class: danger ? 'danger' : 'primary'}, submitLabel || t('action.submit'));
        const cancel = h('button', {type: 'button', class: 'secondary', onclick: () => dialog.close()}, t('action.cancel'));
        const form = h('form', {class: 'dialog-form', novalidate: true},
            describe ? h('p', {class: 'dialog-describe'}, describe) : null,
            fields,
            h('div', {class: 'dialog-actions'}, submit, cancel));
        const dialog = h('dialog', {class: 'dialog', 'aria-labelledby': titleId},
            h('h2', {id: titleId}, title), form);
        let result = null;
        form.addEventListener('submit', async event => {
            event.preventDefault();
            if (!form.reportValidity()) {
                return;
            }
            submit.disabled = true;
            clearProblem(form);
            try {
                result = await onSubmit(form);
                const keepOpen = after ? after(result, dialog, form) : false;
                if (!keepOpen) {
                    dialog.close();
                } else {
                    submit.hidden = true;
                    cancel.textContent = t('action.dismiss');
                    cancel.focus();
                }
            } catch (error) {
                showProblem(form, error);
            } finally {
                submit.disabled = false;
            }
        });
        form.addEventListener('keydown', event => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                form.requestSubmit();
            }
        });
        dialog.addEventListener('close', () => {
            dialog.remove();
            if (opener && opener.isConnected) {
                opener.focus();
            }
            resolve(result);
        });
        document.body.append(dialog);
        dialog.showModal();
        const firstControl = form.querySelector('input, select, textarea, button');
        if (firstControl) {
            firstControl.focus();
        }
    });
}

// ------------------------------------------------------------------------------------------------- messages

export function announce(message) {
    const region = document.getElementById('announcer');
    region.textContent = '';
    setTimeout(() => {
        region.textContent = message;
    }, 30);
}

export function toast(message, kind) {
    const area = document.getElementById('toasts');
    const note = h('div', {class: `toast ${kind || 'ok'}`, role: kind === 'error' ? 'alert' : 'status'}, message);
    area.append(note);
    setTimeout(() => note.remove(), kind === 'error' ? 8000 : 4000);
}

export function emptyState(message, detail) {
    return h('div', {class: 'empty-state', role: 'status'}, h('p', {class: 'empty-title'}, message),
        detail ? h('p', {class: 'hint'}, detail) : null);
}

export function errorState(error) {
    return h('div', {class: 'problem', role: 'alert'}, h('strong', {}, problemText(error)));
}

// ------------------------------------------------------------------------------------------------- formats

function locale() {
    return lang() === 'en' ? 'en-GB' : 'zh-CN';
}

/** 2026-11-22 14:03 in the city's time. */
export function formatTime(instant) {
    if (!instant) {
        return '';
    }
    const date = new Date(instant);
    if (Number.isNaN(date.getTime())) {
        return String(instant);
    }
    const parts = new Intl.DateTimeFormat('en-CA', {timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}).formatToParts(date);
    const part = type => (parts.find(p => p.type === type) || {}).value;
    return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** The day (YYYY-MM-DD) in the city's time, daysAgo days before now. */
export function cityDay(daysAgo) {
    const date = new Date(Date.now() - (daysAgo || 0) * 86400000);
    return new Intl.DateTimeFormat('en-CA', {timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit'})
        .format(date);
}

/**
 * "剩余 3 小时" / "已超期 2 天" against this computer's clock. The server's colour wins: a deadline the server calls
 * red is never shown as time left, whatever this computer's clock says.
 */
export function remaining(instant, warning) {
    if (!instant) {
        return '';
    }
    const millis = new Date(instant).getTime() - Date.now();
    if (warning === 'RED' && millis > 0) {
        return t('time.overdueNow');
    }
    const minutes = Math.round(Math.abs(millis) / 60000);
    let amount;
    if (minutes < 60) {
        amount = t('time.minutes', {n: minutes});
    } else if (minutes < 48 * 60) {
        amount = t('time.hours', {n: Math.round(minutes / 60)});
    } else {
        amount = t('time.days', {n: Math.round(minutes / 1440)});
    }
    return millis >= 0 ? t('time.left', {amount}) : t('time.overdue', {amount});
}

export function formatNumber(value) {
    return value === undefined || value === null ? '—' : new Intl.NumberFormat(locale()).format(value);
}

export function formatRate(rate) {
    if (rate === undefined || rate === null || Number.isNaN(rate)) {
        return '—';
    }
    return `${(rate * 100).toFixed(1)}%`;
}

/** The colour mark of a deadline: a coloured block with its word, never colour alone. */
export function warningBadge(warning) {
    const value = warning || 'NONE';
    return h('span', {class: `badge warn-${value.toLowerCase()}`}, enumText('warning', value));
}

export function statusBadge(status) {
    return h('span', {class: `badge status status-${String(status || '').toLowerCase()}`}, enumText('status', status));
}

/** A table with a caption: columns [{title, cell(row) → node|text, class}], rows; rowKey(row) marks each line. */
export function table({caption, columns, rows, rowClass, empty, rowKey}) {
    if (!rows || rows.length === 0) {
        return emptyState(empty || t('common.none'));
    }
    return h('div', {class: 'table-wrap'},
        h('table', {class: 'grid'},
            caption ? h('caption', {}, caption) : null,
            h('thead', {}, h('tr', {}, columns.map(column => h('th', {scope: 'col', class: column.class}, column.title)))),
            h('tbody', {}, rows.map(row => h('tr', {class: rowClass ? rowClass(row) : null,
                dataset: rowKey ? {rowKey: rowKey(row)} : null},
                columns.map(column => h('td', {class: column.class}, column.cell(row))))))));
}

export function caseLink(caseId, text) {
    return h('a', {href: `#/cases/${encodeURIComponent(caseId)}`, class: 'case-link'}, text || caseId);
}

// ------------------------------------------------------------------------------------------------- rows by keyboard

const TYPING = ['INPUT', 'TEXTAREA', 'SELECT'];

function firstControl(row) {
    return row ? (row.querySelector('.actions button:not([disabled])') || row.querySelector('a, button, input')) : null;
}

/**
 * A list worked from the keyboard: j/k move between rows, the first letter of an action (its key: s 签收, r 答复…)
 * starts it on the row in focus, and after a redraw (an action done, a dialog closed, a live update) focus goes back
 * to the same row's same action, else its next action, else the row now at its place: never to the page body,
 * where a keyboard user would have to start again from the top.
 */
export function rowKeys(container) {
    let place = null;
    const rows = () => [...container.querySelectorAll('tr[data-row-key]')];
    container.addEventListener('focusin', event => {
        const row = event.target.closest('tr[data-row-key]');
        if (row) {
            place = {key: row.dataset.rowKey, action: event.target.dataset.action || null, index: rows().indexOf(row)};
        }
    });
    container.addEventListener('keydown', event => {
        if (event.ctrlKey || event.metaKey || event.altKey || TYPING.includes(event.target.tagName) || event.key.length !== 1) {
            return;
        }
        const all = rows();
        const row = event.target.closest('tr[data-row-key]');
        const key = event.key.toLowerCase();
        if (key === 'j' || key === 'k') {
            const index = row ? all.indexOf(row) + (key === 'j' ? 1 : -1) : 0;
            const target = firstControl(all[Math.max(0, Math.min(all.length - 1, index))]);
            if (target) {
                event.preventDefault();
                target.focus();
            }
            return;
        }
        const button = row && [...row.querySelectorAll('.actions button[data-action]')]
            .find(candidate => candidate.dataset.action.toLowerCase().startsWith(key) && !candidate.disabled);
        if (button) {
            event.preventDefault();
            button.focus();
            button.click();
        }
    });
    return {
        /** After a redraw: focus back to the remembered place when it fell to the page (never steals it otherwise). */
        restore() {
            const active = document.activeElement;
            if (!place || (active && active !== document.body && active.isConnected) || document.querySelector('dialog[open]')) {
                return;
            }
            const all = rows();
            const same = all.find(row => row.dataset.rowKey === place.key);
            const target = same
                ? ((place.action && same.querySelector(`[data-action="${CSS.escape(place.action)}"]:not([disabled])`)) || firstControl(same))
                : firstControl(all[Math.min(place.index, all.length - 1)]);
            if (target) {
                target.focus();
            }
        },
    };
}

/** The hint line of a keyboard list: j/k and the letters of the actions shown in it, each once. */
export function keyHint(container) {
    const seen = new Map();
    container.querySelectorAll('.actions button[data-action]').forEach(button => {
        const letter = button.dataset.action[0].toLowerCase();
        if (!seen.has(letter)) {
            seen.set(letter, button.textContent);
        }
    });
    return [t('keys.move'), ...[...seen].map(([letter, text]) => `${letter} ${text}`)].join(' · ');
}
