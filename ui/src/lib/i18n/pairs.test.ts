/**
 * Korean and English say the same thing: when a text changes in one
 * language, its twin must be looked at too. `pairs.lock.json` records a
 * fingerprint of both sides of every key; this test names each key whose
 * text changed since, and on which side. After checking (and fixing) the
 * other language, record the new texts with `npm --prefix ui run
 * i18n:accept`.
 */
import { describe, expect, it } from 'vitest';
import lock from './pairs.lock.json';
import { fingerprint, leaves, pairPrint, type Tree } from './pairs';

const ko = import.meta.glob<Tree>('./ko/*.json', { eager: true, import: 'default' });
const en = import.meta.glob<Tree>('./en/*.json', { eager: true, import: 'default' });

function current(): Map<string, string> {
  const out = new Map<string, string>();
  for (const path of Object.keys(ko).sort()) {
    const area = path.replace(/^\.\/ko\/(.*)\.json$/, '$1');
    const k = leaves(ko[path] ?? {});
    const e = leaves(en[`./en/${area}.json`] ?? {});
    for (const key of new Set([...k.keys(), ...e.keys()])) {
      out.set(`${area}.${key}`, pairPrint(k.get(key), e.get(key)));
    }
  }
  return out;
}

describe('ko/en pairs', () => {
  it('changed together, and were looked at together', () => {
    const recorded = new Map(Object.entries(lock as Record<string, string>));
    const problems: string[] = [];
    for (const [key, now] of current()) {
      const was = recorded.get(key);
      if (!was) {
        problems.push(`new key, not recorded yet: ${key}`);
        continue;
      }
      if (was === now) continue;
      const [wasKo, wasEn] = was.split(' ');
      const [nowKo, nowEn] = now.split(' ');
      if (wasKo !== nowKo && wasEn === nowEn) problems.push(`Korean changed, English did not: ${key}`);
      else if (wasEn !== nowEn && wasKo === nowKo) problems.push(`English changed, Korean did not: ${key}`);
      else problems.push(`both changed, not recorded yet: ${key}`);
    }
    const now = current();
    for (const key of recorded.keys()) if (!now.has(key)) problems.push(`removed: ${key}`);
    expect(problems, 'check the other language, then run npm --prefix ui run i18n:accept').toEqual([]);
  });

  it('fingerprints tell texts apart', () => {
    expect(fingerprint('외상')).not.toBe(fingerprint('외상 잔액'));
    expect(fingerprint({ one: '1 row', other: '{count} rows' })).toMatch(/^[0-9a-f]{8}$/);
  });
});
