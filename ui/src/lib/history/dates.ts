/**
 * Dates as the owner reads them — the one date format per language, used
 * on every screen: "11월 30일 (월)" / "Mon, Nov 30", with the year when it
 * is not this year's ("2025년 11월 30일 (일)" / "Sun, Nov 30, 2025"), and
 * a moment as that day and its time ("11월 30일 (월) 오후 5:53").
 *
 * Calendar days cross IPC as `YYYY-MM-DD` and are read as UTC midnights so
 * no time zone can move them a day; instants (RFC 3339) are shown on this
 * computer's clock.
 */

/** `YYYY-MM-DD` of a local date. */
export function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Today here, `days` later (or earlier when negative). */
export function localDay(days = 0, now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return isoDay(d);
}

function utc(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** "3월 2일 (월)" / "Mon, Mar 2"; the year only when it is not this year's. */
export function formatDay(day: string, locale: string, today: string = localDay()): string {
  const ymd = day.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ymd)) return day;
  const opts: Intl.DateTimeFormatOptions = {
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    timeZone: 'UTC',
  };
  if (ymd.slice(0, 4) !== today.slice(0, 4)) opts.year = 'numeric';
  return new Intl.DateTimeFormat(locale, opts).format(new Date(utc(ymd)));
}

/** The local calendar day of an instant, or null when it is not one. */
export function dayOfInstant(iso: string): string | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : isoDay(d);
}

/** "오후 5:53" / "5:53 PM" (with seconds when asked). */
export function formatTime(iso: string, locale: string, seconds = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const opts: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
  if (seconds) opts.second = '2-digit';
  return new Intl.DateTimeFormat(locale, opts).format(d);
}

/** An instant's day, in the one day format. */
export function formatInstantDay(iso: string, locale: string, now = new Date()): string {
  const day = dayOfInstant(iso);
  return day ? formatDay(day, locale, isoDay(now)) : iso;
}

/** An instant as its day and time: "11월 30일 (월) 오후 5:53". */
export function formatInstant(iso: string, locale: string, now = new Date(), seconds = false): string {
  const day = dayOfInstant(iso);
  if (!day) return iso;
  const sep = locale.startsWith('ko') ? ' ' : ', ';
  return `${formatDay(day, locale, isoDay(now))}${sep}${formatTime(iso, locale, seconds)}`;
}
