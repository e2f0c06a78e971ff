/** How customer facts are written on screen. Pure, locale passed in. */
import type { Birthday } from '../backend/bindings/Birthday';
import { formatInstant, formatInstantDay } from '../history/dates';

/** Card numbers are shown zero-padded to six digits: 123 → "000123". */
export function padCardNo(n: number): string {
  return String(n).padStart(6, '0');
}

/** "1985년 3월 2일" / "Mar 2, 1985"; without a year "3월 2일" / "Mar 2" (a
 * day that comes every year has no weekday; the month is written as in the
 * one day format, lib/history/dates). */
export function formatBirthday(b: Birthday, locale: string): string {
  // 2000 is a leap year, so 29 February without a year still formats.
  const d = new Date(Date.UTC(b.year ?? 2000, b.month - 1, b.day));
  const opts: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', timeZone: 'UTC' };
  if (b.year !== null) opts.year = 'numeric';
  return new Intl.DateTimeFormat(locale, opts).format(d);
}

/** An instant (RFC 3339) as its local day and time, in the one format. */
export function formatDateTime(iso: string, locale: string, now = new Date()): string {
  return formatInstant(iso, locale, now);
}

/** An instant as its local day, in the one format. */
export function formatShortDate(iso: string, locale: string, now = new Date()): string {
  return formatInstantDay(iso, locale, now);
}

/** An example phone number in the way the shop's country writes them. */
export function phoneExample(country: 'KR' | 'US'): string {
  return country === 'US' ? '(213) 555-0123' : '010-1234-5678';
}
