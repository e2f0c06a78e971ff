import { describe, expect, it } from 'vitest';
import type { LoyaltyStatus } from '../backend/bindings/LoyaltyStatus';
import type { Tier } from '../backend/bindings/Tier';
import type { SaleOutcome } from '../backend/bindings/SaleOutcome';
import { outcomeText } from './outcome';
import { progress, progressText } from './progress';
import { fromDraft, toDraft } from './reward-draft';
import { couponError, pointsError } from './visit-errors';

const tier = (id: string, name: string, v: number | null, s: number | null): Tier => ({
  id,
  name,
  color: '#000000',
  min_visits: v,
  min_spend: s,
  discount_percent: 0,
  points_multiplier_pct: 100,
  benefits: '',
});
const TIERS = [tier('regular', '일반', null, null), tier('dangol', '단골', 5, null), tier('vip', 'VIP', 10, 300_000)];
const status = (over: Partial<LoyaltyStatus>): LoyaltyStatus => ({
  tier: TIERS[1]!,
  next: TIERS[2]!,
  visits_in_window: 7,
  spend_in_window: 180_000,
  visits_to_next: 3,
  spend_to_next: 120_000,
  points: 0,
  stamps: 0,
  stamp_goal: 10,
  coupons: [],
  ...over,
});

describe('progress to the next tier', () => {
  it('says what is left, visits and money', () => {
    const p = progress(status({}), TIERS);
    expect(progressText(p, 'ko', 'KR')).toBe('VIP까지 방문 3회 · 120,000원 남음');
    expect(progressText(p, 'en', 'KR')).toBe('3 visits · ₩120,000 to VIP');
    expect(p.ratio).toBeCloseTo((0.7 + 0.6) / 2);
  });

  it('leaves out what is already met', () => {
    const p = progress(status({ visits_in_window: 12 }), TIERS);
    expect(progressText(p, 'ko', 'KR')).toBe('VIP까지 120,000원 남음');
  });

  it('places a new customer in the open lowest tier', () => {
    const p = progress(status({ tier: null, next: TIERS[0]!, visits_in_window: 0, spend_in_window: 0 }), TIERS);
    expect(p.tier?.id).toBe('regular');
    expect(progressText(p, 'ko', 'KR')).toBe('단골까지 방문 5회 남음');
  });

  it('says so at the top', () => {
    const p = progress(status({ tier: TIERS[2]!, next: null }), TIERS);
    expect(progressText(p, 'ko', 'KR')).toBe('가장 높은 등급입니다');
  });
});

describe('what a sale did', () => {
  const outcome: SaleOutcome = {
    entry_id: 1,
    gross: 10_000,
    tier_discount: 0,
    coupon_discount: 0,
    points_used: 0,
    net: 10_000,
    paid: 10_000,
    owed: 0,
    points_earned: 300,
    points_on_payment: 0,
    stamps_added: 1,
    stamps_now: 3,
    points_now: 300,
    reward_coupons: [],
    tier_change: null,
    status: status({ points: 300, stamps: 3 }),
    story: { balance_owed: 0, visits: 1, total_spent: 10_000, last_visit: null, open_complaints: [], followups: [] },
  };
  const ctx = { tiers: TIERS, stampGoal: 10, stampsOn: true };

  it('counts points and stamps', () => {
    const o = outcomeText(outcome, ctx, 'ko', 'KR');
    expect(o.earned).toBe('+300점 적립 · 도장 3/10');
    expect(o.reward).toBeNull();
    expect(o.tierChange).toBeNull();
  });

  it('celebrates a full card and a promotion', () => {
    const coupon = { id: 1, customer_id: 1, kind: 'free_item' as const, value: 0, item: '음료 1잔', origin: 'stamp' as const, issued_on: '2025-01-01', expires_on: '2025-04-01', used_at: null };
    const change = { customer_id: 1, customer_name: '김', from: 'dangol', to: 'vip', up: true };
    const o = outcomeText({ ...outcome, stamps_now: 0, reward_coupons: [coupon], tier_change: change }, ctx, 'ko', 'KR');
    expect(o.reward).toBe('도장 10개 완성! 음료 1잔 쿠폰을 드렸습니다');
    expect(o.tierChange).toBe('등급 올라감: 단골 → VIP');
  });
});

describe('refusals in words', () => {
  const coupon = { id: 1, customer_id: 1, kind: 'percent' as const, value: 10, item: '', origin: 'manual' as const, issued_on: '2024-10-01', expires_on: '2024-11-20', used_at: null };
  it('tells used, expired and someone else’s coupons apart', () => {
    expect(couponError([{ field: 'coupon', code: 'coupon_used' }], coupon, 'ko')).toBe('이미 사용한 쿠폰입니다.');
    expect(couponError([{ field: 'coupon', code: 'coupon_expired' }], coupon, 'ko')).toBe('유효기간이 지난 쿠폰입니다 (2024년 11월 20일 (수)까지).');
    expect(couponError([{ field: 'coupon', code: 'coupon_not_hers' }], coupon, 'ko')).toBe('이 고객의 쿠폰이 아닙니다.');
    expect(couponError([], coupon, 'ko')).toBeNull();
  });
  it('says how many points she has', () => {
    expect(pointsError([{ field: 'use_points', code: 'exceeds_balance' }], 1200, 'ko')).toContain('1,200점');
  });
});

describe('reward drafts', () => {
  it('round-trips an amount coupon', () => {
    const d = toDraft({ kind: 'amount', value: 5000, item: '', valid_days: 30 }, 'KR');
    expect(d.value).toBe('5,000');
    expect(fromDraft(d, 'KR').reward).toEqual({ kind: 'amount', value: 5000, item: '', valid_days: 30 });
  });
  it('refuses what Rust would refuse', () => {
    const bad = fromDraft({ kind: 'percent', value: '150', item: '', days: '0' }, 'KR');
    expect(bad.errors.map((e) => e.field)).toEqual(['value', 'valid_days']);
    expect(fromDraft({ kind: 'free_item', value: '', item: ' ', days: '90' }, 'KR').errors[0]?.field).toBe('item');
  });
});
