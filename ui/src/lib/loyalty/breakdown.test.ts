import { describe, expect, it } from 'vitest';
import { breakdown } from './breakdown';
import { parseAmount, parsePoints } from './money-input';

describe('parseAmount (as Rust reads money)', () => {
  it('reads won as people write them', () => {
    for (const [text, won] of [
      ['12000', 12000],
      ['12,000', 12000],
      ['12,000원', 12000],
      ['₩ 3,500', 3500],
      ['5000.00', 5000],
    ] as const) {
      expect(parseAmount(text, 'KR'), text).toBe(won);
    }
    for (const bad of ['', '-500', '12.5', '만원', '1e5']) expect(parseAmount(bad, 'KR'), bad).toBeNull();
  });

  it('reads dollars in cents', () => {
    expect(parseAmount('12.5', 'US')).toBe(1250);
    expect(parseAmount('$1,234.05', 'US')).toBe(123405);
    expect(parseAmount('12.345', 'US')).toBeNull();
  });

  it('reads points as whole numbers', () => {
    expect(parsePoints('1,500')).toBe(1500);
    expect(parsePoints('abc')).toBeNull();
  });
});

describe('breakdown', () => {
  it('takes the tier discount, then the coupon, then points', () => {
    const b = breakdown({ gross: 100_000, tierPercent: 5, coupon: { kind: 'percent', value: 10 }, points: 1000 });
    expect(b).toEqual({ gross: 100_000, tierDiscount: 5000, couponDiscount: 9500, pointsUsed: 1000, net: 84_500, pointsTooMany: false });
  });

  it('rounds down like Rust', () => {
    const b = breakdown({ gross: 4_599, tierPercent: 5, coupon: null, points: null });
    expect(b.tierDiscount).toBe(229);
    expect(b.net).toBe(4_370);
  });

  it('never takes an amount coupon past the price', () => {
    const b = breakdown({ gross: 3000, tierPercent: 0, coupon: { kind: 'amount', value: 5000 }, points: null });
    expect(b.couponDiscount).toBe(3000);
    expect(b.net).toBe(0);
  });

  it('gives a free item no money off', () => {
    const b = breakdown({ gross: 4500, tierPercent: 0, coupon: { kind: 'free_item', value: 0 }, points: null });
    expect(b.net).toBe(4500);
  });

  it('flags more points than there is to pay', () => {
    const b = breakdown({ gross: 1000, tierPercent: 0, coupon: null, points: 1500 });
    expect(b.pointsTooMany).toBe(true);
    expect(b.net).toBe(0);
  });

  it('is all zero before anything is typed', () => {
    expect(breakdown({ gross: null, tierPercent: 10, coupon: null, points: null }).net).toBe(0);
  });
});
