/**
 * Every key in a Korean file must exist in its English twin and the other
 * way round, and no value may be empty: a missing translation fails here,
 * not in front of a customer.
 */
import { describe, expect, it } from 'vitest';

type Tree = { [k: string]: string | Tree };

const ko = import.meta.glob<Tree>('./ko/*.json', { eager: true, import: 'default' });
const en = import.meta.glob<Tree>('./en/*.json', { eager: true, import: 'default' });

function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix + k;
    if (typeof v === 'object' && v !== null) {
      for (const [lk, lv] of leaves(v, key + '.')) out.set(lk, lv);
    } else out.set(key, v);
  }
  return out;
}

const areas = (files: Record<string, Tree>) =>
  Object.keys(files).map((p) => p.replace(/^\.\/\w+\//, ''));

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
        for (const [key, v] of map) {
          if (typeof v !== 'string' || v.trim() === '') problems.push(`empty in ${lang}: ${key}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
