// Building elements and telling the person something: the helpers every screen starts from. Fields, refusals,
// dialogs, formats, case lists and their keys each have their own module beside this one.

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

