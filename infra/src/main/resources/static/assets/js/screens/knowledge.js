// 知识库: the knowledge screen. A unit keeps the articles on its own matters (draft, edit or revise, submit, withdraw)
// and sees those near their last day and the operators' flags on them; the hotline's knowledge editor reviews
// (publish or return with a reason), withdraws, and reads the figures: 直接办结率, the articles used, the questions
// answered without an article (the articles still to write) and the articles flagged.
import {get, post} from '../api.js';
import {enumText, t, tOr, unitText} from '../i18n.js';
import {clear, h, toast} from '../dom.js';
import {enumOptions, field} from '../fields.js';
import {errorState} from '../problems.js';
import {openDialog} from '../dialogs.js';
import {formatRate, formatTime} from '../formats.js';
import {emptyState, table} from '../case-lists.js';
import {CATEGORIES, can} from '../catalog.js';

const STATUSES = ['DRAFT', 'IN_REVIEW', 'PUBLISHED', 'WITHDRAWN'];
const ROOT = '/api/v1/knowledge/articles';

export function render(main, context) {
    const me = context.me;
    const editor = can(me, 'REVIEW_ARTICLE');
    const keeper = can(me, 'PROPOSE_ARTICLE');
    let status = editor ? 'IN_REVIEW' : '';

    const statusFilter = field({label: t('knowledge.status'), name: 'status', type: 'select', value: status,
        options: [['', t('common.any')], ...enumOptions('articleStatus', STATUSES)], attrs: {id: 'knowledge-status'}});
    statusFilter.control.addEventListener('change', () => {
        status = statusFilter.control.value;
        loadList();
    });
    const list = h('section', {class: 'panel', id: 'knowledge-list', 'aria-live': 'polite'});
    const detail = h('section', {class: 'panel', id: 'knowledge-detail', hidden: true, 'aria-live': 'polite'});
    const side = h('div', {class: 'knowledge-side'});
    main.append(
        h('div', {class: 'screen-head'}, h('h1', {}, t('knowledge.heading')),
            keeper ? h('button', {type: 'button', class: 'primary', id: 'knowledge-new', onclick: () => edit(null)},
                t('knowledge.new')) : null),
        h('div', {class: 'form-grid'}, statusFilter),
        h('div', {class: 'intake-layout'}, h('div', {}, list, detail), side));

    async function loadList() {
        clear(list).append(h('p', {class: 'loading'}, t('common.loading')));
        try {
            const rows = await get(ROOT, {status});
            clear(list).append(table({
                caption: t('knowledge.caption'),
                empty: t('knowledge.empty'),
                rows,
                columns: [
                    {title: t('knowledge.question'), cell: row => h('button', {type: 'button', class: 'link-button',
                        dataset: {article: row.articleId}, onclick: () => show(row.articleId)}, question(row))},
                    {title: t('knowledge.status'), cell: row => stateText(row)},
                    {title: t('knowledge.owner'), cell: row => unitText(row.owningUnit)},
                    {title: t('knowledge.version'), cell: row => row.publishedVersion ? `v${row.publishedVersion}` : '—'},
                    {title: t('knowledge.changed'), cell: row => formatTime(row.updatedAt)},
                ],
            }));
        } catch (error) {
            clear(list).append(errorState(error));
        }
    }

    async function show(articleId) {
        detail.hidden = false;
        clear(detail).append(h('p', {class: 'loading'}, t('common.loading')));
        try {
            drawDetail(await get(`${ROOT}/${encodeURIComponent(articleId)}`));
        } catch (error) {
            clear(detail).append(errorState(error));
        }
    }

    function drawDetail(article) {
        clear(detail);
        const own = keeper && me.unit === article.owningUnit;
        const open = article.status !== 'WITHDRAWN';
        const actions = [];
        if (own && open && article.draftStage !== 'IN_REVIEW') {
            actions.push(button('knowledge-edit', article.publishedVersion ? t('knowledge.revise') : t('knowledge.edit'),
                () => edit(article)));
        }
        if (own && open && article.draftStage === 'DRAFT') {
            actions.push(button('knowledge-submit', t('knowledge.submit'), () => act(article, 'submission')));
        }
        if (editor && open && article.draftStage === 'IN_REVIEW') {
            actions.push(button('knowledge-approve', t('knowledge.approve'), () => act(article, 'approval')));
            actions.push(button('knowledge-return', t('knowledge.return'), () => withReason(article, 'return',
                t('knowledge.return'))));
        }
        if ((editor || own) && open) {
            actions.push(button('knowledge-withdraw', t('knowledge.withdraw'), () => withReason(article, 'withdrawal',
                t('knowledge.withdraw'), true), 'danger'));
        }
        // DOM append writes null as text: the parts an article lacks are left out first
        detail.append(...[h('h2', {id: 'knowledge-detail-heading'}, question(article)),
            h('p', {class: 'hint'}, `${unitText(article.owningUnit)} · ${stateText(article)}`),
            article.returnedReason ? h('p', {class: 'problem', id: 'knowledge-returned'},
                t('knowledge.returnedBecause', {reason: article.returnedReason})) : null,
            article.withdrawnReason ? h('p', {class: 'hint'}, t('knowledge.withdrawnBecause',
                {reason: article.withdrawnReason})) : null,
            article.published ? content(t('knowledge.published', {version: article.publishedVersion}),
                article.published) : null,
            article.draft ? content(t(article.draftStage === 'IN_REVIEW' ? 'knowledge.inReview' : 'knowledge.draft'),
                article.draft) : null,
            h('div', {class: 'form-actions'}, actions)].filter(Boolean));
    }

    function content(heading, body) {
        return h('div', {class: 'article-content'}, h('h3', {}, heading),
            h('dl', {class: 'facts'},
                h('dt', {}, t('knowledge.question')), h('dd', {}, body.question),
                h('dt', {}, t('knowledge.answer')), h('dd', {class: 'article-answer'}, body.answer),
                h('dt', {}, t('knowledge.basisLabel')), h('dd', {}, [body.policyBasis && body.policyBasis.documentName,
                    body.policyBasis && body.policyBasis.documentNumber].filter(Boolean).join(' ')),
                h('dt', {}, t('intake.category')), h('dd', {}, enumText('category', body.category)),
                h('dt', {}, t('knowledge.areas')), h('dd', {}, (body.areas || []).map(area => tOr(`area.${area}`, area))
                    .join('、')),
                h('dt', {}, t('knowledge.keywords')), h('dd', {}, [...(body.keywords || []), ...(body.synonyms || [])]
                    .join('、') || '—'),
                h('dt', {}, t('knowledge.period')), h('dd', {}, `${body.effectiveFrom || '—'} ~ ${body.effectiveUntil || '—'}`)));
    }

    function button(id, label, onclick, kind) {
        return h('button', {type: 'button', class: kind || 'secondary', id, onclick}, label);
    }

    async function act(article, action) {
        try {
            const ack = await post(`${ROOT}/${encodeURIComponent(article.articleId)}/${action}`);
            toast(t('knowledge.done'));
            await settled(article.articleId, ack.version);
        } catch (error) {
            toast(errorText(error), 'error');
        }
    }

    function withReason(article, action, label, danger) {
        const reason = field({label: t('form.reason'), name: 'reason', type: 'textarea', required: true, rows: 3,
            attrs: {maxlength: 2000, id: 'knowledge-reason'}});
        openDialog({title: label, fields: [reason], submitLabel: label, danger,
            onSubmit: () => post(`${ROOT}/${encodeURIComponent(article.articleId)}/${action}`,
                {reason: reason.control.value.trim()}),
            after: ack => {
                toast(t('knowledge.done'));
                settled(article.articleId, ack.version);
            }});
    }

    /** The article form, for a new article, a draft or a revision of the published one. */
    function edit(article) {
        const base = article ? (article.draft || article.published) : null;
        const value = (name, fallback) => (base && base[name] !== undefined && base[name] !== null ? base[name] : fallback);
        const listText = values => (values || []).join('，');
        const fields = {
            question: field({label: t('knowledge.question'), name: 'question', required: true, wide: true,
                value: value('question', ''), attrs: {maxlength: 500, id: 'article-question'}}),
            answer: field({label: t('knowledge.answer'), name: 'answer', type: 'textarea', required: true, rows: 5,
                wide: true, value: value('answer', ''), attrs: {maxlength: 5000, id: 'article-answer'}}),
            documentName: field({label: t('knowledge.document'), name: 'documentName', required: true,
                value: base && base.policyBasis ? base.policyBasis.documentName : '', attrs: {maxlength: 200,
                    id: 'article-document'}}),
            documentNumber: field({label: t('knowledge.documentNumber'), name: 'documentNumber',
                value: base && base.policyBasis ? base.policyBasis.documentNumber : '', attrs: {maxlength: 100,
                    id: 'article-document-number'}}),
            category: field({label: t('intake.category'), name: 'category', type: 'select', required: true,
                value: value('category', 'CONSULTATION'), options: enumOptions('category', CATEGORIES),
                attrs: {id: 'article-category'}}),
            areas: field({label: t('knowledge.areas'), name: 'areas', required: true, hint: t('knowledge.areasHint'),
                value: listText(value('areas', [])), attrs: {id: 'article-areas'}}),
            keywords: field({label: t('knowledge.keywordsOnly'), name: 'keywords', hint: t('knowledge.listHint'),
                value: listText(value('keywords', [])), attrs: {id: 'article-keywords'}}),
            synonyms: field({label: t('knowledge.synonyms'), name: 'synonyms', hint: t('knowledge.listHint'),
                value: listText(value('synonyms', [])), attrs: {id: 'article-synonyms'}}),
            effectiveFrom: field({label: t('knowledge.from'), name: 'effectiveFrom', type: 'date',
                value: value('effectiveFrom', ''), attrs: {id: 'article-from'}}),
            effectiveUntil: field({label: t('knowledge.untilLabel'), name: 'effectiveUntil', type: 'date',
                value: value('effectiveUntil', ''), attrs: {id: 'article-until'}}),
        };
        const words = text => text.split(/[,，、\s]+/).map(word => word.trim()).filter(Boolean);
        openDialog({
            title: article ? t('knowledge.editTitle') : t('knowledge.new'),
            fields: Object.values(fields),
            submitLabel: t('knowledge.save'),
            onSubmit: () => {
                const read = name => fields[name].control.value.trim();
                const body = {question: read('question'), answer: read('answer'),
                    policyBasis: {documentName: read('documentName'), documentNumber: read('documentNumber') || null},
                    category: read('category'), areas: words(read('areas')), keywords: words(read('keywords')),
                    synonyms: words(read('synonyms')), effectiveFrom: read('effectiveFrom') || null,
                    effectiveUntil: read('effectiveUntil') || null};
                return article ? post(`${ROOT}/${encodeURIComponent(article.articleId)}/draft`, body) : post(ROOT, body);
            },
            after: ack => {
                toast(t('knowledge.saved'));
                settled(ack.articleId, ack.version);
            },
        });
    }

    /** Waits (briefly) until the view shows the write, then shows the list and the article again. */
    async function settled(articleId, version) {
        for (let tries = 0; tries < 25; tries++) {
            try {
                const article = await get(`${ROOT}/${encodeURIComponent(articleId)}`);
                if (article.version >= version) {
                    break;
                }
            } catch (ignored) {
                // not projected yet
            }
            await new Promise(resolve => setTimeout(resolve, 200));
        }
        await loadList();
        await show(articleId);
    }

    async function loadSide() {
        clear(side);
        const [expiring, flags] = await Promise.all([get('/api/v1/knowledge/near-expiry').catch(() => []),
            get('/api/v1/knowledge/flags').catch(() => [])]);
        side.append(h('section', {class: 'panel', id: 'knowledge-expiring'}, h('h2', {}, t('knowledge.expiring')),
            expiring.length === 0 ? emptyState(t('knowledge.noneExpiring')) : h('ul', {}, expiring.map(row =>
                h('li', {}, question(row), h('span', {class: 'hint'}, ` · ${row.published.effectiveUntil}`))))),
        h('section', {class: 'panel', id: 'knowledge-flags'}, h('h2', {}, t('knowledge.flags')),
            flags.length === 0 ? emptyState(t('knowledge.noFlags')) : h('ul', {}, flags.map(row => h('li', {},
                h('strong', {}, enumText('articleFlag', row.flag)), ` v${row.articleVersion} · ${row.reason}`,
                h('div', {class: 'hint'}, `${unitText(row.owningUnit)} · ${formatTime(row.at)}`))))));
        if (editor) {
            side.append(await figures());
        }
    }

    async function figures() {
        const panel = h('section', {class: 'panel', id: 'knowledge-figures'}, h('h2', {}, t('knowledge.figures')));
        try {
            const answer = await get('/api/v1/knowledge/figures');
            panel.append(h('p', {class: 'big-figure', id: 'knowledge-rate'}, t('knowledge.rate',
                {rate: formatRate(answer.overall.rate), n: answer.overall.resolvedAtIntake, of: answer.overall.registered})),
            table({caption: t('knowledge.mostUsed'), empty: t('common.none'), rows: answer.articles.slice(0, 10),
                columns: [{title: t('knowledge.question'), cell: row => row.question || row.articleId},
                    {title: t('knowledge.uses'), cell: row => row.uses}]}),
            table({caption: t('knowledge.toWrite'), empty: t('common.none'), rows: answer.articlesToWrite,
                columns: [{title: t('knowledge.asked'), cell: row => row.example},
                    {title: t('knowledge.times'), cell: row => row.count}]}));
        } catch (error) {
            panel.append(errorState(error));
        }
        return panel;
    }

    loadList();
    loadSide();
    return null;
}

function question(article) {
    const body = article.published || article.draft;
    return body ? body.question : article.articleId;
}

function stateText(article) {
    const main = enumText('articleStatus', article.status);
    return article.status === 'PUBLISHED' && article.draftStage
        ? `${main} · ${t('knowledge.revising', {stage: enumText('articleStatus', article.draftStage)})}` : main;
}

function errorText(error) {
    return tOr(`rejection.${error.code}`, error.detail || error.message);
}
