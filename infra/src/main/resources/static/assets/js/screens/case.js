// 工单详情: the case now — state, units and chain of responsibility, deadlines in colour, counters, masked
// personal data with the recorded reveal, the timeline — and the actions the person's permissions allow.
import {caseAction, get} from '../api.js';
import {enumText, t, tOr, unitName, unitTag} from '../i18n.js';
import {clear, h} from '../dom.js';
import {field} from '../fields.js';
import {errorState} from '../problems.js';
import {openDialog} from '../dialogs.js';
import {formatTime, remaining} from '../formats.js';
import {statusBadge, warningBadge} from '../case-lists.js';
import {can} from '../catalog.js';
import {actionButtons} from './actions.js';
import {actedByText, businessSteps, historyOf} from './history.js';

function row(label, value) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
        return null;
    }
    return [h('dt', {}, label), h('dd', {}, value)];
}

function dl(...rows) {
    return h('dl', {class: 'facts'}, rows.filter(Boolean));
}

function panel(id, title, ...content) {
    return h('section', {class: 'panel', id, 'aria-labelledby': `${id}-heading`}, h('h2', {id: `${id}-heading`}, title),
        content);
}

function deadline(view, which) {
    const clock = view[which];
    if (!clock) {
        return null;
    }
    const colour = clock.doneAt ? 'NONE' : ((view.warnings || {})[clock.kind] || 'NONE');
    return h('li', {class: `deadline deadline-${colour.toLowerCase()}`, dataset: {kind: clock.kind}},
        h('div', {class: 'deadline-head'}, h('strong', {}, enumText('deadlineKind', clock.kind)), ' ',
            clock.doneAt ? h('span', {class: `badge ${clock.onTime ? 'warn-green' : 'warn-red'}`},
                clock.onTime ? t('deadline.onTime') : t('deadline.late')) : warningBadge(colour)),
        dl(
            row(t('deadline.unit'), unitName(clock.unit)),
            row(t('deadline.started'), formatTime(clock.startedAt)),
            row(t('deadline.warnAt'), formatTime(clock.warnAt)),
            row(t('deadline.due'), clock.due ? `${formatTime(clock.due)}${clock.doneAt ? '' : ` · ${remaining(clock.due, colour)}`}` : ''),
            row(t('deadline.done'), formatTime(clock.doneAt)),
            row(t('deadline.missed'), formatTime(clock.missedAt))));
}

/** A clock's colour now: the case's colour per kind fits only the lead's clocks, not a level above. */
function colourNow(clock) {
    if (!clock || clock.doneAt || !clock.due) {
        return 'NONE';
    }
    const now = Date.now();
    if (now >= new Date(clock.due).getTime()) {
        return 'RED';
    }
    return clock.warnAt && now >= new Date(clock.warnAt).getTime() ? 'YELLOW' : 'GREEN';
}

function levelClock(clock) {
    if (!clock) {
        return null;
    }
    const colour = colourNow(clock);
    return h('span', {class: `level-clock deadline-${colour.toLowerCase()}`, dataset: {kind: clock.kind}},
        `${enumText('deadlineKind', clock.kind)} ${formatTime(clock.due)}`, ' ',
        clock.doneAt ? h('span', {class: `badge ${clock.onTime ? 'warn-green' : 'warn-red'}`},
            clock.onTime ? t('deadline.onTime') : t('deadline.late')) : warningBadge(colour));
}

/**
 * 分级责任链: the unit the hotline dispatched to, each unit below it, whom each answers to, who handles and who is
 * accountable now, each level's own clocks (a sender's runs on while the level below handles the case).
 */
function levelsPanel(view) {
    const levels = view.levels || [];
    if (levels.length < 2) {
        return null;
    }
    return panel('case-levels', t('case.levels'), h('ol', {class: 'levels', id: 'levels-list'}, levels.map(level => h('li', {
        class: [level.handling ? 'handling' : null, level.accountable ? 'accountable' : null].filter(Boolean).join(' ') || null,
        dataset: {unit: level.unit, level: String(level.level)}},
    h('div', {class: 'level-head'}, h('span', {class: 'level-number'}, t('level.number', {n: level.level})), ' ',
        h('strong', {}, unitTag(level.unit)), ' ',
        h('span', {class: 'hint'}, t('level.answersTo', {unit: level.accountableTo === 'HOTLINE'
            ? t('level.hotline') : unitName(level.accountableTo)})),
        level.handling ? h('span', {class: 'flag flag-handling'}, t('level.handling')) : null,
        level.accountable ? h('span', {class: 'flag flag-accountable'}, t('chain.accountableShort')) : null),
    (level.assistingUnits || []).length
        ? h('div', {class: 'hint'}, `${t('case.assisting')}：${level.assistingUnits.map(unitName).join('、')}`) : null,
    h('div', {class: 'level-clocks'}, levelClock(level.signForDeadline), ' ', levelClock(level.completionDeadline)),
    level.sentDownTo ? h('div', {class: 'level-sent'}, t('level.sentDown', {unit: unitName(level.sentDownTo),
        time: formatTime(level.sentDownAt)}), level.instructions ? `：${level.instructions}` : '') : null))));
}

/** The case's details as panels; used for the case now and, in the auditor's view, for the case at a moment. */
export function caseDetails(view, options) {
    const opts = options || {};
    const citizen = view.citizen || {};
    const counters = view.counters || {};
    const revealButton = opts.reveal ? h('button', {type: 'button', class: 'secondary', id: 'reveal-button',
        onclick: () => revealDialog(view)}, t('action.reveal')) : null;
    const clocks = [deadline(view, 'signForDeadline'), deadline(view, 'completionDeadline'),
        view.pendingReview || (view.reviewDeadline && !view.reviewDeadline.doneAt) ? deadline(view, 'reviewDeadline') : null]
        .filter(Boolean);
    const last = [];
    if (view.pendingObjection) {
        const decider = view.pendingObjection.decidedBy;
        last.push(row(t('case.pendingObjection'), `${unitName(view.pendingObjection.unit)}：${view.pendingObjection.reason}${
            decider && decider !== 'HOTLINE' ? ` · ${t('case.decidedBy', {unit: unitName(decider)})}` : ''}`));
    }
    if (view.pendingReview) {
        const draft = view.pendingReview;
        last.push(row(t('case.pendingReview'), h('span', {id: 'pending-review'}, t('review.pending', {unit: unitName(draft.unit),
            reviewer: unitName(draft.reviewer), result: enumText('replyResult', draft.result), text: draft.text}),
        view.reviewDeadline ? ` · ${t('deadline.due')} ${formatTime(view.reviewDeadline.due)}` : '')));
    }
    if (view.lastReview) {
        const review = view.lastReview;
        last.push(row(t('case.lastReview'), h('span', {id: 'last-review'}, `${formatTime(review.at)} ${unitName(review.reviewer)} ${
            t(review.approved ? 'review.approved' : 'review.returned')}${review.text ? `：${review.text}` : ''}`)));
    }
    if (view.pendingExtension) {
        last.push(row(t('case.pendingExtension'), t('extension.describe', {unit: unitName(view.pendingExtension.unit),
            days: view.pendingExtension.extraWorkingDays, reason: view.pendingExtension.reason})));
    }
    if (view.lastProgress) {
        last.push(row(t('case.lastProgress'), `${formatTime(view.lastProgress.at)} ${unitName(view.lastProgress.unit)}：${view.lastProgress.note}`));
    }
    if (view.lastMaterialRequest) {
        last.push(row(t('case.lastMaterialRequest'), h('span', {},
            h('ul', {}, (view.lastMaterialRequest.items || []).map(item => h('li', {}, item))),
            view.lastMaterialRequest.repeated ? h('span', {class: 'flag flag-objection'}, t('case.repeatedRequest')) : null)));
    }
    if (view.lastReply) {
        last.push(row(t('case.lastReply'), `${formatTime(view.lastReply.at)} ${enumText('replyResult', view.lastReply.result)}：${view.lastReply.text}${view.lastReply.onTime === false ? ` (${t('deadline.late')})` : ''}`));
    }
    if (view.lastFeedback) {
        last.push(row(t('case.lastFeedback'), `${formatTime(view.lastFeedback.at)} ${enumText('satisfaction', view.lastFeedback.satisfaction)} · ${view.lastFeedback.solved ? t('case.solved') : t('case.notSolved')}${view.lastFeedback.comment ? ` · ${view.lastFeedback.comment}` : ''}`));
    }
    if (view.supervision) {
        last.push(row(t('case.supervision'), `${formatTime(view.supervision.at)} ${view.supervision.note || ''}`));
    }
    if (view.lastUrge) {
        last.push(row(t('case.lastUrge'), `${formatTime(view.lastUrge.at)} ${unitName(view.lastUrge.unit)} ${view.lastUrge.note || ''}`));
    }
    if (view.ending) {
        last.push(row(t('case.ending'), `${enumText('ending', view.ending.how)}${view.ending.jurisdiction
            ? ` · ${enumText('jurisdiction', view.ending.jurisdiction)}` : ''}：${view.ending.text || ''}`));
    }
    if (view.mergedInto) {
        last.push(row(t('case.mergedInto'), h('a', {href: `#/cases/${encodeURIComponent(view.mergedInto.caseId)}`},
            view.mergedInto.caseNumber)));
    }
    if ((view.repeatedRequests || []).length) {
        last.push(row(t('case.repeatedRequests'), (view.repeatedRequests || []).map(linked => h('a', {
            href: `#/cases/${encodeURIComponent(linked.caseId)}`, class: 'inline-link'}, linked.caseNumber))));
    }
    return h('div', {class: 'case-grid'},
        panel('case-basics', t('case.basics'), dl(
            row(t('case.channel'), enumText('channel', view.channel)),
            row(t('case.category'), enumText('category', view.category)),
            row(t('case.urgency'), enumText('urgency', view.urgency)),
            row(t('case.area'), tOr(`area.${view.area}`, view.area)),
            row(t('case.registeredAt'), formatTime(view.registeredAt)),
            row(t('case.registeredBy'), actedByText(view.registeredBy)),
            row(t('case.content'), h('span', {class: 'prewrap'}, view.content)))),
        // a unit handler is told the complainant is withheld from them, not shown an empty phone row and a
        // hint about a reveal button they do not have
        panel('case-citizen', t('case.citizen'), dl(
            row(t('case.citizenName'), citizen.name),
            citizen.maskedPhone ? row(t('case.phone'), h('span', {id: 'masked-phone'}, citizen.maskedPhone)) : null,
            row(t('case.idNumber'), citizen.maskedIdNumber)),
        h('p', {class: 'hint', id: 'citizen-hint'}, revealButton ? t('case.maskedHint')
            : t(citizen.maskedPhone ? 'case.maskedNoReveal' : 'case.citizenWithheld')), revealButton),
        panel('case-units', t('case.units'), dl(
            row(t('case.lead'), view.leadUnit ? unitTag(view.leadUnit) : null),
            row(t('case.assisting'), (view.assistingUnits || []).flatMap((code, index) => (index ? ['、', unitTag(code)] : [unitTag(code)]))),
            row(t('case.accountable'), view.accountableUnit ? h('strong', {}, unitTag(view.accountableUnit)) : null),
            row(t('case.transferPendingTo'), view.transferPendingTo ? unitTag(view.transferPendingTo) : null),
            row(t('case.proposed'), view.dispatch && view.dispatch.proposedUnit
                ? `${unitName(view.dispatch.proposedUnit)}${view.dispatch.catalogueOverridden ? ` · ${t('case.overridden')}` : ''}`
                : null),
            row(t('flag.supervised'), view.supervised ? t('common.yes') : null))),
        levelsPanel(view),
        panel('case-deadlines', t('case.deadlines'), clocks.length ? h('ul', {class: 'deadlines'}, clocks)
            : h('p', {class: 'hint'}, t('common.none'))),
        last.length ? panel('case-latest', t('case.latest'), dl(...last)) : null,
        panel('case-counters', t('case.counters'), h('ul', {class: 'counter-grid'},
            Object.entries(counters).map(([key, value]) => h('li', {class: value > 0 ? 'nonzero' : null},
                h('span', {class: 'counter-value'}, String(value)), h('span', {class: 'counter-label'}, enumText('counter', key)))))),
        panel('case-chain', t('case.chain'), h('ol', {class: 'chain'}, (view.chain || []).map(entry => h('li', {
            class: entry.accountable ? 'accountable' : null},
        h('span', {class: 'chain-time'}, formatTime(entry.at)), ' ',
        h('strong', {}, unitTag(entry.unit)), ` · ${enumText('chainRole', entry.role)} · ${enumText('chainStep', entry.step)}`,
        entry.level ? ` · ${t('level.number', {n: entry.level})}` : '',
        entry.from ? h('span', {class: 'hint chain-from'}, ` ${tOr(`chainFrom.${entry.step}`, unitName(entry.from), {unit: unitName(entry.from)})}`) : null,
        entry.accountable ? h('span', {class: 'flag flag-accountable'}, t('chain.accountableShort')) : null,
        entry.reason ? h('div', {class: 'chain-reason'}, entry.reason) : null,
        h('div', {class: 'hint'}, actedByText(entry.by)))))));
}

/** 查看个人信息: a reason is required and recorded; the answer is shown once, in the dialog, and then forgotten. */
export function revealDialog(view) {
    return openDialog({
        title: t('reveal.title', {number: view.caseNumber}),
        describe: t('reveal.describe'),
        fields: [field({label: t('reveal.reason'), name: 'reason', type: 'textarea', required: true, rows: 3, wide: true,
            attrs: {id: 'reveal-reason'}})],
        submitLabel: t('action.reveal'),
        onSubmit: formElement => caseAction(view.caseId, 'personal-data/reveal',
            {reason: formElement.querySelector('[name="reason"]').value.trim()}),
        after: (citizen, dialog, formElement) => {
            formElement.querySelector('.field').remove();
            formElement.prepend(h('div', {class: 'revealed', id: 'revealed', role: 'status'},
                h('p', {class: 'hint'}, t('reveal.once')),
                dl(row(t('case.citizenName'), citizen.name), row(t('case.phone'), citizen.phone),
                    row(t('case.idNumber'), citizen.idNumber))));
            return true;
        },
    });
}

export function render(main, context) {
    const caseId = context.params[0];
    const {me} = context;
    let disposed = false;
    let shownVersion = -1;
    let source = null;

    async function load(atLeastVersion) {
        const asked = get(`/api/v1/cases/${encodeURIComponent(caseId)}`, {atLeastVersion});
        // the history is read from the log, never older than the view: asked for at once, not after the view
        const told = historyOf(caseId, asked, me);
        let view;
        try {
            view = await asked;
        } catch (error) {
            clear(main).append(h('h1', {}, t('case.heading', {number: caseId})), errorState(error));
            return;
        }
        if (disposed || (view.version !== undefined && view.version < shownVersion)) {
            return;
        }
        shownVersion = view.version ?? shownVersion;
        const focusedAction = document.activeElement && document.activeElement.dataset
            ? document.activeElement.dataset.action : null;
        clear(main);
        const timeline = h('section', {class: 'panel', id: 'case-timeline', 'aria-labelledby': 'case-timeline-heading'},
            h('h2', {id: 'case-timeline-heading'}, t('case.timeline')), h('p', {class: 'loading'}, t('common.loading')));
        const actions = actionButtons(me, view, result => load(result && result.version));
        main.append(
            h('div', {class: 'screen-head case-head'},
                h('h1', {id: 'case-heading', tabindex: '-1'}, t('case.heading', {number: view.caseNumber}), ' ',
                    statusBadge(view.status), ' ', view.warning && view.warning !== 'NONE' ? warningBadge(view.warning) : null),
                h('p', {class: 'case-title-line', id: 'case-title'}, view.title)),
            ...(actions ? [actions] : []),
            caseDetails(view, {reveal: can(me, 'REVEAL_PERSONAL_DATA')}),
            timeline);
        if (focusedAction) {
            const again = main.querySelector(`[data-action="${CSS.escape(focusedAction)}"]`);
            // the action done is gone (signed: no more 签收): the case's next action, not the top of the page
            (again || main.querySelector('.actions button:not([disabled])') || document.getElementById('case-heading')).focus();
        }
        const history = await told;
        if (disposed) {
            return;
        }
        clear(timeline).append(h('h2', {id: 'case-timeline-heading'}, t('case.timeline')),
            ...(history.failed ? [h('p', {class: 'hint', id: 'timeline-fallback'}, t('case.timelineFallback'))] : []),
            ...(history.fromAudit || history.failed ? [] : [h('p', {class: 'hint', id: 'timeline-see-chain'}, t('timeline.seeChain'))]),
            h('ol', {class: 'timeline', id: 'timeline-list'}, history.steps.map(step => h('li', {},
                h('span', {class: 'chain-time'}, formatTime(step.at)), ' ', h('span', {}, step.sentence || step.type),
                h('div', {class: 'hint'}, actedByText(step.by))))));
    }

    /** 实时: the case's stream says its version; a newer one than shown is read again (someone else acted). */
    function follow() {
        if (disposed) {
            return;
        }
        source = new EventSource(`/api/v1/cases/${encodeURIComponent(caseId)}/stream`);
        source.addEventListener('case', event => {
            const {version} = JSON.parse(event.data);
            if (version > shownVersion && shownVersion >= 0 && !document.querySelector('dialog[open]')) {
                load(version);
            }
        });
    }

    load().then(follow);
    return () => {
        disposed = true;
        if (source) {
            source.close();
        }
    };
}
