/** Coupons and rewards in words: "10% 할인", "5,000원 할인", "음료 1잔". */
import type { Country } from '../backend/bindings/Country';
import type { CouponKind } from '../backend/bindings/CouponKind';
import type { Tier } from '../backend/bindings/Tier';
import { formatDay } from '../history/dates';
import { formatMoney } from '../history/money';
import { translate, type Lang } from '../i18n/messages';

export const COUPON_KINDS: readonly CouponKind[] = ['percent', 'amount', 'free_item'];

export function rewardLabel(
  r: { kind: CouponKind; value: number; item: string },
  lang: Lang,
  country: Country,
): string {
  if (r.kind === 'percent') return translate(lang, 'loyalty.coupon.percent', { n: r.value });
  if (r.kind === 'amount') return translate(lang, 'loyalty.coupon.amount', { amount: formatMoney(r.value, country, lang) });
  return r.item.trim() || translate(lang, 'loyalty.coupon.free_item');
}

/** A calendar day (`YYYY-MM-DD`) in the one day format: "3월 2일 (월)". */
export function shortDay(day: string, lang: Lang): string {
  return formatDay(day, lang === 'ko' ? 'ko-KR' : 'en-US');
}

/** A tier's name from its id ("vip" → "VIP"); the id when it is gone. */
export function tierName(tiers: readonly Tier[], id: string | null): string {
  if (id === null) return '–';
  return tiers.find((t) => t.id === id)?.name ?? id;
}

/** "×1.5" from 150. */
export function multiplier(pct: number): string {
  return `×${Number((pct / 100).toFixed(2))}`;
}
