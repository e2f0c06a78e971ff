/**
 * The loyalty rules as the settings form holds them (numbers as typed
 * text), back to `LoyaltyRules`, and the plain sentences that preview them.
 */
import type { Country } from '../backend/bindings/Country';
import type { CreditPoints } from '../backend/bindings/CreditPoints';
import type { FieldError } from '../backend/bindings/FieldError';
import type { LoyaltyRules } from '../backend/bindings/LoyaltyRules';
import type { PointsMode } from '../backend/bindings/PointsMode';
import type { TierWindow } from '../backend/bindings/TierWindow';
import { formatMoney } from '../history/money';
import { translate, type Lang } from '../i18n/messages';
import { rewardLabel } from './labels';
import { parseAmount } from './money-input';
import { fromDraft as rewardFromDraft, toDraft as rewardToDraft, type RewardDraft } from './reward-draft';

export interface TierDraft {
  id: string;
  name: string;
  color: string;
  visits: string;
  spend: string;
  discount: string;
  /** "1.5" for ×1.5. */
  multiplier: string;
  benefits: string;
}

export interface RulesDraft {
  mode: PointsMode;
  /** Percent, "3" or "2.5". */
  rate: string;
  perVisit: string;
  /** Months, or '' for never. */
  expiry: string;
  redeem: boolean;
  /** Points on a sale put on the tab: on what is paid, or on all of it. */
  onCredit: CreditPoints;
  stampsOn: boolean;
  stampPer: 'visit' | 'amount';
  stampAmount: string;
  goal: string;
  stampReward: RewardDraft;
  tiers: TierDraft[];
  window: TierWindow;
  birthdayOn: boolean;
  birthdayDays: string;
  /** Kept as it was: the form does not edit the birthday coupon itself. */
  base: LoyaltyRules;
}

function money(minor: number, country: Country): string {
  return country === 'KR' ? new Intl.NumberFormat('ko-KR').format(minor) : (minor / 100).toFixed(2);
}

export function toRulesDraft(r: LoyaltyRules, country: Country): RulesDraft {
  return {
    mode: r.points.mode,
    rate: String(r.points.percent_bp / 100),
    perVisit: String(r.points.per_visit),
    expiry: r.points.expiry_months === null ? '' : String(r.points.expiry_months),
    redeem: r.points.redeem,
    onCredit: r.points.on_credit,
    stampsOn: r.stamps.enabled,
    stampPer: r.stamps.per_amount > 0 ? 'amount' : 'visit',
    stampAmount: r.stamps.per_amount > 0 ? money(r.stamps.per_amount, country) : '',
    goal: String(r.stamps.goal),
    stampReward: rewardToDraft(r.stamps.reward, country),
    tiers: r.tiers.map((t) => ({
      id: t.id,
      name: t.name,
      color: t.color,
      visits: t.min_visits === null ? '' : String(t.min_visits),
      spend: t.min_spend === null ? '' : money(t.min_spend, country),
      discount: String(t.discount_percent),
      multiplier: String(t.points_multiplier_pct / 100),
      benefits: t.benefits,
    })),
    window: r.tier_window,
    birthdayOn: r.birthday_days_before !== null,
    birthdayDays: String(r.birthday_days_before ?? 7),
    base: r,
  };
}

const whole = (s: string) => (/^\s*\d{1,9}\s*$/.test(s) ? parseInt(s, 10) : null);
const decimal = (s: string) => (/^\s*\d{1,6}(\.\d{1,2})?\s*$/.test(s) ? parseFloat(s) : null);

/** The rules, or the fields that need fixing (`tiers.2.spend` …). */
export function fromRulesDraft(d: RulesDraft, country: Country): { rules: LoyaltyRules | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const need = <T>(v: T | null, field: string, code: FieldError['code'] = 'invalid_amount'): T => {
    if (v === null) errors.push({ field, code });
    return (v ?? 0) as T;
  };
  const rate = need(decimal(d.rate), 'rate');
  const perVisit = need(whole(d.perVisit), 'per_visit');
  const expiry = d.expiry.trim() === '' ? null : need(whole(d.expiry), 'expiry');
  const stampAmount = d.stampPer === 'amount' ? need(parseAmount(d.stampAmount, country), 'stamp_amount') : 0;
  const goal = need(whole(d.goal), 'goal');
  if (goal < 1 && !errors.some((e) => e.field === 'goal')) errors.push({ field: 'goal', code: 'invalid_amount' });
  const reward = rewardFromDraft(d.stampReward, country);
  if (d.stampsOn) errors.push(...reward.errors.map((e) => ({ ...e, field: `stamp_reward.${e.field}` })));
  const tiers = d.tiers.map((t, i) => {
    if (!t.name.trim()) errors.push({ field: `tiers.${i}.name`, code: 'required' });
    const visits = t.visits.trim() === '' ? null : need(whole(t.visits), `tiers.${i}.visits`);
    const spend = t.spend.trim() === '' ? null : need(parseAmount(t.spend, country), `tiers.${i}.spend`);
    const discount = need(whole(t.discount), `tiers.${i}.discount`);
    if (discount > 100) errors.push({ field: `tiers.${i}.discount`, code: 'invalid_amount' });
    const mult = need(decimal(t.multiplier), `tiers.${i}.multiplier`);
    return {
      id: t.id,
      name: t.name.trim(),
      color: t.color,
      min_visits: visits,
      min_spend: spend,
      discount_percent: discount,
      points_multiplier_pct: Math.round(mult * 100),
      benefits: t.benefits.trim(),
    };
  });
  const birthday = d.birthdayOn ? need(whole(d.birthdayDays), 'birthday_days') : null;
  if (errors.length) return { rules: null, errors };
  return {
    rules: {
      points: { mode: d.mode, percent_bp: Math.round(rate * 100), per_visit: perVisit, expiry_months: expiry, redeem: d.redeem, on_credit: d.onCredit },
      stamps: {
        enabled: d.stampsOn,
        per_amount: stampAmount,
        goal,
        reward: reward.reward ?? d.base.stamps.reward,
      },
      tiers,
      tier_window: d.window,
      birthday_days_before: birthday,
      birthday_reward: d.base.birthday_reward,
    },
    errors,
  };
}

/** "10,000원 구매 시 300점 적립 · 12개월 뒤 소멸". */
export function pointsPreview(r: LoyaltyRules, lang: Lang, country: Country): string {
  const p = r.points;
  let text: string;
  if (p.mode === 'off') return translate(lang, 'loyalty.settings.preview_off');
  if (p.mode === 'percent') {
    const sample = 10_000; // 10,000원, or $100.00 in cents
    const n = Math.trunc((sample * p.percent_bp) / 10_000);
    text = translate(lang, 'loyalty.settings.preview_percent', { amount: formatMoney(sample, country, lang), n });
  } else {
    text = translate(lang, 'loyalty.settings.preview_per_visit', { n: p.per_visit });
  }
  if (p.expiry_months !== null) text += ` · ${translate(lang, 'loyalty.settings.preview_expiry', { n: p.expiry_months })}`;
  return text;
}

/** "도장 10개 모으면 음료 1잔". */
export function stampsPreview(r: LoyaltyRules, lang: Lang, country: Country): string {
  if (!r.stamps.enabled) return translate(lang, 'loyalty.settings.preview_stamps_off');
  return translate(lang, 'loyalty.settings.preview_stamps', {
    goal: r.stamps.goal,
    reward: rewardLabel(r.stamps.reward, lang, country),
  });
}
