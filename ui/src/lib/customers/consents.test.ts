import { describe, expect, it } from 'vitest';
import { nightWithoutDay, scopeKey, scopeOf, ALL } from './consents';

describe('consent rows', () => {
  it('names every scope and back', () => {
    for (const k of ALL) expect(scopeKey(scopeOf(k))).toBe(k);
    expect(scopeOf('text_night')).toEqual({ purpose: 'marketing', channel: 'text', night: true });
  });

  it('refuses night texts without texts, given now or before', () => {
    expect(nightWithoutDay(new Set(['text_night']), [])).toBe(true);
    expect(nightWithoutDay(new Set(['text', 'text_night']), [])).toBe(false);
    const given = [{ scope: scopeOf('text'), given: true, last: null }];
    expect(nightWithoutDay(new Set(['text_night']), given)).toBe(false);
  });
});
