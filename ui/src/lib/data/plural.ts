/**
 * Counted messages: `{ one, other }` in the locale files, the form chosen by
 * `Intl.PluralRules` ("1 row", "2 rows"). Korean has one form; its files
 * repeat it so both languages keep the same keys.
 */
import { i18n, t, type Key } from '../i18n/index.svelte';
import type { Params } from '../i18n/messages';

export function pluralForm(count: number, locale: string): 'one' | 'other' {
  return new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
}

/** `t` for a counted message at `base` (which holds `one` and `other`). */
export function tc(base: string, count: number, params: Params = {}): string {
  return t(`${base}.${pluralForm(count, i18n.locale)}` as Key, { count, ...params });
}
