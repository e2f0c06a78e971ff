/**
 * The live sum under the visit form: full price, tier discount, coupon,
 * points, what she pays. Same order and rounding as Rust
 * (core/src/loyalty/visit.rs), for display only: the saved visit is Rust's.
 */
import type { CouponKind } from '../backend/bindings/CouponKind';

export interface BreakdownInput {
  /** Full price in minor units (null: nothing typed yet). */
  gross: number | null;
  /** Her tier's discount in percent, when it is applied. */
  tierPercent: number;
  coupon: { kind: CouponKind; value: number } | null;
  /** Points she pays with (null: none or not a number). */
  points: number | null;
}

export interface Breakdown {
  gross: number;
  tierDiscount: number;
  couponDiscount: number;
  pointsUsed: number;
  net: number;
  /** Points asked for exceed what is left to pay. */
  pointsTooMany: boolean;
}

/** Integer division that truncates like Rust's `/` on i64. */
const div = (a: number, b: number) => Math.trunc(a / b);

export function couponDiscount(coupon: BreakdownInput['coupon'], amount: number): number {
  if (!coupon) return 0;
  if (coupon.kind === 'percent') return div(amount * coupon.value, 100);
  if (coupon.kind === 'amount') return Math.min(coupon.value, amount);
  return 0;
}

export function breakdown(input: BreakdownInput): Breakdown {
  const gross = input.gross ?? 0;
  const tierDiscount = div(gross * input.tierPercent, 100);
  const coupon = couponDiscount(input.coupon, gross - tierDiscount);
  const due = gross - tierDiscount - coupon;
  const asked = input.points ?? 0;
  const pointsUsed = Math.min(asked, due);
  return {
    gross,
    tierDiscount,
    couponDiscount: coupon,
    pointsUsed,
    net: due - pointsUsed,
    pointsTooMany: asked > due,
  };
}
