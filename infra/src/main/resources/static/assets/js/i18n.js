// Chinese first, English on request: one small dictionary per language, the choice kept in the browser.
import zh from './lang/zh-CN.js';
import en from './lang/en.js';

const DICTIONARIES = {'zh-CN': zh, 'en': en};
const STORAGE_KEY = 'hotline.lang';
const listeners = [];

let current = DICTIONARIES[localStorage.getItem(STORAGE_KEY)] ? localStorage.getItem(STORAGE_KEY) : 'zh-CN';
document.documentElement.lang = current;

export function lang() {
    return current;
}

export function languages() {
    return Object.keys(DICTIONARIES);
}

export function setLang(next) {
    if (!DICTIONARIES[next] || next === current) {
        return;
    }
    current = next;
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    listeners.forEach(listener => listener(next));
}

export function onLangChange(listener) {
    listeners.push(listener);
}

function fill(text, vars) {
    if (!vars) {
        return text;
    }
    return text.replace(/\{(\w+)\}/g, (whole, name) => (vars[name] === undefined || vars[name] === null)
        ? whole : String(vars[name]));
}

/** The text for key in the current language ({name} placeholders filled from vars); the key itself if unknown. */
export function t(key, vars) {
    const text = DICTIONARIES[current][key] ?? DICTIONARIES['zh-CN'][key];
    return text === undefined ? key : fill(text, vars);
}

/** The text for key, or fallback when neither dictionary has it (unit codes, rejection codes, …). */
export function tOr(key, fallback, vars) {
    const text = DICTIONARIES[current][key] ?? DICTIONARIES['zh-CN'][key];
    return text === undefined ? fallback : fill(text, vars);
}

/** A value of one of the API's enumerations, named in the current language: enumText('status', 'CLOSED'). */
export function enumText(kind, value) {
    if (value === undefined || value === null || value === '') {
        return '';
    }
    return tOr(`${kind}.${value}`, String(value));
}

/** Short names from the unit directory (GET /api/v1/units), preferred over the dictionaries' names. */
const directory = new Map();

/** Takes the unit directory's units in service; the next rendering shows their names. */
export function useUnitDirectory(units) {
    directory.clear();
    (units || []).forEach(unit => directory.set(unit.code, unit.shortName));
}

/** The codes the unit directory knows, in its order (top-down). */
export function directoryCodes() {
    return [...directory.keys()];
}

/** A unit code with its name when the directory or the dictionary knows it: "WATER" gives "水务局（WATER）". */
export function unitText(code) {
    if (!code) {
        return '';
    }
    const name = directory.get(code) || tOr(`unit.${code}`, null);
    return name ? `${name}（${code}）` : code;
}

/** A unit's name alone (the directory's short name, else the dictionary's), or its code when neither knows it. */
export function unitName(code) {
    if (!code) {
        return '';
    }
    return directory.get(code) || tOr(`unit.${code}`, null) || code;
}

/**
 * A unit as the working screens show it: the directory's short name, the code on hover (a title attribute), so a
 * row stays short and the code is still one pointer away; a code the directory does not know shows as the code.
 */
export function unitTag(code) {
    const tag = document.createElement('span');
    tag.className = 'unit';
    if (!code) {
        return tag;
    }
    tag.textContent = unitName(code);
    tag.title = code;
    tag.dataset.unit = code;
    return tag;
}
