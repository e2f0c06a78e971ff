/**
 * Important dates in words: whose day, what it is, when it was written and
 * how far off it is. Pure: every function takes the language, so the
 * wording is tested without a running app.
 */
import type { AgeName } from '../backend/bindings/AgeName';
import type { OccasionKind } from '../backend/bindings/OccasionKind';
import type { Relation } from '../backend/bindings/Relation';
import { daysBetween } from '../history/dates';
import { translate, type Lang } from '../i18n/messages';

export const RELATIONS: readonly Relation[] = ['spouse', 'child', 'parent', 'grandparent', 'sibling', 'other'];
export const KINDS: readonly OccasionKind[] = ['birthday', 'wedding', 'graduation', 'memorial', 'other'];

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st… */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "오늘", "8일 뒤", "3일 전". */
export function relativeDays(lang: Lang, today: string, on: string): string {
  const n = daysBetween(today, on);
  if (n === 0) return translate(lang, 'dates.when.today');
  return n > 0 ? translate(lang, 'dates.when.in_days', { n }) : translate(lang, 'dates.when.ago', { n: -n });
}

/** "D-day", "D-3"; a day already past reads "D+2". */
export function dDay(lang: Lang, today: string, on: string): string {
  const n = daysBetween(today, on);
  if (n === 0) return translate(lang, 'dates.when.dday_today');
  return n > 0 ? translate(lang, 'dates.when.dday', { n }) : `D+${-n}`;
}

/** The owner's own label when she gave one, else the kind's name. */
export function occasionName(lang: Lang, kind: OccasionKind, label: string): string {
  return label.trim() || translate(lang, `dates.kind.${kind}`);
}

/**
 * "생일", "만 10세 생일", "생신", "칠순 (만 69세)", "결혼 12주년", "할머니 제사
 * 3주기". Whether a birthday is an elder's (생신) or a milestone (칠순) the
 * core decides (`dates/age.rs`), by the counting chosen for the date.
 */
export function occasionText(
  lang: Lang,
  o: { kind: OccasionKind; label: string; years: number | null; age_name?: AgeName | null; elder?: boolean },
): string {
  const what = occasionName(lang, o.kind, o.label);
  const n = o.years;
  if (o.kind === 'birthday' && !o.label.trim()) {
    if (o.age_name && n) return translate(lang, `dates.age_name.${o.age_name}`, { n });
    if (o.elder) {
      return n && n > 0
        ? translate(lang, 'dates.what.elder_years', { n, nth: ordinal(n) })
        : translate(lang, 'dates.what.elder');
    }
  }
  if (n === null || n <= 0) return what;
  const params = { n, nth: ordinal(n), what };
  if (o.kind === 'birthday') return translate(lang, 'dates.what.birthday_years', params);
  if (o.kind === 'wedding') return translate(lang, 'dates.what.wedding_years', params);
  if (o.kind === 'memorial') return translate(lang, 'dates.what.memorial_years', params);
  return translate(lang, 'dates.what.years', params);
}

/** "김민수 님" or "김민수 님의 자녀 김하늘 님". */
export function whoseText(
  lang: Lang,
  customer: string,
  member: string | null,
  relation: Relation | null,
): string {
  if (!member) return translate(lang, 'dates.whose.her', { customer });
  const rel = translate(lang, `dates.relation.${relation ?? 'other'}`);
  return translate(lang, 'dates.whose.member', { customer, relation: rel, member });
}

/** The date as she wrote it: "3월 2일", "1990년 3월 2일" (marks apart). */
export function writtenDate(lang: Lang, d: { year: number | null; month: number; day: number }): string {
  const params = { year: d.year ?? '', month: d.month, day: d.day };
  return translate(lang, d.year ? 'dates.written.ymd' : 'dates.written.md', params);
}

/** The 음력 / 윤달 marks shown beside a date. */
export function calendarMarks(lang: Lang, d: { lunar: boolean; leap: boolean }): string[] {
  if (!d.lunar) return [];
  const marks = [translate(lang, 'dates.marks.lunar')];
  if (d.leap) marks.push(translate(lang, 'dates.marks.leap'));
  return marks;
}

/** Days in a month of the chosen calendar (a lunar month has up to 30). */
export function maxDay(month: number, lunar: boolean): number {
  if (lunar) return 30;
  return [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31;
}

/** A year typed by the owner: empty is none; anything else must be 1900–2100. */
export function parseYear(text: string): number | null | 'bad' {
  const s = text.trim();
  if (!s) return null;
  if (!/^\d{4}$/.test(s)) return 'bad';
  const y = Number(s);
  return y >= 1900 && y <= 2100 ? y : 'bad';
}
