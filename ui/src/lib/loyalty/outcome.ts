/**
 * What a saved visit did, in words: "+300점 적립 · 도장 3/10", the reward
 * of a full stamp card, a tier change.
 */
import type { Country } from '../backend/bindings/Country';
import type { Tier } from '../backend/bindings/Tier';
import type { SaleOutcome } from '../backend/bindings/SaleOutcome';
import { translate, type Lang } from '../i18n/messages';
import { rewardLabel, tierName } from './labels';

export interface OutcomeText {
  /** "+300점 적립 · 도장 3/10" (empty parts left out). */
  earned: string;
  /** "도장 10개 완성! 음료 1잔 쿠폰을 드렸습니다", or null. */
  reward: string | null;
  /** "등급 올라감: 단골 → VIP", or null. */
  tierChange: string | null;
  up: boolean;
}

export function outcomeText(
  o: SaleOutcome,
  ctx: { tiers: readonly Tier[]; stampGoal: number; stampsOn: boolean },
  lang: Lang,
  country: Country,
): OutcomeText {
  const num = new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US');
  const parts: string[] = [];
  if (o.points_earned > 0) parts.push(translate(lang, 'loyalty.visit.earned', { n: num.format(o.points_earned) }));
  if (ctx.stampsOn && o.reward_coupons.length > 0 && o.stamps_now === 0) parts.push(translate(lang, 'loyalty.visit.stamps_full'));
  else if (ctx.stampsOn) parts.push(translate(lang, 'loyalty.visit.stamps', { n: o.stamps_now, goal: ctx.stampGoal }));
  const reward =
    o.reward_coupons.length > 0
      ? translate(lang, 'loyalty.visit.reward', {
          goal: ctx.stampGoal,
          reward: o.reward_coupons.map((c) => rewardLabel(c, lang, country)).join(', '),
        })
      : null;
  const change = o.tier_change;
  const tierChange = change
    ? translate(lang, change.up ? 'loyalty.visit.tier_up' : 'loyalty.visit.tier_down', {
        from: tierName(ctx.tiers, change.from),
        to: tierName(ctx.tiers, change.to),
      })
    : null;
  return { earned: parts.join(' · '), reward, tierChange, up: change?.up ?? false };
}
