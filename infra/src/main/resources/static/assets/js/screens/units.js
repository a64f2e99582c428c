// 单位目录: the administrator's screens. The tree (searchable by name or code, retired units on request), a unit's
// details with every name it has had, the forms to establish, rename, move and retire a unit, the CSV import (a
// refused file lists every error by row), the demo directory, and the dispatch catalogue's entries that point at
// units not in service. The directory's read model follows the log a moment behind: after a change the screen
// waits until it shows the change.
import {get, post, postText} from '../api.js';
import {enumText, t, tOr, unitText} from '../i18n.js';
import {clear, h, toast} from '../dom.js';
import {enumOptions, field} from '../fields.js';
import {errorState} from '../problems.js';
import {openDialog} from '../dialogs.js';
import {cityDay, formatTime} from '../formats.js';
import {emptyState, table} from '../case-lists.js';
import {filterTree, reloadUnits, unitLabel, unitPicker} from '../unit-picker.js';

const KINDS = ['HOTLINE', 'DISTRICT', 'CITY_DEPARTMENT', 'UTILITY', 'STREET', 'COMMUNITY'];

export function render(main, context) {
    let units = [];
    let selected = context.params[0] || null;
    const expanded = new Set();

    const search = field({label: t('units.search'), name: 'q', type: 'search',
        attrs: {id: 'units-search', autocomplete: 'off', spellcheck: 'false'}});
    const retired = field({label: t('units.showRetired'), name: 'retired', type: 'checkbox',
        attrs: {id: 'units-retired'}});
    const count = h('p', {class: 'hint', id: 'units-count', 'aria-live': 'polite'});
    const tree = h('div', {id: 'units-tree', class: 'units-tree'});
    const detail = h('section', {class: 'panel units-detail', id: 'units-detail', 'aria-live': 'polite'});
    const problems = h('section', {class: 'panel', id: 'units-problems', 'aria-labelledby': 'units-problems-heading'});
    main.append(
        h('div', {class: 'screen-head'}, h('h1', {id: 'units-heading'}, t('units.heading')),
            h('div', {class: 'actions'},
                h('button', {type: 'button', class: 'primary', id: 'units-establish', onclick: establish},
                    t('units.establish')),
                h('button', {type: 'button', class: 'secondary', id: 'units-import', onclick: importFile},
                    t('units.import')),
                h('button', {type: 'button', class: 'secondary', id: 'units-demo', onclick: loadDemo},
                    t('units.demo')))),
        h('div', {class: 'units-layout'},
            h('section', {class: 'panel', 'aria-labelledby': 'units-tree-heading'},
                h('h2', {id: 'units-tree-heading'}, t('units.tree')), search, retired, count, tree),
            detail),
        problems);
    search.control.addEventListener('input', drawTree);
    retired.control.addEventListener('change', drawTree);

    // ------------------------------------------------------------------ the tree

    function drawTree() {
        clear(tree);
        const query = search.control.value.trim();
        const shown = filterTree(units.filter(unit => retired.control.checked || unit.inService), query);
        count.textContent = t('units.count', {n: units.filter(unit => unit.inService).length});
        if (units.length === 0) {
            tree.append(emptyState(t('units.empty'), t('units.emptyHint')));
            return;
        }
        const byParent = new Map();
        const present = new Set(shown.map(unit => unit.code));
        for (const unit of shown) {
            const parent = unit.parent && present.has(unit.parent) ? unit.parent : '';
            byParent.set(parent, [...(byParent.get(parent) || []), unit]);
        }
        const open = code => query !== '' || expanded.has(code);
        const branch = (parent, level) => h('ul', {class: level === 1 ? 'unit-tree' : 'unit-tree-group'},
            (byParent.get(parent) || []).map(unit => {
                const children = byParent.get(unit.code) || [];
                const isOpen = open(unit.code);
                return h('li', {class: `unit-node${unit.inService ? '' : ' retired'}`, dataset: {unit: unit.code}},
                    h('div', {class: 'unit-row'},
                        children.length ? h('button', {type: 'button', class: 'tree-toggle', 'aria-expanded': String(isOpen),
                            'aria-label': t(isOpen ? 'units.collapse' : 'units.expand', {unit: unit.shortName}),
                            onclick: () => {
                                if (expanded.has(unit.code)) {
                                    expanded.delete(unit.code);
                                } else {
                                    expanded.add(unit.code);
                                }
                                drawTree();
                            }}, isOpen ? '▾' : '▸') : h('span', {class: 'tree-toggle-space'}),
                        h('button', {type: 'button', class: `link-button unit-open${unit.code === selected ? ' current' : ''}`,
                            title: unit.code, dataset: {unit: unit.code}, 'aria-current': unit.code === selected ? 'true' : null,
                            onclick: () => select(unit.code)}, unit.shortName),
                        h('span', {class: 'hint'}, enumText('unitKind', unit.kind)),
                        unit.demo ? h('span', {class: 'badge unit-demo'}, t('units.demoBadge')) : null,
                        unit.inService ? null : h('span', {class: 'badge unit-retired'}, t('units.retiredBadge'))),
                    children.length && isOpen ? branch(unit.code, level + 1) : null);
            }));
        tree.append(shown.length ? branch('', 1) : emptyState(t('units.noMatch')));
    }

    // ------------------------------------------------------------------ one unit

    async function select(code) {
        selected = code;
        drawTree();
        clear(detail).append(h('p', {class: 'loading'}, t('common.loading')));
        try {
            drawDetail(await get(`/api/v1/units/${encodeURIComponent(code)}`));
        } catch (error) {
            clear(detail).append(errorState(error));
        }
    }

    function drawDetail(unit) {
        clear(detail);
        const row = (label, value) => [h('dt', {}, label), h('dd', {}, value || '—')];
        detail.append(
            h('h2', {id: 'units-detail-heading', title: unit.code}, unit.fullName),
            h('dl', {class: 'facts'},
                row(t('units.shortName'), unit.shortName),
                row(t('units.code'), h('code', {}, unit.code)),
                row(t('units.kind'), enumText('unitKind', unit.kind)),
                row(t('units.path'), (unit.path || []).flatMap((code, index) => index ? [' › ', unitLabel(code)] : [unitLabel(code)])),
                row(t('units.areaCodes'), (unit.areaCodes || []).join('、')),
                row(t('units.contact'), unit.contact),
                row(t('units.inServiceFrom'), unit.inServiceFrom),
                row(t('units.lastDay'), unit.lastDay),
                row(t('units.successor'), unit.successor ? unitLabel(unit.successor) : null),
                row(t('units.demoData'), unit.demo ? t('common.yes') : t('common.no'))),
            h('h3', {}, t('units.names')),
            table({caption: t('units.namesCaption'), rows: unit.names || [], columns: [
                {title: t('units.fullName'), cell: name => name.fullName},
                {title: t('units.shortName'), cell: name => name.shortName},
                {title: t('units.since'), cell: name => name.from ? formatTime(name.from) : t('units.fromStart')},
            ]}),
            unit.inService ? h('div', {class: 'actions'},
                h('button', {type: 'button', class: 'secondary', id: 'unit-rename', onclick: () => rename(unit)},
                    t('units.rename')),
                h('button', {type: 'button', class: 'secondary', id: 'unit-move', onclick: () => move(unit)},
                    t('units.move')),
                h('button', {type: 'button', class: 'danger-outline', id: 'unit-retire', onclick: () => retire(unit)},
                    t('units.retire'))) : null);
    }

    // ------------------------------------------------------------------ changes

    /** The directory's refusals name the rule of each problem: shown in the person's language. */
    function translated(error) {
        (error.errors || []).forEach(problem => {
            problem.reason = tOr(`directoryRule.${problem.rule}`, problem.reason);
        });
        return error;
    }

    async function change(path, body, expect, done) {
        try {
            await post(path, body);
        } catch (error) {
            throw translated(error);
        }
        toast(done);
        await refresh(expect);
    }

    function establish() {
        const parent = unitPicker({label: t('units.parent'), name: 'parent', required: false});
        return openDialog({
            title: t('units.establish'),
            fields: [
                field({label: t('units.code'), name: 'code', required: true, hint: t('units.codeHint'),
                    attrs: {id: 'unit-code', autocomplete: 'off', spellcheck: 'false', maxlength: 32}}),
                field({label: t('units.fullName'), name: 'fullName', required: true, attrs: {maxlength: 64}}),
                field({label: t('units.shortName'), name: 'shortName', required: true, attrs: {maxlength: 16}}),
                field({label: t('units.kind'), name: 'kind', type: 'select', required: true, value: 'CITY_DEPARTMENT',
                    options: enumOptions('unitKind', KINDS)}),
                parent,
                field({label: t('units.areaCodes'), name: 'areaCodes', hint: t('units.areaCodesHint'),
                    attrs: {autocomplete: 'off'}}),
                field({label: t('units.contact'), name: 'contact', attrs: {maxlength: 64}}),
                field({label: t('units.inServiceFrom'), name: 'inServiceFrom', type: 'date', required: true,
                    value: cityDay(0)}),
            ],
            submitLabel: t('units.establish'),
            onSubmit: async form => {
                const value = name => form.querySelector(`[name="${name}"]`).value.trim();
                const code = value('code').toUpperCase();
                await change('/api/v1/admin/units', {code, fullName: value('fullName'), shortName: value('shortName'),
                    kind: value('kind'), parent: value('parent').toUpperCase() || null,
                    areaCodes: value('areaCodes').split(/[\s,，;；、]+/).filter(Boolean), contact: value('contact') || null,
                    inServiceFrom: value('inServiceFrom') || null},
                all => all.some(unit => unit.code === code), t('units.established', {code}));
                await select(code);
                return code;
            },
        });
    }

    function rename(unit) {
        return openDialog({
            title: `${t('units.rename')} · ${unit.shortName}`,
            describe: t('units.renameHint'),
            fields: [
                field({label: t('units.fullName'), name: 'fullName', required: true, value: unit.fullName,
                    attrs: {maxlength: 64}}),
                field({label: t('units.shortName'), name: 'shortName', required: true, value: unit.shortName,
                    attrs: {maxlength: 16}}),
            ],
            submitLabel: t('units.rename'),
            onSubmit: async form => {
                const shortName = form.querySelector('[name="shortName"]').value.trim();
                await change(`/api/v1/admin/units/${encodeURIComponent(unit.code)}/rename`,
                    {fullName: form.querySelector('[name="fullName"]').value.trim(), shortName},
                    all => all.some(one => one.code === unit.code && one.shortName === shortName), t('units.renamed'));
                await select(unit.code);
                return unit.code;
            },
        });
    }

    function move(unit) {
        return openDialog({
            title: `${t('units.move')} · ${unit.shortName}`,
            describe: t('units.moveHint'),
            fields: [unitPicker({label: t('units.parent'), name: 'parent', required: false, value: unit.parent || ''})],
            submitLabel: t('units.move'),
            onSubmit: async form => {
                const parent = form.querySelector('[name="parent"]').value.trim().toUpperCase() || null;
                await change(`/api/v1/admin/units/${encodeURIComponent(unit.code)}/move`, {parent},
                    all => all.some(one => one.code === unit.code && (one.parent || null) === parent), t('units.moved'));
                await select(unit.code);
                return unit.code;
            },
        });
    }

    function retire(unit) {
        return openDialog({
            title: `${t('units.retire')} · ${unit.shortName}`,
            describe: t('units.retireHint'),
            danger: true,
            fields: [
                field({label: t('units.lastDay'), name: 'lastDay', type: 'date', required: true, value: cityDay(0)}),
                unitPicker({label: t('units.successor'), name: 'successor', required: false,
                    hint: t('units.successorHint')}),
            ],
            submitLabel: t('units.retire'),
            onSubmit: async form => {
                const lastDay = form.querySelector('[name="lastDay"]').value;
                const successor = form.querySelector('[name="successor"]').value.trim().toUpperCase() || null;
                await change(`/api/v1/admin/units/${encodeURIComponent(unit.code)}/retire`, {lastDay, successor},
                    all => all.some(one => one.code === unit.code && one.lastDay === lastDay), t('units.retired'));
                await select(unit.code);
                return unit.code;
            },
        });
    }

    function importFile() {
        const errors = h('div', {class: 'import-errors', id: 'units-import-errors'});
        return openDialog({
            title: t('units.import'),
            describe: t('units.importHint'),
            fields: [
                field({label: t('units.file'), name: 'file', type: 'file', attrs: {id: 'units-file', accept: '.csv,text/csv'}}),
                field({label: t('units.paste'), name: 'csv', type: 'textarea', rows: 6, wide: true,
                    attrs: {id: 'units-csv', spellcheck: 'false'}}),
                errors,
            ],
            submitLabel: t('units.importSubmit'),
            onSubmit: async form => {
                clear(errors);
                const file = form.querySelector('[name="file"]').files[0];
                const text = file ? await file.text() : form.querySelector('[name="csv"]').value;
                let answer;
                try {
                    answer = await postText('/api/v1/admin/units/import', text, 'text/csv');
                } catch (error) {
                    throw listed(error, errors);
                }
                toast(t('units.imported', {n: answer.imported}));
                await refresh(all => all.length >= units.length + answer.imported);
                return answer;
            },
        });
    }

    /** A refused file: every problem in a table (row, field, rule), the headline above it. */
    function listed(error, into) {
        const problemsOfFile = translated(error).errors || [];
        if (problemsOfFile.length) {
            into.append(table({caption: t('units.importErrors', {n: problemsOfFile.length}), rows: problemsOfFile,
                columns: [
                    {title: t('units.row'), cell: problem => problem.row || '—'},
                    {title: t('units.field'), cell: problem => problem.field},
                    {title: t('units.rule'), cell: problem => h('code', {}, problem.rule)},
                    {title: t('units.reason'), cell: problem => problem.reason},
                ]}));
            error.errors = [];
            error.code = null;
            error.detail = t('units.importRefused', {n: problemsOfFile.length});
        }
        return error;
    }

    async function loadDemo() {
        try {
            const answer = await post('/api/v1/admin/units/demo-directory');
            toast(t('units.demoLoaded', {n: answer.imported}));
            await refresh(all => all.length >= units.length + answer.imported);
        } catch (error) {
            toast(translated(error).errors.length ? `${t('units.demoRefused')} ${error.errors[0].reason}` : error.detail,
                'error');
        }
    }

    // ------------------------------------------------------------------ the catalogue's problems

    async function drawProblems() {
        clear(problems).append(h('h2', {id: 'units-problems-heading'}, t('units.problems')));
        let answer;
        try {
            answer = await get('/api/v1/admin/units/catalogue-problems');
        } catch (error) {
            problems.append(errorState(error));
            return;
        }
        if (answer.directoryEmpty || answer.problems.length === 0) {
            problems.append(h('p', {class: 'hint', id: 'units-problems-none'},
                t(answer.directoryEmpty ? 'units.problemsUnchecked' : 'units.problemsNone', {n: answer.entries})));
            return;
        }
        problems.append(table({caption: t('units.problemsCaption', {n: answer.problems.length}), rows: answer.problems,
            columns: [
                {title: t('units.entry'), cell: problem => `${problem.category ? enumText('category', problem.category)
                    : t('units.anyCategory')} · ${problem.areaPrefix ? `${problem.areaPrefix}*` : t('units.anyArea')}`},
                {title: t('units.unit'), cell: problem => h('span', {title: problem.unit}, problem.unitName || problem.unit)},
                {title: t('units.rule'), cell: problem => tOr(`catalogueRule.${problem.rule}`, problem.reason)},
                {title: t('units.reason'), cell: problem => problem.successor
                    ? t('units.useSuccessor', {unit: unitText(problem.successor)}) : problem.detail},
            ]}));
    }

    // ------------------------------------------------------------------ loading

    /** Reads the directory until expect(units) holds (the read model follows the log), at most some seconds. */
    async function refresh(expect) {
        for (let attempt = 0; attempt < 40; attempt += 1) {
            units = await get('/api/v1/units').catch(() => units);
            if (!expect || expect(units)) {
                break;
            }
            await new Promise(resolve => setTimeout(resolve, 250));
        }
        await reloadUnits();
        drawTree();
        drawProblems();
    }

    refresh().then(() => selected && select(selected));
    return null;
}
