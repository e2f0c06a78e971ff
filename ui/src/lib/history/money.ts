/**
 * Money on screen. Amounts come from Rust as integers in the minor unit of
 * the shop's currency: won have none, dollars have cents. Korean screens
 * write won the Korean way ("12,000원"); English ones use the symbol.
 */
import type { Country } from '../backend/bindings/Country';
import type { Lang } from '../i18n/messages';

export function formatMoney(minor: number, country: Country, lang: Lang): string {
  if (country === 'US') {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(minor / 100);
  }
  if (lang === 'ko') {
    return `${new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 0 }).format(minor)}원`;
  }
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'KRW',
    maximumFractionDigits: 0,
  }).format(minor);
}
