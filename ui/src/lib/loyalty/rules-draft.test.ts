import { describe, expect, it } from 'vitest';
import type { LoyaltyRules } from '../backend/bindings/LoyaltyRules';
import { fromRulesDraft, pointsPreview, stampsPreview, toRulesDraft } from './rules-draft';

const RULES: LoyaltyRules = {
  points: { mode: 'percent', percent_bp: 300, per_visit: 100, expiry_months: 12, redeem: true, on_credit: 'when_paid' },
  stamps: { enabled: true, per_amount: 0, goal: 10, reward: { kind: 'free_item', value: 0, item: '음료 1잔', valid_days: 90 } },
  tiers: [
    { id: 'regular', name: '일반', color: '#8A8F98', min_visits: null, min_spend: null, discount_percent: 0, points_multiplier_pct: 100, benefits: '' },
    { id: 'vip', name: 'VIP', color: '#B45309', min_visits: 10, min_spend: 300_000, discount_percent: 5, points_multiplier_pct: 150, benefits: '' },
  ],
  tier_window: 'last12_months',
  birthday_days_before: 7,
  birthday_reward: { kind: 'percent', value: 10, item: '', valid_days: 30 },
};

describe('rules draft', () => {
  it('round-trips the rules unchanged', () => {
    const d = toRulesDraft(RULES, 'KR');
    expect(d.tiers[1]?.spend).toBe('300,000');
    expect(d.tiers[1]?.multiplier).toBe('1.5');
    expect(fromRulesDraft(d, 'KR').rules).toEqual(RULES);
  });

  it('names the fields to fix', () => {
    const d = toRulesDraft(RULES, 'KR');
    d.rate = 'abc';
    d.tiers[1]!.name = ' ';
    d.tiers[1]!.discount = '150';
    const out = fromRulesDraft(d, 'KR');
    expect(out.rules).toBeNull();
    expect(out.errors.map((e) => e.field)).toEqual(['rate', 'tiers.1.name', 'tiers.1.discount']);
  });

  it('turns a blank expiry or requirement into none', () => {
    const d = toRulesDraft(RULES, 'KR');
    d.expiry = '';
    d.tiers[1]!.spend = '';
    const r = fromRulesDraft(d, 'KR').rules!;
    expect(r.points.expiry_months).toBeNull();
    expect(r.tiers[1]?.min_spend).toBeNull();
  });
});

describe('previews', () => {
  it('say the rules in one sentence', () => {
    expect(pointsPreview(RULES, 'ko', 'KR')).toBe('10,000원 구매 시 300점 적립 · 12개월 뒤 소멸');
    expect(stampsPreview(RULES, 'ko', 'KR')).toBe('도장 10개 모으면 음료 1잔');
    expect(pointsPreview({ ...RULES, points: { ...RULES.points, mode: 'per_visit', expiry_months: null } }, 'ko', 'KR')).toBe(
      '방문할 때마다 100점 적립',
    );
  });
});
