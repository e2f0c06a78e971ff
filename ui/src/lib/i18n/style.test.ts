/**
 * How the app speaks (docs/glossary.md), checked on every text: one word
 * per thing, no particle glued after a variable, 합니다체 not 해요체, no
 * jargon the owner can't act on; in English, no Korean, US spelling and
 * terms, real plurals, and customers who are "they".
 */
import { describe, expect, it } from 'vitest';
import { leaves, type Leaf, type Tree } from './pairs';
import { interpolate, pick, type Plural } from './messages';

const ko = import.meta.glob<Tree>('./ko/*.json', { eager: true, import: 'default' });
const en = import.meta.glob<Tree>('./en/*.json', { eager: true, import: 'default' });

function all(files: Record<string, Tree>): [string, Leaf][] {
  const out: [string, Leaf][] = [];
  for (const [path, tree] of Object.entries(files)) {
    const area = path.replace(/^\.\/\w+\/(.*)\.json$/, '$1');
    for (const [key, v] of leaves(tree)) out.push([`${area}.${key}`, v]);
  }
  return out;
}

/** Every form of a text (a plural's each form). */
const forms = (v: Leaf): string[] => (typeof v === 'string' ? [v] : Object.values(v));

/** The keys whose text (placeholders aside) matches `bad`, with the text. */
function offending(files: Record<string, Tree>, bad: RegExp, allowed: string[] = []): string[] {
  return all(files)
    .filter(([key]) => !allowed.includes(key))
    .flatMap(([key, v]) =>
      forms(v)
        .filter((t) => bad.test(t.replace(/\{\w+\}/g, '')))
        .map((t) => `${key}: ${t}`),
    );
}

/** Parameters that hold a number, by the names the app gives them. */
const NUMBERS = ['count', 'n', 'days', 'goal', 'total', 'visits', 'new', 'returning', 'buyers', 'returned',
  'earned', 'redeemed', 'issued', 'used', 'opened', 'resolved', 'back', 'given', 'answered', 'checked',
  'done', 'shown', 'factor', 'min', 'shop', 'per'];

/** Numbers that are never 1: the 30/60/90 days chosen on the reports screen, the lapse rule's factor and floor. */
const NEVER_ONE: Record<string, string[]> = {
  'reports.return_days.option': ['days'],
  'reports.repurchase.definition': ['days'],
  'reports.repurchase.headline': ['days'],
  'reports.repurchase.waiting': ['days'],
  'reports.repurchase.unsettled': ['days'],
  'reports.lapsed.definition': ['factor', 'min'],
};

describe('Korean', () => {
  it('uses one word per thing (고객, 외상, 구매)', () => {
    // 손님 → 고객; 미수금 → 외상 (잔액); 판매 → 구매; the outbox is not "보낸 편지함".
    expect(offending(ko, /손님|미수금|판매|보낸 편지함|강등|승급/)).toEqual([]);
  });

  it('puts no particle after a variable by hand', () => {
    expect(offending(ko, /\}\s*(\(으\)로|을\(를\)|를\(을\)|이\(가\)|은\(는\)|와\(과\)|\(이\)|\(을\)|\(를\))/)).toEqual([]);
    expect(offending(ko, /(으\)로|을\(를|이\(가|은\(는)/)).toEqual([]);
  });

  it('writes 로 and 으로 against the word before them', () => {
    expect(offending(ko, /[A-Za-z0-9)] (으로|로|를|을)( |$)/)).toEqual([]);
  });

  it('speaks 합니다체, not 해요체', () => {
    expect(offending(ko, /(어요|아요|해요|에요|예요|네요|죠|게요|래요)[.!?]?$/)).toEqual([]);
  });

  it('says things the owner can act on, in plain words', () => {
    const jargon = /인코딩|파일 권한|중앙값|알브레히트|EUC-KR|CP949(?![^(]*\))/;
    expect(offending(ko, jargon)).toEqual([]);
  });

  it('never says a coming feature is "곧" here', () => {
    expect(offending(ko, /곧 (불러|지원|추가|나옵)/)).toEqual([]);
  });
});

describe('English', () => {
  it('has no Korean (the language menu names 한국어 in Korean)', () => {
    // 한국어 in the language menu; the search hint shows the initials (ㄱㅁㅅ)
    // Korean names are found by.
    expect(offending(en, /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/, ['settings.language_ko', 'search.placeholder'])).toEqual([]);
  });

  it('calls every customer "they"', () => {
    expect(offending(en, /\b(she|her|hers|herself|he|him|his|himself)\b/i)).toEqual([]);
  });

  it('uses US spelling and terms', () => {
    const british = /colour|favourite|cheque|\btick\b|\bpost\b|\bmemos?\b|cancelled|organis|licence|centre|catalogue|store credit|\bowes?\b|on credit|\bdemot|\bmedian\b|encoding|file permission/i;
    expect(offending(en, british)).toEqual([]);
  });

  it('has real plurals: never "(s)", "1 rows" or "in 1 days"', () => {
    expect(offending(en, /\(s\)/)).toEqual([]);
    const singularS = ['address', 'class', 'status', 'bonus', 'business', 'process', 'plus', 'yes', 'this', 'has', 'was', 'is', 'looks', 'follows'];
    const problems: string[] = [];
    for (const [key, v] of all(en)) {
      // Each number in turn is 1, the others 2.
      const used = forms(v).flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
      for (const one of used.filter((p) => NUMBERS.includes(p) && !NEVER_ONE[key]?.includes(p))) {
        const params = Object.fromEntries(used.filter((p) => NUMBERS.includes(p)).map((p) => [p, p === one ? 1 : 2]));
        const text = interpolate(pick('en', v as string | Plural, params), params);
        for (const m of text.matchAll(/\b1 ([a-z]+s)\b/gi)) {
          if (!singularS.includes(m[1]!.toLowerCase())) problems.push(`${key} (${one} = 1): ${text}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
