/** Letters: the occasions in menu order, the placeholders owners may use, small text helpers. */
import type { Language } from '../backend/bindings/Language';
import type { Occasion } from '../backend/bindings/Occasion';

export const OCCASIONS: Occasion[] = [
  'birthday',
  'child_birthday',
  'spouse_birthday',
  'parent_birthday',
  'family_birthday',
  'anniversary',
  'graduation',
  'memorial',
  'condolence',
  'miss_you',
  'new_product',
  'seollal',
  'chuseok',
  'thank_you',
  'apology',
];

/** Letters written for someone's day: "7일 안에 이 날을 맞는 고객" lists them. */
export const DAY_OCCASIONS: readonly Occasion[] = [
  'birthday',
  'child_birthday',
  'spouse_birthday',
  'parent_birthday',
  'family_birthday',
  'anniversary',
  'graduation',
  'memorial',
];

/** Letters to one person at a time: a batch starts with nobody ticked. */
export const INDIVIDUAL: readonly Occasion[] = ['condolence', 'apology'];

const FAMILY: readonly Occasion[] = ['child_birthday', 'spouse_birthday', 'parent_birthday', 'family_birthday'];
const MOURNING: readonly Occasion[] = ['memorial', 'condolence'];

/**
 * What the chips offer, in the template's language (the core accepts both):
 * her name with 님 already after it (님께, 님의 — 님 is written apart from a
 * full name, as 국립국어원 spells it), whose day and what the birthday is
 * called for a family letter, and no coupon or tier in a letter of mourning.
 */
export function placeholders(language: Language, occasion?: Occasion): string[] {
  const ko = language === 'ko';
  const out = ko ? ['{이름} 님', '{이름} 님께', '{이름} 님의', '{가게이름}'] : ['{name}', '{shop}'];
  if (occasion && FAMILY.includes(occasion)) out.push(ko ? '{가족}' : '{family}');
  if (occasion === 'birthday' || (occasion && FAMILY.includes(occasion))) out.push(ko ? '{생일}' : '{birthday}');
  if (!occasion || !MOURNING.includes(occasion)) out.push(...(ko ? ['{등급}', '{쿠폰}'] : ['{tier}', '{coupon}']));
  out.push(ko ? '{날짜}' : '{date}');
  return out;
}

/** `text` with `insert` put in place of the selection [start, end). */
export function insertAt(text: string, insert: string, start: number, end: number) {
  const value = text.slice(0, start) + insert + text.slice(end);
  return { value, caret: start + insert.length };
}
