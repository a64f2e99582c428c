// Form fields with their label, hint and error line, which problems.js fills when the server refuses.
import {enumText} from './i18n.js';
import {h, uid} from './dom.js';

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
