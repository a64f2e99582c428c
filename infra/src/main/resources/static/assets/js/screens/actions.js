// The case actions (签收, 异议, 转办, 进展, 补充材料, 延期, 答复, 派单, 回访, 督办, …): which ones a person's permissions
// allow on a case in its current state, and the form each needs. Inbox, board and case page share them.
import {caseAction, get} from '../api.js';
import {directoryCodes, t, unitText} from '../i18n.js';
import {h, toast, uid} from '../dom.js';
import {enumOptions, field} from '../fields.js';
import {problemText} from '../problems.js';
import {openDialog} from '../dialogs.js';
import {attachTree, unitPicker} from '../unit-picker.js';
import {CATEGORIES, FEEDBACK_CHANNELS, JURISDICTIONS, KNOWN_UNITS, REPLY_RESULTS, SATISFACTION, UNIT_PATTERN_ATTRIBUTE,
    can} from '../catalog.js';

const REPLIED = ['REPLIED', 'RESOLVED_AT_INTAKE'];
const WITH_UNIT = ['DISPATCHED', 'IN_HANDLING'];
const OPEN = ['REGISTERED', 'DISPATCHED', 'IN_HANDLING'];

/**
 * What the actions need to know of a case, from an inbox line, a search line or a full view alike.
 */
export function caseFacts(source) {
    const view = source || {};
    return {
        caseId: view.caseId,
        caseNumber: view.caseNumber,
        title: view.title,
        status: view.status,
        category: view.category,
        area: view.area,
        leadUnit: view.leadUnit,
        assistingUnits: view.assistingUnits || [],
        inboxRole: view.role,
        objectionPending: Boolean(view.objectionPending || view.pendingObjection),
        extensionPending: Boolean(view.extensionPending || view.pendingExtension),
        pendingExtension: view.pendingExtension,
        pendingObjection: view.pendingObjection,
        // 分级派单: the unit that sent the case down (it decides what comes up), an objection it must decide, a draft
        objectionBelow: Boolean(view.role === 'DECIDE_OBJECTION' || (view.pendingObjection
            && view.pendingObjection.decidedBy && view.pendingObjection.decidedBy !== 'HOTLINE')),
        sendingUnit: sendingUnitOf(view),
        reviewPending: Boolean(view.pendingReview || view.role === 'REVIEW_REPLY'),
        pendingReview: view.pendingReview,
        supervised: Boolean(view.supervised),
        feedbackRecorded: feedbackOnLastAnswer(view),
        dissatisfied: feedbackOnLastAnswer(view) && view.lastFeedback.countsAsSatisfied === false,
    };
}

/** Whether the citizen's feedback on the latest answer (a unit's reply, or the answer at intake) is recorded. */
function feedbackOnLastAnswer(view) {
    if (!view.lastFeedback) {
        return false;
    }
    return view.lastReply ? new Date(view.lastFeedback.at) >= new Date(view.lastReply.at) : true;
}

/** The unit that sent the case down to the unit handling it (the level above it), from a full view; else null. */
function sendingUnitOf(view) {
    const levels = view.levels || [];
    return levels.length > 1 ? levels[levels.length - 2].unit : null;
}

/**
 * Whether the person's unit sent the case down to the unit handling it: known from a full view; from an inbox line
 * only when the line waits on that unit (an objection from below, a draft to review).
 */
function sends(me, facts) {
    return facts.sendingUnit ? facts.sendingUnit === me.unit
        : ['DECIDE_OBJECTION', 'REVIEW_REPLY'].includes(facts.inboxRole);
}

function leads(me, facts) {
    return facts.inboxRole ? facts.inboxRole === 'LEAD' : facts.leadUnit === me.unit;
}

function assists(me, facts) {
    return facts.inboxRole ? facts.inboxRole === 'ASSIST' : facts.assistingUnits.includes(me.unit);
}

/**
 * Every action: the permission it needs (the server's permission table decides who holds it: see can()), when the case's
 * state and the person's unit allow it, and how it is taken.
 */
const ACTIONS = [
    {key: 'sign', action: 'SIGN_FOR', primary: true, when: (me, c) => leads(me, c) && c.status === 'DISPATCHED' && !c.objectionPending,
        run: c => direct(c, 'sign', null, 'done.sign')},
    {key: 'progress', action: 'RECORD_PROGRESS', when: (me, c) => (leads(me, c) || assists(me, c)) && c.status === 'IN_HANDLING',
        run: c => form(c, 'progress', 'progress', [text('note', 'form.note', true, 5)], values => ({note: values.note}))},
    {key: 'reply', action: 'REPLY', primary: true, when: (me, c) => leads(me, c) && c.status === 'IN_HANDLING' && !c.reviewPending,
        run: c => form(c, 'reply', 'reply', [
            field({label: t('form.replyResult'), name: 'result', type: 'select', required: true, value: 'SOLVED',
                options: enumOptions('replyResult', REPLY_RESULTS)}),
            text('text', 'form.replyText', true, 6)], values => ({result: values.result, text: values.text}))},
    {key: 'materials', action: 'REQUEST_MATERIALS', when: (me, c) => leads(me, c) && c.status === 'IN_HANDLING',
        run: c => materials(c)},
    {key: 'extension', action: 'REQUEST_EXTENSION', when: (me, c) => leads(me, c) && c.status === 'IN_HANDLING' && !c.extensionPending,
        run: c => form(c, 'extension', 'extensions', [
            field({label: t('form.extraWorkingDays'), name: 'extraWorkingDays', type: 'number', required: true, value: 3,
                attrs: {min: 1, max: 60, inputmode: 'numeric'}}),
            text('reason', 'form.reason', true, 3)],
        values => ({extraWorkingDays: Number(values.extraWorkingDays), reason: values.reason}))},
    {key: 'transfer', action: 'TRANSFER', when: (me, c) => leads(me, c) && c.status === 'IN_HANDLING' && !c.objectionPending,
        run: c => form(c, 'transfer', 'transfer', [unitInput('toUnit', 'form.toUnit'), text('reason', 'form.reason', true, 3)],
            values => ({toUnit: values.toUnit.trim().toUpperCase(), reason: values.reason}))},
    // 分级派单: down the unit's own subtree; the level above decides what comes up (异议, 收回, 办结审核)
    {key: 'dispatchDown', action: 'DISPATCH_DOWN',
        when: (me, c) => leads(me, c) && c.status === 'IN_HANDLING' && !c.objectionPending && !c.reviewPending,
        run: c => form(c, 'dispatchDown', 'dispatch-down', [unitInput('toUnit', 'form.toUnitBelow'),
            text('instructions', 'form.instructions', false, 3)],
        values => ({toUnit: values.toUnit.trim().toUpperCase(), assistingUnits: [], instructions: values.instructions || null}),
        t('dispatchDown.describe'))},
    {key: 'approveReply', action: 'DIRECT_LOWER_LEVEL', primary: true, when: (me, c) => sends(me, c) && c.reviewPending,
        run: c => form(c, 'approveReply', 'reply/approval', [text('comment', 'form.reviewComment', false, 3)],
            values => ({comment: values.comment || null}), draftDescription(c))},
    {key: 'returnReply', action: 'DIRECT_LOWER_LEVEL', danger: true, when: (me, c) => sends(me, c) && c.reviewPending,
        run: c => form(c, 'returnReply', 'reply/return', [text('reason', 'form.returnReason', true, 3)],
            values => ({reason: values.reason}), draftDescription(c))},
    {key: 'overrule', action: 'DIRECT_LOWER_LEVEL', primary: true, when: (me, c) => sends(me, c) && c.objectionPending,
        run: c => form(c, 'overrule', 'objections/overruling', [text('reason', 'form.overruleReason', true, 3)],
            values => ({reason: values.reason}), objectionDescription(c))},
    {key: 'takeBack', action: 'DIRECT_LOWER_LEVEL', danger: true,
        when: (me, c) => sends(me, c) && WITH_UNIT.includes(c.status) && !c.reviewPending,
        run: c => form(c, 'takeBack', 'take-back', [text('reason', 'form.reason', true, 3)],
            values => ({reason: values.reason}), t('takeBack.describe'))},
    {key: 'object', action: 'OBJECT', danger: true,
        when: (me, c) => leads(me, c) && WITH_UNIT.includes(c.status) && !c.objectionPending,
        run: c => form(c, 'object', 'objections', [text('reason', 'form.objectionReason', true, 4)], values => ({reason: values.reason}))},
    {key: 'dispatch', action: 'DISPATCH', primary: true, when: (me, c) => c.status === 'REGISTERED',
        run: c => dispatchDialog(c, 'dispatch')},
    {key: 'resolve', action: 'RESOLVE_AT_INTAKE', when: (me, c) => c.status === 'REGISTERED',
        run: c => form(c, 'resolve', 'resolve-at-intake', [text('answer', 'form.answer', true, 5)], values => ({answer: values.answer}))},
    {key: 'redirect', action: 'REDIRECT', when: (me, c) => c.status === 'REGISTERED',
        run: c => form(c, 'redirect', 'redirect', redirectFields(), values => ({jurisdiction: values.jurisdiction,
            explanation: values.explanation}))},
    {key: 'designate', action: 'DESIGNATE_LEAD_UNIT', primary: true, when: (me, c) => c.objectionPending && !c.objectionBelow,
        run: c => dispatchDialog(c, 'lead-designation')},
    {key: 'redispatch', action: 'REDISPATCH', when: (me, c) => c.objectionPending && !c.objectionBelow,
        run: c => dispatchDialog(c, 'redispatch')},
    {key: 'approveExtension', action: 'DECIDE_EXTENSION', primary: true, when: (me, c) => c.extensionPending,
        run: c => confirmDialog(c, 'extensions/approval', extensionDescription(c))},
    {key: 'rejectExtension', action: 'DECIDE_EXTENSION', danger: true, when: (me, c) => c.extensionPending,
        run: c => form(c, 'rejectExtension', 'extensions/rejection', [text('reason', 'form.reason', true, 3)],
            values => ({reason: values.reason}), extensionDescription(c))},
    {key: 'feedback', action: 'RECORD_FEEDBACK', primary: true, when: (me, c) => REPLIED.includes(c.status) && !c.feedbackRecorded,
        run: c => form(c, 'feedback', 'feedback', feedbackFields(), values => ({channel: values.channel,
            satisfaction: values.satisfaction, solved: values.solved === 'true', comment: values.comment || null}))},
    {key: 'close', action: 'CLOSE', when: (me, c) => REPLIED.includes(c.status),
        run: c => confirmDialog(c, 'close')},
    {key: 'reopen', action: 'REOPEN', when: (me, c) => REPLIED.includes(c.status) && c.dissatisfied,
        run: c => form(c, 'reopen', 'reopen', [text('reason', 'form.reason', true, 3)], values => ({reason: values.reason}))},
    {key: 'supervise', action: 'SUPERVISE', when: (me, c) => OPEN.includes(c.status) && !c.supervised,
        run: c => form(c, 'supervise', 'supervision', [text('note', 'form.supervisionNote', false, 3)], values => ({note: values.note || null}))},
    {key: 'urge', action: 'URGE', when: (me, c) => WITH_UNIT.includes(c.status),
        run: c => form(c, 'urge', 'urging', [text('note', 'form.urgeNote', false, 3)], values => ({note: values.note || null}))},
    {key: 'withdraw', action: 'WITHDRAW', danger: true, when: (me, c) => OPEN.includes(c.status),
        run: c => form(c, 'withdraw', 'withdraw', [text('reason', 'form.withdrawReason', true, 3)], values => ({reason: values.reason}))},
];

/** The actions the person may take on the case now, as [{key, run()}]. */
export function actionsFor(me, source, only) {
    const facts = caseFacts(source);
    return ACTIONS.filter(action => (!only || only.includes(action.key)) && can(me, action.action) && action.when(me, facts))
        .map(action => ({...action, facts}));
}

/**
 * Waits until the case's view shows an action's result ({version} from the command's answer): the read side follows
 * the log a moment behind. A unit's inbox is stored before the case view, so a list read after this shows it too.
 */
export async function applied(caseId, result) {
    if (result && result.version !== undefined && caseId) {
        await get(`/api/v1/cases/${encodeURIComponent(caseId)}`, {atLeastVersion: result.version}).catch(() => null);
    }
}

/** In a working list's line this many actions stay side by side; the less used others go in the line's 更多 menu. */
const INLINE = 3;

/**
 * A row of buttons for the allowed actions; done(result, key) runs after a successful one (result has the case's
 * new version). In a working list (compact: one line per case at a laptop's width) a case with more than INLINE + 1
 * actions shows its first INLINE (those that move the case on first) and a 更多 menu with the rest: seven buttons
 * side by side pushed the line past a 1366 px screen. The letter keys reach the menu's actions too (list-keys.js);
 * on a phone the menu's buttons are in the card with the others (console.css).
 */
export function actionButtons(me, source, done, only, compact) {
    const available = actionsFor(me, source, only);
    if (available.length === 0) {
        return null;
    }
    const facts = caseFacts(source);
    const folded = compact && available.length > INLINE + 1;
    const inline = folded ? [...available].sort((a, b) => (b.primary ? 1 : 0) - (a.primary ? 1 : 0)).slice(0, INLINE) : available;
    const group = h('div', {class: 'actions', role: 'group', 'aria-label': t('actions.label', {number: facts.caseNumber || ''})});
    const menu = folded ? h('div', {class: 'more-menu', id: uid('more'), popover: 'auto', role: 'group',
        'aria-label': t('actions.more')}) : null;
    const toggle = folded ? moreToggle(menu) : null;
    for (const action of available) {
        const shown = inline.includes(action);
        (shown ? group : menu).append(actionButton(action, facts, done, shown ? null : toggle));
    }
    if (folded) {
        group.append(toggle, menu);
    }
    return group;
}

function actionButton(action, facts, done, menuToggle) {
    return h('button', {
        type: 'button',
        class: action.danger ? 'danger-outline' : (action.primary ? 'primary' : 'secondary'),
        dataset: {action: action.key, caseId: facts.caseId},
        onclick: async event => {
            const button = event.currentTarget;
            // an action from the menu: the menu folds, and focus comes back to its 更多 button afterwards
            const back = menuToggle && menuToggle.getClientRects().length ? menuToggle : button;
            if (menuToggle && button.parentElement.matches(':popover-open')) {
                button.parentElement.hidePopover();
            }
            button.disabled = true;
            try {
                const result = await action.run(facts);
                if (result) {
                    done && done(result, action.key);
                }
            } finally {
                if (button.isConnected) {
                    button.disabled = false;
                    // a dialog closed (Esc) or an action done hands focus back to a button disabled meanwhile:
                    // it fell to the page, so it goes back to the button now it can take it
                    if (!document.activeElement || document.activeElement === document.body) {
                        back.focus();
                    }
                }
            }
        },
    }, t(`action.${action.key}`));
}

/**
 * The 更多 button: opens its menu (a popover, drawn above the table so no scrolling box cuts it) under itself, right
 * edges aligned, or above itself near the screen's foot; focus goes to the menu's first action, Esc folds it.
 */
function moreToggle(menu) {
    const toggle = h('button', {type: 'button', class: 'secondary more-toggle', 'aria-haspopup': 'true',
        'aria-expanded': 'false', 'aria-controls': menu.id}, t('actions.more'));
    // a press on the button outside the open menu folds it (light dismiss) before the click: the click must not
    // open it again
    let wasOpen = false;
    toggle.addEventListener('pointerdown', () => {
        wasOpen = menu.matches(':popover-open');
    });
    toggle.addEventListener('click', () => {
        const open = wasOpen || menu.matches(':popover-open');
        wasOpen = false;
        if (open) {
            if (menu.matches(':popover-open')) {
                menu.hidePopover();
            }
            return;
        }
        menu.showPopover();
        const box = toggle.getBoundingClientRect();
        const size = menu.getBoundingClientRect();
        menu.style.left = `${Math.max(0, Math.min(box.right - size.width, innerWidth - size.width))}px`;
        menu.style.top = `${box.bottom + size.height > innerHeight ? Math.max(0, box.top - size.height) : box.bottom}px`;
        const first = menu.querySelector('button:not([disabled])');
        if (first) {
            first.focus();
        }
    });
    menu.addEventListener('toggle', event => {
        toggle.setAttribute('aria-expanded', String(event.newState === 'open'));
        if (event.newState === 'closed' && menu.contains(document.activeElement)) {
            toggle.focus();
        }
    });
    return toggle;
}

// ------------------------------------------------------------------------------------------------- building blocks

function text(name, labelKey, required, rows) {
    return field({label: t(labelKey), name, type: 'textarea', required, rows, wide: true});
}

function values(formElement) {
    const data = {};
    for (const [key, value] of new FormData(formElement).entries()) {
        data[key] = typeof value === 'string' ? value.trim() : value;
    }
    return data;
}

function titleFor(facts, key) {
    return `${t(`action.${key}`)} · ${facts.caseNumber || facts.caseId}`;
}

async function direct(facts, action, body, doneKey) {
    try {
        const result = await caseAction(facts.caseId, action, body);
        toast(t(doneKey || 'done.generic', {number: facts.caseNumber || ''}));
        return result;
    } catch (error) {
        toast(problemText(error), 'error');
        return null;
    }
}

function form(facts, key, endpoint, fields, body, describe) {
    return openDialog({
        title: titleFor(facts, key),
        describe,
        fields,
        submitLabel: t(`action.${key}`),
        onSubmit: async formElement => {
            const result = await caseAction(facts.caseId, endpoint, body(values(formElement)));
            toast(t('done.generic', {number: facts.caseNumber || ''}));
            return result;
        },
    });
}

function confirmDialog(facts, endpoint, describe) {
    const key = endpoint === 'close' ? 'close' : 'approveExtension';
    return openDialog({
        title: titleFor(facts, key),
        describe: describe || t(`confirm.${key}`),
        fields: [],
        submitLabel: t(`action.${key}`),
        onSubmit: async () => {
            const result = await caseAction(facts.caseId, endpoint, null);
            toast(t('done.generic', {number: facts.caseNumber || ''}));
            return result;
        },
    });
}

function extensionDescription(facts) {
    const pending = facts.pendingExtension;
    if (!pending) {
        return t('board.extensionPending');
    }
    return t('extension.describe', {unit: unitText(pending.unit), days: pending.extraWorkingDays, reason: pending.reason});
}

/** The draft awaiting review (办结审核), as the reviewer reads it before deciding. */
function draftDescription(facts) {
    const draft = facts.pendingReview;
    return draft ? t('review.describe', {unit: unitText(draft.unit), result: t(`replyResult.${draft.result}`),
        text: draft.text}) : t('review.describeShort');
}

function objectionDescription(facts) {
    const pending = facts.pendingObjection;
    return pending ? t('objection.describe', {unit: unitText(pending.unit), reason: pending.reason})
        : t('flag.objection');
}

function redirectFields() {
    return [
        field({label: t('form.jurisdiction'), name: 'jurisdiction', type: 'select', required: true,
            options: enumOptions('jurisdiction', JURISDICTIONS)}),
        text('explanation', 'form.explanation', true, 4),
    ];
}

function feedbackFields() {
    return [
        field({label: t('form.feedbackChannel'), name: 'channel', type: 'select', required: true, value: 'PHONE',
            options: enumOptions('feedbackChannel', FEEDBACK_CHANNELS)}),
        field({label: t('form.satisfaction'), name: 'satisfaction', type: 'select', required: true, value: 'SATISFIED',
            options: enumOptions('satisfaction', SATISFACTION)}),
        field({label: t('form.solved'), name: 'solved', type: 'select', required: true, value: 'true',
            options: [['true', t('common.yes')], ['false', t('common.no')]]}),
        text('comment', 'form.comment', false, 3),
    ];
}

// ------------------------------------------------------------------------------------------------- units

let catalogueUnits = [];

/** The units the forms offer: the catalogue's (once fetched) and the known ones. */
export function unitChoices(extra) {
    return [...new Set([...(extra || []), ...catalogueUnits, ...directoryCodes(), ...KNOWN_UNITS])];
}

/** The catalogue's proposal for a category and area: {unit, units} or null when the API has none. */
export async function proposal(category, area) {
    if (!category || !CATEGORIES.includes(category)) {
        return null;
    }
    try {
        const answer = await get('/api/v1/dispatch-catalogue/proposal', {category, area});
        catalogueUnits = answer.units || catalogueUnits;
        return answer;
    } catch (error) {
        return null;
    }
}

/** The codes to offer beside the directory: the catalogue's and the known ones while the directory is empty. */
function offeredWithoutDirectory() {
    return directoryCodes().length ? [] : unitChoices();
}

/** A unit-code input with the unit tree as suggestions (unit-picker.js); a code typed freely stays as typed. */
export function unitInput(name, labelKey, value) {
    const wrapper = unitPicker({name, label: t(labelKey), value, required: true, extra: offeredWithoutDirectory});
    wrapper.control.setAttribute('pattern', UNIT_PATTERN_ATTRIBUTE);
    return wrapper;
}

/**
 * What the catalogue proposes, above the lead unit: the unit it proposes and, when the unit directory knows the
 * district serving the area and it is another unit, that district with a button that makes it the lead.
 */
export function proposalNote(proposed, lead, id) {
    const district = proposed && proposed.district && proposed.district !== proposed.unit ? proposed.district : null;
    const note = proposed && proposed.unit
        ? h('p', {class: 'proposal', id}, t('dispatch.proposal', {unit: unitText(proposed.unit)}))
        : h('p', {class: 'hint', id}, t('dispatch.noProposal'));
    if (district) {
        note.append(' ', h('span', {class: 'proposal-district'}, t('dispatch.district', {unit: unitText(district)})), ' ',
            h('button', {type: 'button', class: 'link-button', id: `${id}-use-district`, onclick: () => {
                lead.control.value = district;
                lead.control.dispatchEvent(new Event('input', {bubbles: true}));
                lead.control.focus();
            }}, t('dispatch.useDistrict')));
    }
    return note;
}

/**
 * Assisting units as tick boxes (keyboard: Tab and Space): the catalogue's units, or the known ones while the
 * directory is empty; any other unit is found in the tree on the line below (it adds a ticked box) or typed as codes.
 */
export function assistingPicker(exclude) {
    const legendId = uid('assisting');
    const inDirectory = new Set(directoryCodes());
    const offered = inDirectory.size ? catalogueUnits.filter(code => inDirectory.has(code)) : unitChoices();
    const box = code => {
        const id = uid('assist');
        return h('label', {class: 'check', for: id, title: code},
            h('input', {type: 'checkbox', id, name: 'assistingUnits', value: code}), ' ', unitText(code));
    };
    const grid = h('div', {class: 'check-grid'}, offered.filter(code => code !== exclude).map(box));
    const others = field({label: t('form.otherAssisting'), name: 'otherAssisting', hint: t('form.otherAssistingHint'),
        attrs: {autocomplete: 'off', spellcheck: 'false'}});
    attachTree(others.control, {onChoose: (code, input) => {
        let ticked = grid.querySelector(`input[value="${CSS.escape(code)}"]`);
        if (!ticked) {
            const added = box(code);
            grid.append(added);
            ticked = added.querySelector('input');
        }
        ticked.checked = true;
        input.value = '';
    }});
    return h('fieldset', {class: 'field field-wide assisting', 'aria-labelledby': legendId},
        h('legend', {id: legendId}, t('form.assistingUnits')),
        grid,
        others);
}

/** The assisting units a picker holds: the boxes ticked and the codes typed. */
export function assistingValues(formElement) {
    const ticked = [...formElement.querySelectorAll('input[name="assistingUnits"]:checked')].map(box => box.value);
    const typed = (formElement.querySelector('[name="otherAssisting"]')?.value || '')
        .split(/[\s,，、;；]+/).map(code => code.trim().toUpperCase()).filter(Boolean);
    return [...new Set([...ticked, ...typed])];
}

/** 派单 / 改派 / 协调指定: lead unit (the catalogue's proposal first), assisting units, and a reason where needed. */
async function dispatchDialog(facts, endpoint) {
    const key = {dispatch: 'dispatch', redispatch: 'redispatch', 'lead-designation': 'designate'}[endpoint];
    const proposed = await proposal(facts.category, facts.area);
    const lead = unitInput('leadUnit', 'form.leadUnit', proposed && proposed.unit ? proposed.unit : '');
    const note = proposalNote(proposed, lead, uid('proposal'));
    const pending = facts.pendingObjection
        ? h('p', {class: 'dialog-describe'}, t('objection.describe', {unit: unitText(facts.pendingObjection.unit),
            reason: facts.pendingObjection.reason}))
        : null;
    const fields = [pending, note, lead, assistingPicker(), endpoint === 'dispatch' ? null : text('reason', 'form.reason', true, 3)];
    return openDialog({
        title: titleFor(facts, key),
        fields,
        submitLabel: t(`action.${key}`),
        onSubmit: async formElement => {
            const data = values(formElement);
            const leadUnit = (data.leadUnit || '').toUpperCase();
            const body = {leadUnit, assistingUnits: assistingValues(formElement).filter(code => code !== leadUnit)};
            if (endpoint !== 'dispatch') {
                body.reason = data.reason;
            }
            const result = await caseAction(facts.caseId, endpoint, body);
            toast(t('done.generic', {number: facts.caseNumber || ''}));
            return result;
        },
    });
}

/** 补充材料 (一次性告知): every item at once, as many lines as needed. */
function materials(facts) {
    const list = h('ol', {class: 'item-list'});
    const addItem = value => {
        const index = list.children.length;
        const line = field({label: t('form.materialItem', {n: index + 1}), name: `items[${index}]`, value,
            required: index === 0, attrs: {class: 'material-item'}});
        line.control.addEventListener('keydown', event => {
            if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
                event.preventDefault();
                if (line.control.value.trim()) {
                    addItem('').control.focus();
                }
            }
        });
        list.append(h('li', {}, line));
        return line;
    };
    addItem('');
    const add = h('button', {type: 'button', class: 'secondary small', onclick: () => addItem('').control.focus()},
        t('form.addItem'));
    return openDialog({
        title: titleFor(facts, 'materials'),
        describe: t('materials.describe'),
        fields: [list, add],
        submitLabel: t('action.materials'),
        onSubmit: async formElement => {
            const items = [...formElement.querySelectorAll('.material-item')].map(input => input.value.trim())
                .filter(Boolean);
            const result = await caseAction(facts.caseId, 'material-requests', {items});
            toast(t('done.generic', {number: facts.caseNumber || ''}));
            return result;
        },
    });
}

