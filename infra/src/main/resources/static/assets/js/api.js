// Calls to the hotline's HTTP API with the console's session cookie.
// Every change carries the X-XSRF-TOKEN header copied from the XSRF-TOKEN cookie; every call says
// X-Requested-With so a 401 never makes the browser show its own password dialog.
// Refusals arrive as application/problem+json and are thrown as ApiError (status, code, detail, errors[]).
// Every call says Accept-Language in the language the person chose, so the server words refusals in it.

import {lang} from './i18n.js';

const TOKEN_COOKIE = 'XSRF-TOKEN';

export class ApiError extends Error {
    constructor(status, problem) {
        super((problem && problem.detail) || `HTTP ${status}`);
        this.status = status;
        this.code = problem && problem.code;
        this.title = problem && problem.title;
        this.detail = problem && problem.detail;
        this.errors = (problem && Array.isArray(problem.errors)) ? problem.errors : [];
    }
}

let signedOutHandler = () => {};

/** Called when the session has ended (a 401 on any call but the sign-in itself). */
export function whenSignedOut(handler) {
    signedOutHandler = handler;
}

function cookie(name) {
    const prefix = name + '=';
    const found = document.cookie.split(';').map(part => part.trim()).find(part => part.startsWith(prefix));
    return found ? decodeURIComponent(found.substring(prefix.length)) : null;
}

/** The CSRF token; the first request of a browser without one is handed one by the server. */
async function token() {
    let value = cookie(TOKEN_COOKIE);
    if (!value) {
        await fetch('/actuator/health', {credentials: 'same-origin', headers: {'X-Requested-With': 'XMLHttpRequest'}});
        value = cookie(TOKEN_COOKIE);
    }
    return value || '';
}

function forgetToken() {
    document.cookie = TOKEN_COOKIE + '=; Max-Age=0; path=/';
}

/** A path with a query string from the defined, non-empty values of params. */
export function withQuery(path, params) {
    if (!params) {
        return path;
    }
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
        if (value !== undefined && value !== null && value !== '') {
            query.append(key, String(value));
        }
    }
    const text = query.toString();
    return text ? `${path}?${text}` : path;
}

async function send(method, path, body, form, retried) {
    const headers = {'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json, application/problem+json',
        'Accept-Language': lang()};
    let payload;
    if (method !== 'GET') {
        headers['X-XSRF-TOKEN'] = await token();
    }
    if (typeof form === 'string') {
        payload = body;
        headers['Content-Type'] = form;
    } else if (form) {
        payload = new URLSearchParams(body);
        headers['Content-Type'] = 'application/x-www-form-urlencoded';
    } else if (body !== undefined && body !== null) {
        payload = JSON.stringify(body);
        headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, {method, headers, body: payload, credentials: 'same-origin'});
    const text = await response.text();
    let data = null;
    if (text) {
        try {
            data = JSON.parse(text);
        } catch (ignored) {
            data = null;
        }
    }
    if (!response.ok) {
        const error = new ApiError(response.status, data);
        if (response.status === 403 && !retried && String(error.detail || '').includes('X-XSRF-TOKEN')) {
            forgetToken();
            return send(method, path, body, form, true);
        }
        if (response.status === 401 && path !== '/login') {
            signedOutHandler();
        }
        throw error;
    }
    return {data, status: response.status, headers: response.headers};
}

export async function get(path, params) {
    return (await send('GET', withQuery(path, params))).data;
}

export async function post(path, body) {
    return (await send('POST', path, body === undefined ? null : body)).data;
}

/** POST of a text body as it is (a CSV file: contentType 'text/csv'). */
export async function postText(path, text, contentType) {
    return (await send('POST', path, text, contentType)).data;
}

/** POST answering the whole response (status and headers too). */
export function postFull(path, body) {
    return send('POST', path, body === undefined ? null : body);
}

export async function signIn(username, password) {
    return (await send('POST', '/login', {username, password}, true)).data;
}

export async function signOut() {
    try {
        await send('POST', '/logout', null);
    } finally {
        forgetToken();
    }
}

/** Command endpoints under /api/v1/cases/{id}/… */
export function caseAction(caseId, action, body) {
    return post(`/api/v1/cases/${encodeURIComponent(caseId)}/${action}`, body);
}
