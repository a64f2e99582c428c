// Working lists by keyboard: j/k between rows, an action's first letter, and focus kept on the row after a redraw.
import {t} from './i18n.js';

const TYPING = ['INPUT', 'TEXTAREA', 'SELECT'];

function firstControl(row) {
    return row ? (row.querySelector('.actions button:not([disabled])') || row.querySelector('a, button, input')) : null;
}

/** An action folded in its line's 更多 menu (actions.js) is not on screen to take focus: its 更多 button takes it. */
function onScreen(control) {
    if (!control || control.getClientRects().length) {
        return control;
    }
    const row = control.closest('tr[data-row-key]');
    return (row && row.querySelector('.more-toggle')) || firstControl(row);
}

/**
 * A list worked from the keyboard: j/k move between rows, the first letter of an action (its key: s 签收, r 答复…)
 * starts it on the row in focus, and after a redraw (an action done, a dialog closed, a live update) focus goes back
 * to the same row's same action, else its next action, else the row now at its place: never to the page body,
 * where a keyboard user would have to start again from the top.
 */
export function rowKeys(container) {
    let place = null;
    /** While restore() moves focus itself: where it puts focus is a stand-in, the place remembered stays. */
    let restoring = false;
    const rows = () => [...container.querySelectorAll('tr[data-row-key]')];
    container.addEventListener('focusin', event => {
        const row = event.target.closest('tr[data-row-key]');
        if (row && !restoring) {
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
            // an action folded in the 更多 menu: focus waits on the menu's button, where a closed dialog hands it back
            onScreen(button).focus();
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
                // a stand-in (the line's link while its actions are still coming, the 更多 button, the next line)
                // must not replace the place: the redraw after it goes back to the action itself
                restoring = true;
                try {
                    onScreen(target).focus();
                } finally {
                    restoring = false;
                }
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
