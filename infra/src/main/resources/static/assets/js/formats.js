// Formats: times in the city's zone, time left before a deadline or past it, numbers and rates.
import {lang, t} from './i18n.js';

const ZONE = 'Asia/Shanghai';

function locale() {
    return lang() === 'en' ? 'en-GB' : 'zh-CN';
}

/** 2026-11-22 14:03 in the city's time. */
export function formatTime(instant) {
    if (!instant) {
        return '';
    }
    const date = new Date(instant);
    if (Number.isNaN(date.getTime())) {
        return String(instant);
    }
    const parts = new Intl.DateTimeFormat('en-CA', {timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}).formatToParts(date);
    const part = type => (parts.find(p => p.type === type) || {}).value;
    return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** The day (YYYY-MM-DD) in the city's time, daysAgo days before now. */
export function cityDay(daysAgo) {
    const date = new Date(Date.now() - (daysAgo || 0) * 86400000);
    return new Intl.DateTimeFormat('en-CA', {timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit'})
        .format(date);
}

/**
 * "剩余 3 小时" / "已超期 2 天" against this computer's clock. The server's colour wins: a deadline the server calls
 * red is never shown as time left, whatever this computer's clock says.
 */
export function remaining(instant, warning) {
    if (!instant) {
        return '';
    }
    const millis = new Date(instant).getTime() - Date.now();
    if (warning === 'RED' && millis > 0) {
        return t('time.overdueNow');
    }
    const minutes = Math.round(Math.abs(millis) / 60000);
    let amount;
    if (minutes < 60) {
        amount = t('time.minutes', {n: minutes});
    } else if (minutes < 48 * 60) {
        amount = t('time.hours', {n: Math.round(minutes / 60)});
    } else {
        amount = t('time.days', {n: Math.round(minutes / 1440)});
    }
    return millis >= 0 ? t('time.left', {amount}) : t('time.overdue', {amount});
}

export function formatNumber(value) {
    return value === undefined || value === null ? '—' : new Intl.NumberFormat(locale()).format(value);
}

export function formatRate(rate) {
    if (rate === undefined || rate === null || Number.isNaN(rate)) {
        return '—';
    }
    return `${(rate * 100).toFixed(1)}%`;
}

