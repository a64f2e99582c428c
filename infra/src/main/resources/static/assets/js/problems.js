// Refusals: the sentence for a problem (the rule's code in the person's language), marked on the form's fields.
import {t, tOr} from './i18n.js';
import {h} from './dom.js';

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

export function errorState(error) {
    return h('div', {class: 'problem', role: 'alert'}, h('strong', {}, problemText(error)));
}

