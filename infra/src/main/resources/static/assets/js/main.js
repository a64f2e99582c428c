// The console's shell: who is signed in, the navigation each role gets, and the hash routes to the screens.
import {get, signOut, whenSignedOut} from './api.js';
import {enumText, lang, onLangChange, setLang, t, unitText, useUnitDirectory} from './i18n.js';
import {clear, h, toast} from './dom.js';
import {can} from './catalog.js';
import * as login from './screens/login.js';
import * as intake from './screens/intake.js';
import * as inbox from './screens/inbox.js';
import * as board from './screens/board.js';
import * as search from './screens/search.js';
import * as casePage from './screens/case.js';
import * as dashboard from './screens/dashboard.js';
import * as audit from './screens/audit.js';
import * as callbacks from './screens/callbacks.js';
import * as knowledge from './screens/knowledge.js';
import * as units from './screens/units.js';

const ROUTES = [
    {path: /^\/login$/, screen: login, public: true},
    {path: /^\/intake$/, screen: intake, href: '/intake', nav: 'nav.intake', needs: ['REGISTER']},
    {path: /^\/inbox(?:\/([A-Z0-9-]+))?$/, screen: inbox, href: '/inbox', nav: 'nav.inbox',
        needs: ['SIGN_FOR', 'DISPATCH', 'DESIGNATE_LEAD_UNIT', 'SUPERVISE']},
    {path: /^\/board$/, screen: board, href: '/board', nav: 'nav.board', needs: ['DISPATCH', 'DESIGNATE_LEAD_UNIT', 'SUPERVISE']},
    {path: /^\/cases$/, screen: search, href: '/cases', nav: 'nav.search'},
    {path: /^\/cases\/([A-Za-z0-9-]+)$/, screen: casePage},
    {path: /^\/dashboard$/, screen: dashboard, href: '/dashboard', nav: 'nav.dashboard',
        needs: ['READ_CASES']},
    {path: /^\/call-backs$/, screen: callbacks, href: '/call-backs', nav: 'nav.callbacks', needs: ['RECORD_FEEDBACK']},
    {path: /^\/audit(?:\/([A-Za-z0-9-]+))?$/, screen: audit, href: '/audit', nav: 'nav.audit', needs: ['AUDIT']},
    {path: /^\/knowledge$/, screen: knowledge, href: '/knowledge', nav: 'nav.knowledge',
        needs: ['PROPOSE_ARTICLE', 'REVIEW_ARTICLE']},
    {path: /^\/units(?:\/([A-Z0-9-]+))?$/, screen: units, href: '/units', nav: 'nav.units', needs: ['ADMINISTER']},
];

const state = {me: null, cleanup: null, returnTo: null};

/** The route's path, without the query a link may carry (#/cases?status=IN_HANDLING: filters for the screen). */
function currentPath() {
    const hash = location.hash.replace(/^#/, '').split('?')[0];
    return hash || '/';
}

function currentQuery() {
    const hash = location.hash;
    const at = hash.indexOf('?');
    return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

/** Where a person starts their day: at the first kind of work their permissions give them. */
function home(me) {
    if (can(me, 'REGISTER')) {
        return '/intake';
    }
    if (can(me, 'SIGN_FOR')) {
        return '/inbox';
    }
    if (can(me, 'DESIGNATE_LEAD_UNIT', 'SUPERVISE')) {
        return '/board';
    }
    if (can(me, 'AUDIT')) {
        return '/audit';
    }
    if (can(me, 'REVIEW_ARTICLE')) {
        return '/knowledge';
    }
    return '/dashboard';
}

function allowed(route, me) {
    return !route.needs || can(me, ...route.needs);
}

export function navigate(path) {
    if ((location.hash.replace(/^#/, '') || '/') === path) {
        render();
    } else {
        location.hash = `#${path}`;
    }
}

/** On a phone the navigation folds behind a menu button; it opens on a tap and folds again on every navigation. */
function renderMenuButton() {
    const header = document.getElementById('app-header');
    header.classList.remove('nav-open');
    let button = document.getElementById('nav-toggle');
    if (!button) {
        button = h('button', {type: 'button', class: 'nav-toggle', id: 'nav-toggle', 'aria-controls': 'app-nav',
            onclick: () => {
                const open = header.classList.toggle('nav-open');
                button.setAttribute('aria-expanded', String(open));
            }});
        document.getElementById('brand').after(button);
    }
    button.hidden = !state.me;
    button.setAttribute('aria-expanded', 'false');
    button.textContent = t('nav.menu');
}

function renderHeader() {
    renderMenuButton();
    document.title = t('app.title');
    document.getElementById('brand').textContent = t('app.title');
    document.getElementById('skip-link').textContent = t('app.skip');
    const nav = clear(document.getElementById('app-nav'));
    nav.setAttribute('aria-label', t('nav.label'));
    const who = clear(document.getElementById('who'));
    const path = currentPath();
    if (state.me) {
        for (const route of ROUTES.filter(r => r.nav && allowed(r, state.me))) {
            const target = route.href;
            const active = path === target || path.startsWith(`${target}/`);
            nav.append(h('a', {href: `#${target}`, class: active ? 'active' : null,
                'aria-current': active ? 'page' : null}, t(route.nav)));
        }
        who.append(h('span', {class: 'who-name', id: 'who-name'}, state.me.username),
            h('span', {class: 'who-unit', id: 'who-unit'}, unitText(state.me.unit)),
            h('span', {class: 'who-roles', id: 'who-roles'},
                (state.me.roles || []).map(role => enumText('role', role)).join('、')));
    }
    const other = lang() === 'en' ? 'zh-CN' : 'en';
    who.append(h('button', {type: 'button', class: 'link-button', id: 'lang-switch', lang: other,
        onclick: () => setLang(other)}, t('app.otherLanguage')));
    if (state.me) {
        who.append(h('button', {type: 'button', class: 'secondary small', id: 'sign-out', onclick: doSignOut},
            t('action.signOut')));
    }
}

async function doSignOut() {
    try {
        await signOut();
    } catch (ignored) {
        // the session may already be gone; signing out is done either way
    }
    state.me = null;
    navigate('/login');
}

/** An answer boot.js asked for while the modules loaded (window[name]), used once; null when there is none to use. */
async function early(name) {
    const asked = window[name];
    window[name] = null;
    const response = asked ? await asked : null;
    return response && response.ok ? response.json().catch(() => null) : null;
}

async function loadMe() {
    try {
        state.me = await early('hotlineWhoAmI') || await get('/api/v1/me');
    } catch (error) {
        state.me = null;
    }
    if (state.me) {
        await loadUnitDirectory();
    }
    return state.me;
}

/** Units by name wherever a code is shown or chosen; without a directory the dictionaries' names stay. */
async function loadUnitDirectory() {
    try {
        useUnitDirectory(await early('hotlineUnits') || await get('/api/v1/units', {inService: true}));
    } catch (error) {
        useUnitDirectory([]);
    }
}

/** Ends the shown screen: its live stream closes (the screens' cleanup). */
function leaveScreen() {
    if (state.cleanup) {
        try {
            state.cleanup();
        } catch (ignored) {
            // a screen's cleanup never blocks the next screen
        }
        state.cleanup = null;
    }
}

async function render() {
    leaveScreen();
    const path = currentPath();
    const main = document.getElementById('main');
    if (!state.me && path !== '/login') {
        await loadMe();
        if (!state.me) {
            state.returnTo = path === '/' ? null : path;
            location.replace('#/login');
            return undefined;
        }
    }
    if (path === '/' || (path === '/login' && state.me)) {
        location.replace(`#${home(state.me)}`);
        return undefined;
    }
    const route = ROUTES.find(r => r.path.test(path));
    renderHeader();
    clear(main);
    if (!route) {
        main.append(h('h1', {}, t('error.noSuchPage')));
        return undefined;
    }
    if (!route.public && !allowed(route, state.me)) {
        main.append(h('h1', {}, t('error.noSuchPage')), h('p', {}, t('error.forbidden')));
        return undefined;
    }
    const params = path.match(route.path).slice(1);
    const context = {
        me: state.me,
        params,
        query: currentQuery(),
        navigate,
        signedIn: async me => {
            state.me = me || await loadMe();
            if (me) {
                // the sign-in's answer says who it is; the directory (units by name) still has to be read for them
                await loadUnitDirectory();
            }
            const target = state.returnTo || home(state.me);
            state.returnTo = null;
            navigate(target);
        },
    };
    state.cleanup = route.screen.render(main, context) || null;
    return undefined;
}

whenSignedOut(() => {
    if (state.me) {
        state.me = null;
        state.returnTo = currentPath();
        toast(t('app.sessionEnded'), 'error');
        navigate('/login');
    }
});

onLangChange(() => render());
window.addEventListener('hashchange', () => render());
// A page left for another keeps running in the browser's back/forward cache with its live stream open, and a
// browser gives one server six connections (HTTP/1.1): after six such pages every request of the console waited
// for a stream to end, a sign-out among them. The stream closes as the page is left and opens again on the way back.
window.addEventListener('pagehide', () => leaveScreen());
window.addEventListener('pageshow', event => {
    if (event.persisted) {
        render();
    }
});
render();
