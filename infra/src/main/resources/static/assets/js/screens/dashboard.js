// 统计分析: timeliness and satisfaction by unit, category, area and period, as ECharts charts that follow the
// figures' event stream, the unit ranking, and the current view exported as CSV. Every rate is shown with its
// arithmetic (numerator / denominator).
import {get, withQuery} from '../api.js';
import {enumText, lang, t, tOr, unitText} from '../i18n.js';
import {clear, h, toast} from '../dom.js';
import {field} from '../fields.js';
import {errorState} from '../problems.js';
import {cityDay, formatNumber, formatRate} from '../formats.js';
import {emptyState} from '../case-lists.js';
import {evaluationPanel} from './evaluations.js';
import {noticesPanel} from './notices.js';
import {casesLink, comparisons, headlinePanel, overdueNowCount, overduePanel, receivedByChannel} from './headline.js';

const ECHARTS = '/webjars/echarts/dist/echarts.esm.min.js';
const RATES = ['acceptance', 'response', 'onTimeCompletion', 'solved', 'satisfaction', 'feedbackCoverage', 'reopen',
    'repeatedMaterialRequests', 'transfersPerCase', 'objectionsPerCase'];
// the rates the headline cards (headline.js) leave out: 处置率 and 回访率
const HEADLINE = ['acceptance', 'feedbackCoverage'];
const SERIES_REFRESH_MS = 10000;

let remembered = {from: null, to: null, period: 'day', by: 'unit', figure: 'onTimeCompletion'};

function isFraction(value) {
    return value && typeof value === 'object' && 'numerator' in value && 'denominator' in value;
}

function rateOf(fraction) {
    if (!isFraction(fraction)) {
        return null;
    }
    if (fraction.rate !== undefined && fraction.rate !== null) {
        return fraction.rate;
    }
    return fraction.denominator ? fraction.numerator / fraction.denominator : null;
}

function figuresOf(holder) {
    return (holder && (holder.figures || holder.rates)) || holder || {};
}

/** The fractions of a figure set, known rates first, then any other numerator/denominator figure it has. */
function fractionsOf(figures) {
    const keys = [...RATES.filter(key => isFraction(figures[key])),
        ...Object.keys(figures).filter(key => !RATES.includes(key) && isFraction(figures[key]))];
    return keys.map(key => [key, figures[key]]);
}

function figureName(key) {
    return tOr(`figure.${key}`, key);
}

function keyName(by, key) {
    if (by === 'unit') {
        return unitText(key);
    }
    if (by === 'category') {
        return enumText('category', key);
    }
    if (by === 'area') {
        return tOr(`area.${key}`, key);
    }
    return key === 'all' ? t('dashboard.all') : key;
}

/** The shorter name charts use: a unit's name without its code. */
function chartName(by, key) {
    return by === 'unit' ? tOr(`unit.${key}`, key) : keyName(by, key);
}

function sumFractions(fractions) {
    const numerator = fractions.reduce((sum, f) => sum + (f ? f.numerator : 0), 0);
    const denominator = fractions.reduce((sum, f) => sum + (f ? f.denominator : 0), 0);
    return {numerator, denominator, rate: denominator ? numerator / denominator : null};
}

/** A score as the ranking gives it (0..1 or 0..100), shown out of 100 with one decimal. */
function scoreOf(score, scale) {
    return score === undefined || score === null ? null : Math.round(Number(score) * scale * 10) / 10;
}

/** The filter of the search screen that finds the cases behind one key of a breakdown. */
function filterOf(by, key) {
    return by === 'unit' || by === 'category' || by === 'area' ? {[by]: key} : {};
}

export function render(main, context) {
    const me = context && context.me;
    const state = {...remembered, from: remembered.from || cityDay(29), to: remembered.to || cityDay(0)};
    let echarts = null;
    let charts = [];
    let drawing = 0;
    let summary = null;
    let notices = null;
    let previous = null;
    let lastYear = null;
    let channels = null;
    /** 当前在办超期 as the search counts it (the overdue list's total), once asked. */
    let overdueNow = null;
    let overdueList = null;
    let series = null;
    let ranking = null;
    let source = null;
    let lastSeriesLoad = 0;
    /** Whether the series, the ranking and the notices are in too (until then only the headline is drawn). */
    let complete = false;
    /** Which start() is the newest: an older one, still waiting for its answers, draws nothing. */
    let loading = 0;
    let disposed = false;

    const from = field({label: t('dashboard.from'), name: 'from', type: 'date', value: state.from, attrs: {id: 'dash-from'}});
    const to = field({label: t('dashboard.to'), name: 'to', type: 'date', value: state.to, attrs: {id: 'dash-to'}});
    const period = field({label: t('dashboard.period'), name: 'period', type: 'select', value: state.period,
        options: ['day', 'week', 'month'].map(value => [value, t(`period.${value}`)]), attrs: {id: 'dash-period'}});
    const by = field({label: t('dashboard.by'), name: 'by', type: 'select', value: state.by,
        options: ['unit', 'category', 'area'].map(value => [value, t(`by.${value}`)]), attrs: {id: 'dash-by'}});
    const figure = field({label: t('dashboard.figure'), name: 'figure', type: 'select', value: state.figure,
        options: RATES.map(key => [key, figureName(key)]), attrs: {id: 'dash-figure'}});
    const controls = h('form', {class: 'form-grid dashboard-controls', novalidate: true},
        from, to, period, by, figure,
        h('div', {class: 'form-actions'},
            h('button', {type: 'submit', class: 'primary', id: 'dash-apply'}, t('action.apply')),
            h('button', {type: 'button', class: 'secondary', id: 'dash-export', onclick: exportCsv}, t('dashboard.export'))));
    const live = h('span', {class: 'live off', id: 'dash-live', role: 'status'}, t('inbox.connecting'));
    const body = h('div', {id: 'dashboard-body'}, h('p', {class: 'loading'}, t('common.loading')));
    main.append(h('div', {class: 'screen-head'}, h('h1', {}, t('dashboard.heading')), live),
        h('section', {class: 'panel'}, controls), body);

    controls.addEventListener('submit', event => {
        event.preventDefault();
        Object.assign(state, {from: from.control.value, to: to.control.value, period: period.control.value,
            by: by.control.value, figure: figure.control.value});
        remembered = {...state};
        start();
    });

    function range() {
        return {from: state.from, to: state.to};
    }

    async function start() {
        const mine = ++loading;
        const newest = () => !disposed && mine === loading;
        stopStream();
        complete = false;
        // the comparisons and the split by channel belong to the dates asked before: asked again below
        previous = null;
        lastYear = null;
        channels = null;
        clear(body).append(h('p', {class: 'loading'}, t('common.loading')));
        // the figures all asked for at once, drawn as soon as they are here; the charts when ECharts is
        let charting = Promise.resolve(echarts);
        const asked = [
            get('/api/v1/metrics/summary', range()),
            get('/api/v1/metrics/series', {...range(), period: state.period, by: state.by}),
            get('/api/v1/metrics/ranking', range()),
            // answered where the command side runs; a query-only node shows the rest without it
            get('/api/v1/notifications/figures').catch(() => null),
        ];
        asked.forEach(answer => answer.catch(() => null));
        try {
            // the headline figures (what a supervisor reads first) are drawn as soon as the summary is here: the
            // series by day and unit, the slowest answer, kept them off the screen; charts and tables follow
            const first = await asked[0];
            if (!newest()) {
                return;
            }
            summary = first;
            draw();
            // ECharts (a megabyte of script, run on the page's one thread) is asked for once the headline is on the
            // screen: asked for with the figures, it came from the cache as the summary answered and held the
            // headline back by the time it took to run
            charting = nextPaint().then(loadCharts).catch(() => null);
            const rest = await Promise.all(asked.slice(1));
            if (!newest()) {
                return;
            }
            [series, ranking, notices] = rest;
            complete = true;
            lastSeriesLoad = Date.now();
        } catch (error) {
            if (newest()) {
                clear(body).append(errorState(error));
                live.hidden = true;
            }
            return;
        }
        live.hidden = false;
        const chartsDrawn = echarts !== null;
        draw();
        connect();
        // the comparisons, the split by channel (six searches) and the overdue list are asked for only once the
        // figures are drawn, so that they never compete with the screen's own requests; each fills its place
        const compared = comparisons(range());
        const split = receivedByChannel(range());
        const overdueCases = overduePanel(me, () => refreshOverdue());
        compared.then(([before, yearAgo]) => {
            if (!newest()) {
                return;
            }
            previous = before;
            lastYear = yearAgo;
            redrawHeadline();
        });
        split.then(totals => {
            if (!newest()) {
                return;
            }
            channels = totals;
            redrawHeadline();
        });
        overdueCases.then(panel => {
            if (!newest()) {
                return undefined;
            }
            overdueList = panel;
            placeOverdue();
            return panel ? panel.overdueTotal : overdueNowCount();
        }).then(total => {
            if (total === undefined || !newest()) {
                return;
            }
            overdueNow = total;
            redrawHeadline();
        }).catch(() => null);
        if (!chartsDrawn && await charting && newest()) {
            draw();
        }
    }

    function headline() {
        return headlinePanel({summary, previous, lastYear, channels, range: range(), overdueNow});
    }

    function redrawHeadline() {
        const shown = document.getElementById('headline');
        if (!disposed && shown && summary) {
            shown.replaceWith(headline());
        }
    }

    function placeOverdue() {
        const holder = document.getElementById('dash-overdue-holder');
        if (!disposed && holder) {
            holder.replaceChildren(...(overdueList ? [overdueList] : []));
        }
    }

    async function refreshOverdue() {
        overdueList = await overduePanel(me, () => refreshOverdue());
        placeOverdue();
        tookOverdueCount(overdueList);
    }

    /** The overdue list's total is the count 当前在办超期 shows: the two always agree. */
    function tookOverdueCount(panel) {
        if (panel && panel.overdueTotal !== undefined && panel.overdueTotal !== overdueNow) {
            overdueNow = panel.overdueTotal;
            redrawHeadline();
        }
    }

    function nextPaint() {
        return new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve)));
    }

    async function loadCharts() {
        if (!echarts) {
            echarts = await import(ECHARTS);
        }
        return echarts;
    }

    // ------------------------------------------------------------------ drawing

    function draw() {
        charts.forEach(chart => chart.dispose());
        charts = [];
        clear(body);
        const figures = figuresOf(summary);
        const now = summary.now || {};
        const kpis = h('section', {class: 'kpis', id: 'kpis', 'aria-label': t('dashboard.kpis')},
            HEADLINE.filter(key => isFraction(figures[key])).map(key => kpi(key, figures[key])),
            now.open !== undefined ? h('div', {class: 'kpi'}, h('div', {class: 'kpi-label'}, t('dashboard.openNow')),
                h('div', {class: 'kpi-value'}, formatNumber(now.open)),
                h('div', {class: 'kpi-detail'}, t('dashboard.overdueNow', {n: formatNumber(overdueNow ?? now.overdue)}))) : null);
        if (!complete) {
            // no charts in this drawing: one a former drawing still has to paint is not painted
            drawing += 1;
            body.append(headline(), kpis, h('p', {class: 'loading'}, t('common.loading')));
            return;
        }
        body.append(headline(), kpis,
            h('div', {class: 'chart-grid'},
                chartPanel('chart-trend', t('dashboard.trend', {figure: figureName(state.figure), by: t(`by.${state.by}`)})),
                chartPanel('chart-compare', t('dashboard.compare', {by: t(`by.${state.by}`)})),
                chartPanel('chart-ranking', t('dashboard.ranking'))),
            h('div', {id: 'dash-overdue-holder'}, overdueList),
            breakdownTable(),
            evaluationPanel(summary.evaluations),
            noticesPanel(notices),
            rankingTable());
        // the figures and tables are painted first; the charts (the slow part) follow in the next task, for the
        // latest drawing only
        const serial = ++drawing;
        requestAnimationFrame(() => setTimeout(() => {
            if (!disposed && serial === drawing) {
                drawCharts();
            }
        }));
    }

    function kpi(key, fraction) {
        return h('div', {class: 'kpi', dataset: {figure: key}},
            h('div', {class: 'kpi-label'}, figureName(key)),
            h('div', {class: 'kpi-value'}, formatRate(rateOf(fraction))),
            h('div', {class: 'kpi-detail'}, `${formatNumber(fraction.numerator)} / ${formatNumber(fraction.denominator)}`));
    }

    function chartPanel(id, title) {
        return h('section', {class: 'panel chart-panel', 'aria-labelledby': `${id}-title`},
            h('h2', {id: `${id}-title`}, title),
            h('div', {class: 'chart', id, role: 'img', 'aria-label': title}));
    }

    function lines() {
        const raw = (series && (series.lines || series.series)) || [];
        return raw.map(line => ({key: line.key, points: line.points || []}));
    }

    function periods() {
        const labels = new Set();
        lines().forEach(line => line.points.forEach(point => labels.add(point.period)));
        return [...labels].sort();
    }

    function totalsByKey() {
        return lines().map(line => {
            const figures = {};
            for (const key of RATES) {
                const fractions = line.points.map(point => figuresOf(point)[key]).filter(isFraction);
                if (fractions.length) {
                    figures[key] = sumFractions(fractions);
                }
            }
            return {key: line.key, figures};
        });
    }

    function rankedUnits() {
        if (!ranking) {
            return [];
        }
        return Array.isArray(ranking) ? ranking : (ranking.ranking || ranking.units || []);
    }

    function drawCharts() {
        const textColour = '#1b1b1b';
        const base = {textStyle: {fontFamily: 'inherit', fontSize: 14, color: textColour}, animation: false,
            tooltip: {trigger: 'axis', confine: true}, grid: {left: 8, right: 16, top: 40, bottom: 8, containLabel: true}};
        // on a phone the axis names are shortened rather than cut off by the chart's edge
        const narrow = window.innerWidth < 600;
        const labelWidth = narrow ? 72 : 120;
        const labels = periods();
        const trend = chart('chart-trend');
        if (trend) {
            trend.setOption({...base,
                legend: {type: 'scroll', top: 0},
                xAxis: {type: 'category', data: labels},
                yAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value}%'}},
                series: lines().map(line => ({
                    name: chartName(state.by, line.key), type: 'line', connectNulls: false,
                    data: labels.map(label => {
                        const point = line.points.find(p => p.period === label);
                        const rate = point ? rateOf(figuresOf(point)[state.figure]) : null;
                        return rate === null ? null : +(rate * 100).toFixed(1);
                    }),
                }))});
        }
        const totals = totalsByKey();
        const compare = chart('chart-compare');
        if (compare) {
            const shown = ['onTimeCompletion', 'response', 'satisfaction'];
            compare.setOption({...base,
                legend: {top: 0},
                xAxis: {type: 'category', data: totals.map(total => chartName(state.by, total.key)),
                    axisLabel: {interval: 0, rotate: totals.length > 3 || narrow ? 30 : 0, width: labelWidth,
                    overflow: 'truncate'}},
                yAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value}%'}},
                series: shown.map(key => ({name: figureName(key), type: 'bar',
                    data: totals.map(total => {
                        const rate = rateOf(total.figures[key]);
                        return rate === null ? null : +(rate * 100).toFixed(1);
                    })}))});
            compare.on('click', params => openCases(filterOf(state.by, totals[params.dataIndex].key)));
        }
        const ranks = rankedUnits();
        const rankingChart = chart('chart-ranking');
        if (rankingChart) {
            const ordered = [...ranks].reverse();
            const scale = ranks.every(unit => Number(unit.score) <= 1) ? 100 : 1;
            rankingChart.setOption({...base,
                tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
                grid: {left: 8, right: 48, top: 16, bottom: 8, containLabel: true},
                xAxis: {type: 'value'},
                yAxis: {type: 'category', data: ordered.map(unit => chartName('unit', unit.unit)),
                    axisLabel: {width: labelWidth, overflow: 'truncate'}},
                series: [{type: 'bar', name: t('dashboard.score'), data: ordered.map(unit => scoreOf(unit.score, scale)),
                    label: {show: true, position: 'right', formatter: params => Number(params.value).toFixed(1)}}]});
            rankingChart.on('click', params => openCases({unit: ordered[params.dataIndex].unit}));
        }
    }

    /** The cases behind a bar or a row: the search screen with the view's dates and the bar's filter. */
    function openCases(filter) {
        location.hash = casesLink({...range(), ...filter});
    }

    function chart(id) {
        const element = document.getElementById(id);
        if (!element || !echarts) {
            return null;
        }
        const instance = echarts.init(element, null, {renderer: 'canvas', locale: lang() === 'en' ? 'EN' : 'ZH'});
        charts.push(instance);
        return instance;
    }

    function breakdownTable() {
        const totals = totalsByKey();
        const shown = RATES.filter(key => totals.some(total => total.figures[key]));
        if (!totals.length) {
            return h('section', {class: 'panel'}, h('h2', {}, t('dashboard.breakdown', {by: t(`by.${state.by}`)})),
                emptyState(t('dashboard.noData')));
        }
        return h('section', {class: 'panel', id: 'breakdown'}, h('h2', {}, t('dashboard.breakdown', {by: t(`by.${state.by}`)})),
            h('div', {class: 'table-wrap'}, h('table', {class: 'grid figures'},
                h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t(`by.${state.by}`)),
                    shown.map(key => h('th', {scope: 'col'}, figureName(key))))),
                h('tbody', {}, totals.map(total => h('tr', {},
                    h('th', {scope: 'row'}, h('a', {href: casesLink({...range(), ...filterOf(state.by, total.key)}),
                        class: 'breakdown-link'}, keyName(state.by, total.key))),
                    shown.map(key => h('td', {}, fractionCell(total.figures[key])))))))));
    }

    function fractionCell(fraction) {
        if (!fraction) {
            return '—';
        }
        return h('span', {}, formatRate(rateOf(fraction)), h('span', {class: 'hint'},
            ` ${formatNumber(fraction.numerator)}/${formatNumber(fraction.denominator)}`));
    }

    function rankingTable() {
        const ranks = rankedUnits();
        const rateKeys = [...new Set(ranks.flatMap(unit => Object.keys(unit.rates || {})))];
        const scale = ranks.every(unit => Number(unit.score) <= 1) ? 100 : 1;
        return h('section', {class: 'panel', id: 'ranking'}, h('h2', {}, t('dashboard.rankingTable')),
            ranks.length === 0 ? emptyState(t('dashboard.noData')) : h('div', {class: 'table-wrap'},
                h('table', {class: 'grid figures'},
                    h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('dashboard.rank')),
                        h('th', {scope: 'col'}, t('by.unit')), h('th', {scope: 'col'}, t('dashboard.score')),
                        rateKeys.map(key => h('th', {scope: 'col'}, figureName(key))))),
                    h('tbody', {}, ranks.map(unit => h('tr', {},
                        h('td', {}, String(unit.rank ?? '')), h('th', {scope: 'row'}, h('a', {
                            href: casesLink({...range(), unit: unit.unit})}, unitText(unit.unit))),
                        h('td', {class: 'score'}, unit.score === undefined ? '—' : scoreOf(unit.score, scale).toFixed(1)),
                        rateKeys.map(key => h('td', {}, fractionCell((unit.rates || {})[key])))))))),
            belowFloors());
    }

    function belowFloors() {
        const breaches = (ranking && ranking.belowFloors) || [];
        const named = breaches.filter(breach => (breach.units || []).length);
        if (!named.length) {
            return null;
        }
        return h('div', {class: 'bulletin', role: 'note'}, h('h3', {}, t('dashboard.belowFloors')),
            h('ul', {}, named.map(breach => h('li', {}, `${figureName(breach.figure)} < ${formatRate(breach.floor)}：`,
                breach.units.map(unit => unitText(unit.unit || unit)).join('、')))));
    }

    // ------------------------------------------------------------------ live updates

    function connect() {
        const stream = new EventSource(withQuery('/api/v1/metrics/stream', range()));
        source = stream;
        // an update still waiting for its series when the dates changed (a new stream) draws nothing
        const current = () => !disposed && source === stream;
        stream.addEventListener('figures', async event => {
            const update = JSON.parse(event.data);
            summary = update.summary || summary;
            ranking = update.ranking || ranking;
            live.className = 'live on';
            live.textContent = t('inbox.live');
            if (Date.now() - lastSeriesLoad > SERIES_REFRESH_MS) {
                lastSeriesLoad = Date.now();
                const fresh = await get('/api/v1/metrics/series', {...range(), period: state.period, by: state.by})
                    .catch(() => null);
                if (!current()) {
                    return;
                }
                series = fresh || series;
                overdueList = await overduePanel(me, () => refreshOverdue()).catch(() => overdueList);
                tookOverdueCount(overdueList);
            }
            if (current()) {
                draw();
            }
        });
        source.addEventListener('open', () => {
            live.className = 'live on';
            live.textContent = t('inbox.live');
        });
        source.addEventListener('error', () => {
            live.className = 'live off';
            live.textContent = t('inbox.reconnecting');
        });
    }

    function stopStream() {
        if (source) {
            source.close();
            source = null;
        }
    }

    // ------------------------------------------------------------------ CSV

    function exportCsv() {
        if (!summary || !complete) {
            toast(t('common.loading'));
            return;
        }
        const rows = [[t('csv.section'), t('csv.key'), t('csv.period'), t('csv.figure'), t('csv.numerator'),
            t('csv.denominator'), t('csv.rate')]];
        for (const [key, fraction] of fractionsOf(figuresOf(summary))) {
            rows.push([t('csv.summary'), t('dashboard.all'), `${state.from}~${state.to}`, figureName(key),
                fraction.numerator, fraction.denominator, rateOf(fraction)]);
        }
        for (const line of lines()) {
            for (const point of line.points) {
                for (const [key, fraction] of fractionsOf(figuresOf(point))) {
                    rows.push([t(`by.${state.by}`), keyName(state.by, line.key), point.period, figureName(key),
                        fraction.numerator, fraction.denominator, rateOf(fraction)]);
                }
            }
        }
        for (const unit of rankedUnits()) {
            rows.push([t('dashboard.ranking'), unitText(unit.unit), `#${unit.rank ?? ''}`, t('dashboard.score'), '', '',
                unit.score]);
            for (const [key, fraction] of Object.entries(unit.rates || {}).filter(([, value]) => isFraction(value))) {
                rows.push([t('dashboard.ranking'), unitText(unit.unit), `${state.from}~${state.to}`, figureName(key),
                    fraction.numerator, fraction.denominator, rateOf(fraction)]);
            }
        }
        const csv = '\ufeff' + rows.map(row => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
        const url = URL.createObjectURL(new Blob([csv], {type: 'text/csv;charset=utf-8'}));
        const link = h('a', {href: url, download: `hotline-figures-${state.from}-${state.to}-${state.by}.csv`,
            id: 'csv-link', hidden: true});
        document.body.append(link);
        link.click();
        setTimeout(() => {
            link.remove();
            URL.revokeObjectURL(url);
        }, 1000);
        toast(t('dashboard.exported', {n: rows.length - 1}));
    }

    function csvCell(value) {
        const text = value === null || value === undefined ? '' : String(value);
        return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    }

    const resize = () => charts.forEach(instance => instance.resize());
    window.addEventListener('resize', resize);
    start();
    return () => {
        disposed = true;
        stopStream();
        window.removeEventListener('resize', resize);
        charts.forEach(instance => instance.dispose());
    };
}

