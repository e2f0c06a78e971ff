/** How customer facts are written on screen. Pure, locale passed in. */
import type { Birthday } from '../backend/bindings/Birthday';

/** Card numbers are shown zero-padded to six digits: 123 → "000123". */
export function padCardNo(n: number): string {
  return String(n).padStart(6, '0');
}

/** "1985년 3월 2일" / "March 2, 1985"; without a year "3월 2일" / "March 2". */
export function formatBirthday(b: Birthday, locale: string): string {
  // 2000 is a leap year, so 29 February without a year still formats.
  const d = new Date(Date.UTC(b.year ?? 2000, b.month - 1, b.day));
  const opts: Intl.DateTimeFormatOptions = { month: 'long', day: 'numeric', timeZone: 'UTC' };
  if (b.year !== null) opts.year = 'numeric';
  return new Intl.DateTimeFormat(locale, opts).format(d);
}

/** An instant (RFC 3339) in the computer's local time, date and time. */
export function formatDateTime(iso: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** An instant as a short local date; today's shows the time instead. */
export function formatShortDate(iso: string, locale: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (d.toDateString() === now.toDateString()) {
    return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(d);
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(d);
}

/** An example phone number in the way the shop's country writes them. */
export function phoneExample(country: 'KR' | 'US'): string {
  return country === 'US' ? '(213) 555-0123' : '010-1234-5678';
}
