// The unit picker: wherever a unit is chosen (dispatch, transfer, the inbox, the directory's own forms), a text field
// that takes a code typed freely (the directory may be empty) and, as one types, offers the unit directory's tree
// filtered by name or code: ↓/↑ move through it, Enter chooses, Esc closes, Tab leaves it as typed. The list sits in
// the page's flow (it never covers the next field) and adds no tab stop. Units show by name, the code on hover.
import {get} from './api.js';
import {t, unitName, unitText, useUnitDirectory} from './i18n.js';
import {h, uid} from './dom.js';
import {field} from './fields.js';

const MAX_ROWS = 200;
let loading = null;

/** The directory's units in service, top-down (GET /api/v1/units), fetched once and shared by every picker. */
export function loadUnits() {
    if (!loading) {
        loading = get('/api/v1/units', {inService: true}).catch(() => []);
    }
    return loading;
}

/** Forgets the fetched units (the directory changed) and refreshes the names shown everywhere. */
export async function reloadUnits() {
    loading = null;
    const units = await loadUnits();
    useUnitDirectory(units);
    return units;
}

/** A unit by name, with its code on hover: for lists and details. */
export function unitLabel(code) {
    if (!code) {
        return '—';
    }
    return h('span', {class: 'unit-name', title: code, dataset: {unit: code}}, unitName(code));
}

/** The units to offer for a query: matches and the units above them (the tree's context), in the tree's order. */
export function filterTree(units, query) {
    const text = (query || '').trim().toLowerCase();
    if (!text) {
        return units;
    }
    const byCode = new Map(units.map(unit => [unit.code, unit]));
    const keep = new Set();
    for (const unit of units) {
        const hit = [unit.code, unit.shortName, unit.fullName].some(value => (value || '').toLowerCase().includes(text));
        if (hit) {
            (unit.path || [unit.code]).forEach(code => byCode.has(code) && keep.add(code));
        }
    }
    return units.filter(unit => keep.has(unit.code));
}

/**
 * A labelled unit field: {name, label, value, required, id, hint, extra (codes to offer when the directory lacks
 * them), onChoose(code)}. Returns the field wrapper (wrapper.control is the input, its value a unit code).
 */
export function unitPicker(spec) {
    const wrapper = field({label: spec.label, name: spec.name, required: spec.required !== false, value: spec.value,
        hint: spec.hint === undefined ? t('picker.hint') : spec.hint, wide: spec.wide,
        attrs: {id: spec.id || uid(spec.name), autocomplete: 'off', spellcheck: 'false', class: 'unit-input'}});
    wrapper.classList.add('unit-picker');
    const picked = h('p', {class: 'unit-picked hint', 'aria-live': 'polite'});
    wrapper.control.after(picked);
    attachTree(wrapper.control, {extra: spec.extra, onChoose: spec.onChoose, picked});
    return wrapper;
}

/**
 * Makes a text input a combobox over the unit tree. {extra: codes offered too, onChoose(code, input): instead of
 * filling the input, picked: an element showing the chosen unit's name}.
 */
export function attachTree(input, options) {
    const settings = options || {};
    const listId = uid('unit-tree');
    const list = h('ul', {class: 'unit-tree-list', id: listId, role: 'listbox', hidden: true,
        'aria-label': t('picker.tree')});
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);
    input.after(list);
    let rows = [];
    let active = -1;

    function showPicked() {
        if (settings.picked) {
            const code = input.value.trim().toUpperCase();
            settings.picked.textContent = code && unitName(code) !== code ? unitText(code) : '';
        }
    }

    async function open(query) {
        const units = await loadUnits();
        const known = new Set(units.map(unit => unit.code));
        const extras = (settings.extra ? settings.extra() : []).filter(code => !known.has(code))
            .map(code => ({code, shortName: unitName(code), path: [code], extra: true}));
        rows = filterTree([...units, ...extras], query).slice(0, MAX_ROWS);
        active = -1;
        list.replaceChildren(...rows.map((unit, index) => h('li', {
            role: 'option', id: `${listId}-${index}`, class: 'unit-option', title: unit.code,
            dataset: {unit: unit.code}, 'aria-selected': 'false',
            style: `padding-left: ${0.5 + 1.25 * Math.max(0, (unit.path || [unit.code]).length - 1)}rem`,
            onmousedown: event => {
                event.preventDefault(); // keeps the focus in the input
                choose(index);
            },
        }, unit.shortName || unit.code, unit.kindLabel ? h('span', {class: 'hint'}, ` · ${unit.kindLabel}`) : null)));
        const shown = rows.length > 0 && document.activeElement === input;
        list.hidden = !shown;
        input.setAttribute('aria-expanded', String(shown));
        input.removeAttribute('aria-activedescendant');
    }

    function close() {
        list.hidden = true;
        active = -1;
        input.setAttribute('aria-expanded', 'false');
        input.removeAttribute('aria-activedescendant');
    }

    function highlight(index) {
        const options = [...list.children];
        options.forEach(option => option.setAttribute('aria-selected', 'false'));
        active = index;
        if (options[index]) {
            options[index].setAttribute('aria-selected', 'true');
            options[index].scrollIntoView({block: 'nearest'});
            input.setAttribute('aria-activedescendant', options[index].id);
        }
    }

    function choose(index) {
        const unit = rows[index];
        if (!unit) {
            return;
        }
        close();
        if (settings.onChoose) {
            settings.onChoose(unit.code, input);
        } else {
            input.value = unit.code;
            input.dispatchEvent(new Event('input', {bubbles: true}));
        }
        showPicked();
    }

    input.addEventListener('input', () => {
        showPicked();
        open(input.value);
    });
    input.addEventListener('blur', () => {
        close();
        if (!settings.onChoose) {
            input.value = input.value.trim().toUpperCase();
        }
        showPicked();
    });
    input.addEventListener('keydown', event => {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            if (list.hidden) {
                open(input.value).then(() => highlight(0));
                return;
            }
            const step = event.key === 'ArrowDown' ? 1 : -1;
            highlight(Math.min(rows.length - 1, Math.max(0, active + step)));
        } else if (event.key === 'Enter' && !list.hidden && active >= 0 && !event.ctrlKey && !event.metaKey) {
            event.preventDefault();
            event.stopPropagation(); // the intake form's Enter-moves-on must not run too
            choose(active);
        } else if (event.key === 'Escape' && !list.hidden) {
            event.preventDefault();
            event.stopPropagation(); // closes the list, not the dialog around it
            close();
        }
    });
    showPicked();
    return input;
}
