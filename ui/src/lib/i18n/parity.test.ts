/**
 * Every key in a Korean file must exist in its English twin and the other
 * way round, and no value may be empty: a missing translation fails here,
 * not in front of a customer. An English plural has its `one` and `other`.
 */
import { describe, expect, it } from 'vitest';
import { leaves, type Leaf, type Tree } from './pairs';

const ko = import.meta.glob<Tree>('./ko/*.json', { eager: true, import: 'default' });
const en = import.meta.glob<Tree>('./en/*.json', { eager: true, import: 'default' });

const areas = (files: Record<string, Tree>) =>
  Object.keys(files).map((p) => p.replace(/^\.\/\w+\//, ''));

const empty = (v: Leaf) =>
  typeof v === 'string' ? v.trim() === '' : Object.values(v).some((t) => t.trim() === '');

describe('ko/en translation parity', () => {
  it('has the same area files in both languages', () => {
    expect(areas(ko).sort()).toEqual(areas(en).sort());
    expect(areas(ko).length).toBeGreaterThan(0);
  });

  for (const area of areas(ko)) {
    it(`${area}: same keys, no empty values`, () => {
      const k = leaves(ko[`./ko/${area}`] ?? {});
      const e = leaves(en[`./en/${area}`] ?? {});
      const problems: string[] = [];
      for (const key of k.keys()) if (!e.has(key)) problems.push(`missing in en: ${key}`);
      for (const key of e.keys()) if (!k.has(key)) problems.push(`missing in ko: ${key}`);
      for (const [lang, map] of [['ko', k], ['en', e]] as const) {
        for (const [key, v] of map) if (empty(v)) problems.push(`empty in ${lang}: ${key}`);
      }
      for (const [key, v] of e) {
        if (typeof v !== 'string' && !('one' in v && 'other' in v)) {
          problems.push(`en plural without one/other: ${key}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
