/**
 * How far she is from the next tier, in words an owner reads at a glance:
 * "VIP까지 방문 3회 · 120,000원 남음".
 */
import type { Country } from '../backend/bindings/Country';
import type { LoyaltyStatus } from '../backend/bindings/LoyaltyStatus';
import type { Tier } from '../backend/bindings/Tier';
import { formatMoney } from '../history/money';
import { translate, type Lang } from '../i18n/messages';

export interface Progress {
  /** Her tier; a customer not placed yet counts as the lowest open tier. */
  tier: Tier | null;
  next: Tier | null;
  visitsLeft: number;
  spendLeft: number;
  /** 0–1, the share of the next tier's requirements already met. */
  ratio: number;
}

const open = (t: Tier | undefined) => !!t && t.min_visits === null && t.min_spend === null;

export function progress(status: LoyaltyStatus, tiers: readonly Tier[]): Progress {
  let tier = status.tier;
  let next = status.next;
  if (!tier && open(tiers[0])) {
    tier = tiers[0] ?? null;
    next = tiers[1] ?? null;
  }
  if (!next) return { tier, next: null, visitsLeft: 0, spendLeft: 0, ratio: 1 };
  const v = next.min_visits;
  const s = next.min_spend;
  const visitsLeft = v === null ? 0 : Math.max(0, v - status.visits_in_window);
  const spendLeft = s === null ? 0 : Math.max(0, s - status.spend_in_window);
  const parts: number[] = [];
  if (v !== null && v > 0) parts.push(Math.min(1, status.visits_in_window / v));
  if (s !== null && s > 0) parts.push(Math.min(1, status.spend_in_window / s));
  const ratio = parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : 1;
  return { tier, next, visitsLeft, spendLeft, ratio };
}

export function progressText(p: Progress, lang: Lang, country: Country): string {
  if (!p.next) return translate(lang, 'loyalty.card.top');
  const parts: string[] = [];
  if (p.visitsLeft > 0) parts.push(translate(lang, 'loyalty.card.visits_left', { n: p.visitsLeft }));
  if (p.spendLeft > 0) parts.push(formatMoney(p.spendLeft, country, lang));
  if (parts.length === 0) return translate(lang, 'loyalty.card.soon', { tier: p.next.name });
  return translate(lang, 'loyalty.card.to_next', { tier: p.next.name, parts: parts.join(' · ') });
}
