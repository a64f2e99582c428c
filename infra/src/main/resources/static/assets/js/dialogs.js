// Dialogs: a modal form for one action on a case, which hands focus back to the control that opened it.
import {t} from './i18n.js';
import {h, uid} from './dom.js';
import {clearProblem, showProblem} from './problems.js';

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
            const back = stillShown(opener);
            if (back) {
                back.focus();
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


/**
 * The control that opened a dialog, or, when a live list redrew while the dialog was open, the same action on the same
 * case drawn in its place (else focus would fall to the page); an action folded in its line's 更多 menu gives way to
 * that menu's button.
 */
function stillShown(opener) {
    let control = opener;
    if (control && !control.isConnected) {
        const {action, caseId} = control.dataset || {};
        control = action && caseId
            ? document.querySelector(`[data-action="${CSS.escape(action)}"][data-case-id="${CSS.escape(caseId)}"]`) : null;
    }
    if (control && control.isConnected && !control.getClientRects().length) {
        const group = control.closest('.actions');
        control = group ? group.querySelector('.more-toggle') : null;
    }
    return control && control.isConnected ? control : null;
}
