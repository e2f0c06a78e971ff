/**
 * How report figures read on screen: shares as percentages, months as
 * "3월" / "Mar", money compact on chart axes ("120만", "1.2M"), and the
 * round steps of a chart's axis. The figures themselves come from Rust.
 */
import type { Cell } from '../backend/bindings/Cell';
import type { Country } from '../backend/bindings/Country';
import { formatDay } from '../history/dates';
import { formatMoney } from '../history/money';
import type { Lang } from '../i18n/messages';

const locale = (lang: Lang) => (lang === 'ko' ? 'ko-KR' : 'en-US');

/** 0.5 → "50%", 0.4333 → "43.3%"; nothing to divide → "–". */
export function formatShare(share: number | null, lang: Lang): string {
  if (share === null || !Number.isFinite(share)) return '–';
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A change against the period before: 0.123 → "▲12.3%", -0.05 → "▼5%". */
export function formatChange(change: number | null, lang: Lang): string {
  if (change === null || !Number.isFinite(change)) return '–';
  const arrow = change > 0 ? '▲' : change < 0 ? '▼' : '';
  return `${arrow}${formatShare(Math.abs(change), lang)}`;
}

export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

/** "2026-03" → "3월" / "Mar"; with `year`, "2026년 3월" / "Mar 2026". */
export function formatMonth(label: string, lang: Lang, year = false): string {
  const [y, m] = label.split('-').map(Number);
  if (!y || !m) return label;
  const date = new Date(Date.UTC(y, m - 1, 1));
  const opts: Intl.DateTimeFormatOptions = { month: lang === 'ko' ? 'long' : 'short', timeZone: 'UTC' };
  if (year) opts.year = 'numeric';
  return new Intl.DateTimeFormat(locale(lang), opts).format(date);
}

/** Money short enough for an axis: 1,200,000원 → "120만", $1,234.00 → "$1.23K". */
export function compactMoney(minor: number, country: Country, lang: Lang): string {
  const units = country === 'US' ? minor / 100 : minor;
  const compact = new Intl.NumberFormat(locale(lang), { notation: 'compact', maximumSignificantDigits: 3 }).format(units);
  return country === 'US' ? `$${compact}` : compact;
}

/** Round axis steps from 0 to at least `max`: 0, 20, 40, 60 for 53. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  if (ticks.length < 2) ticks.push(step);
  return ticks;
}

/** One cell of a report's numbers table. */
export function formatCell(cell: Cell, country: Country, lang: Lang): string {
  switch (cell.t) {
    case 'text':
      return cell.v;
    case 'count':
      return formatCount(cell.v, lang);
    case 'money':
      return formatMoney(cell.v, country, lang);
    case 'share':
      return formatShare(cell.v, lang);
    case 'days':
      return cell.v === null ? '–' : formatCount(cell.v, lang);
    case 'date':
      return formatDay(cell.v, locale(lang));
  }
}

/** Numbers line up on the right; words on the left. */
export function isNumeric(cell: Cell): boolean {
  return cell.t !== 'text' && cell.t !== 'date';
}
