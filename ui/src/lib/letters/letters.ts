/** Letters: the occasions in menu order, the placeholders owners may use, small text helpers. */
import type { Language } from '../backend/bindings/Language';
import type { Occasion } from '../backend/bindings/Occasion';

export const OCCASIONS: Occasion[] = [
  'birthday',
  'child_birthday',
  'anniversary',
  'graduation',
  'condolence',
  'miss_you',
  'new_product',
  'seollal',
  'chuseok',
  'thank_you',
  'apology',
];

/** What the hint offers, in the template's language (the core accepts both). */
export function placeholders(language: Language): string[] {
  return language === 'ko'
    ? ['{이름}', '{이름}{은/는}', '{가게이름}', '{등급}', '{쿠폰}', '{날짜}']
    : ['{name}', '{shop}', '{tier}', '{coupon}', '{date}'];
}

/** 은 after a final consonant, 는 after a vowel; 은(는) when it cannot be told. */
export function topicParticle(word: string): string {
  const last = word.trim().slice(-1);
  const code = last.charCodeAt(0) - 0xac00;
  if (code >= 0 && code <= 11171) return code % 28 === 0 ? '는' : '은';
  if (/[0-9]/.test(last)) return '013678'.includes(last) ? '은' : '는';
  return '은(는)';
}

/** `text` with `insert` put in place of the selection [start, end). */
export function insertAt(text: string, insert: string, start: number, end: number) {
  const value = text.slice(0, start) + insert + text.slice(end);
  return { value, caret: start + insert.length };
}
