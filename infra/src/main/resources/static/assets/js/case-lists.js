// Case lists: a table of cases (at a phone's width each row a card, each field under its column's name), the
// deadline and status marks in them, and the link to a case.
import {enumText, t} from './i18n.js';
import {h} from './dom.js';

/** The colour mark of a deadline: a coloured block with its word, never colour alone. */
export function warningBadge(warning) {
    const value = warning || 'NONE';
    return h('span', {class: `badge warn-${value.toLowerCase()}`}, enumText('warning', value));
}

export function statusBadge(status) {
    return h('span', {class: `badge status status-${String(status || '').toLowerCase()}`}, enumText('status', status));
}

/**
 * A table with a caption: columns [{title, cell(row) → node|text, class}], rows; rowKey(row) marks each line. Each cell
 * carries its column's title as data-label, which the phone layout shows before the cell's content.
 */
export function table({caption, columns, rows, rowClass, empty, rowKey}) {
    if (!rows || rows.length === 0) {
        return emptyState(empty || t('common.none'));
    }
    return h('div', {class: 'table-wrap'},
        h('table', {class: 'grid'},
            caption ? h('caption', {}, caption) : null,
            h('thead', {}, h('tr', {}, columns.map(column => h('th', {scope: 'col', class: column.class}, column.title)))),
            h('tbody', {}, rows.map(row => h('tr', {class: rowClass ? rowClass(row) : null,
                dataset: rowKey ? {rowKey: rowKey(row)} : null},
                // the column's name on every cell: a phone shows the row as a card, each field under its name
                columns.map(column => h('td', {class: column.class,
                    'data-label': typeof column.title === 'string' ? column.title : null}, column.cell(row))))))));
}

export function caseLink(caseId, text) {
    return h('a', {href: `#/cases/${encodeURIComponent(caseId)}`, class: 'case-link'}, text || caseId);
}

export function emptyState(message, detail) {
    return h('div', {class: 'empty-state', role: 'status'}, h('p', {class: 'empty-title'}, message),
        detail ? h('p', {class: 'hint'}, detail) : null);
}
