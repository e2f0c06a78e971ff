/**
 * The consent card's rows: which consent each row is, its locale key, and
 * what the card shows first. The rules (night needs the day consent, the
 * records) live in Rust; this only names and orders.
 */
import type { ConsentScope } from '../backend/bindings/ConsentScope';
import type { ConsentState } from '../backend/bindings/ConsentState';

export type ScopeKey = 'care' | 'greetings' | 'text' | 'email' | 'post' | 'text_night' | 'email_night';

/** `text_night` for the night consent of texts, `care` for the required items. */
export function scopeKey(s: ConsentScope): ScopeKey {
  if (s.purpose !== 'marketing') return s.purpose;
  const ch = s.channel ?? 'post';
  return s.night ? (`${ch}_night` as ScopeKey) : ch;
}

export function scopeOf(key: ScopeKey): ConsentScope {
  if (key === 'care' || key === 'greetings') return { purpose: key, channel: null, night: false };
  const [ch, night] = key.split('_') as ['text' | 'email' | 'post', string | undefined];
  return { purpose: 'marketing', channel: ch, night: night === 'night' };
}

export const MARKETING: readonly ScopeKey[] = ['text', 'email', 'post'];
export const COLLECTION: readonly ScopeKey[] = ['care', 'greetings'];

/** What the owner can tick in the dialog, in the paper form's order. */
export const ALL: readonly ScopeKey[] = ['care', 'greetings', 'text', 'text_night', 'email', 'email_night', 'post'];

export function stateOf(states: ConsentState[], key: ScopeKey): ConsentState | undefined {
  return states.find((s) => scopeKey(s.scope) === key);
}

/** The night consent needs the day one on its channel, given now or before. */
export function nightWithoutDay(chosen: ReadonlySet<ScopeKey>, states: ConsentState[]): boolean {
  return (['text', 'email'] as const).some(
    (ch) => chosen.has(`${ch}_night`) && !chosen.has(ch) && !stateOf(states, ch)?.given,
  );
}
