/**
 * A reward as the owner types it (money as text, days as text) and back.
 * Checked here with the same rules Rust applies, so a slip is shown at once.
 */
import type { Country } from '../backend/bindings/Country';
import type { CouponKind } from '../backend/bindings/CouponKind';
import type { FieldError } from '../backend/bindings/FieldError';
import type { Reward } from '../backend/bindings/Reward';
import { parseAmount } from './money-input';

export interface RewardDraft {
  kind: CouponKind;
  /** Percent, or the amount as typed. */
  value: string;
  item: string;
  days: string;
}

function plain(minor: number, country: Country): string {
  if (country === 'KR') return new Intl.NumberFormat('ko-KR').format(minor);
  return (minor / 100).toFixed(2);
}

export function toDraft(r: Reward, country: Country): RewardDraft {
  return {
    kind: r.kind,
    value: r.kind === 'amount' ? plain(r.value, country) : r.kind === 'percent' ? String(r.value) : '',
    item: r.item,
    days: String(r.valid_days),
  };
}

export function fromDraft(d: RewardDraft, country: Country): { reward: Reward | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  let value = 0;
  if (d.kind === 'percent') {
    value = /^\s*\d{1,3}\s*%?\s*$/.test(d.value) ? parseInt(d.value, 10) : NaN;
    if (!(value >= 1 && value <= 100)) errors.push({ field: 'value', code: 'invalid_amount' });
  } else if (d.kind === 'amount') {
    value = parseAmount(d.value, country) ?? 0;
    if (value <= 0) errors.push({ field: 'value', code: 'invalid_amount' });
  } else if (!d.item.trim()) {
    errors.push({ field: 'item', code: 'required' });
  }
  const days = /^\s*\d{1,5}\s*$/.test(d.days) ? parseInt(d.days, 10) : 0;
  if (days < 1) errors.push({ field: 'valid_days', code: 'invalid_choice' });
  if (errors.length) return { reward: null, errors };
  return { reward: { kind: d.kind, value, item: d.kind === 'free_item' ? d.item.trim() : '', valid_days: days }, errors };
}
