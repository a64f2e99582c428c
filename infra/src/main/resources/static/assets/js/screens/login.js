// 登录: user name and password, posted to /login as a form; the answer says who signed in.
import {signIn} from '../api.js';
import {t} from '../i18n.js';
import {h} from '../dom.js';
import {field} from '../fields.js';
import {clearProblem, showProblem} from '../problems.js';

export function render(main, context) {
    const username = field({label: t('login.username'), name: 'username', required: true,
        attrs: {autocomplete: 'username', autocapitalize: 'off', spellcheck: 'false', id: 'login-username'}});
    const password = field({label: t('login.password'), name: 'password', type: 'password', required: true,
        attrs: {autocomplete: 'current-password', id: 'login-password'}});
    const submit = h('button', {type: 'submit', class: 'primary wide', id: 'login-submit'}, t('login.submit'));
    const form = h('form', {class: 'login-form', novalidate: true, 'aria-labelledby': 'login-title'},
        h('h1', {id: 'login-title'}, t('login.title')),
        h('p', {class: 'hint'}, t('login.hint')),
        username, password, submit);
    form.addEventListener('submit', async event => {
        event.preventDefault();
        clearProblem(form);
        if (!form.reportValidity()) {
            return;
        }
        submit.disabled = true;
        try {
            const me = await signIn(username.control.value.trim(), password.control.value);
            await context.signedIn(me);
        } catch (error) {
            password.control.value = '';
            showProblem(form, error.status === 401 ? {detail: t('login.wrong'), status: 401} : error);
            password.control.focus();
        } finally {
            submit.disabled = false;
        }
    });
    main.append(h('section', {class: 'login-page'}, form));
    username.control.focus();
    return null;
}
