/**
 * Why a sale's coupon or points were refused, in words for the owner.
 * Rust sends a `coupon` error with its own code (coupon_used,
 * coupon_expired, coupon_not_hers) and `use_points` codes.
 */
import type { Coupon } from '../backend/bindings/Coupon';
import type { FieldError } from '../backend/bindings/FieldError';
import { translate, type Lang } from '../i18n/messages';
import { shortDay } from './labels';

export function couponError(errors: readonly FieldError[], coupon: Coupon | null, lang: Lang): string | null {
  const e = errors.find((x) => x.field === 'coupon');
  if (!e) return null;
  if (e.code === 'coupon_used') return translate(lang, 'loyalty.errors.coupon_used');
  if (e.code === 'coupon_expired') {
    return coupon
      ? translate(lang, 'loyalty.errors.coupon_expired', { date: shortDay(coupon.expires_on, lang) })
      : translate(lang, 'loyalty.errors.coupon_expired_plain');
  }
  if (e.code === 'coupon_not_hers') return translate(lang, 'loyalty.errors.coupon_not_hers');
  return translate(lang, `errors.field.${e.code}` as 'errors.field.invalid_choice', { example: '' });
}

export function pointsError(errors: readonly FieldError[], balance: number, lang: Lang): string | null {
  const e = errors.find((x) => x.field === 'use_points');
  if (!e) return null;
  if (e.code === 'exceeds_balance') {
    const n = new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US').format(balance);
    return translate(lang, 'loyalty.errors.points_exceeds', { n });
  }
  return translate(lang, 'loyalty.errors.points_invalid');
}
