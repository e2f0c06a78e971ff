/**
 * What the owner typed as money, read the way Rust reads it
 * (core/src/history/money.rs), for the live breakdown only: Rust decides.
 */
import type { Country } from '../backend/bindings/Country';

const MAX_MINOR = 10_000_000_000;

/** Minor units, or null when the text is not an amount (empty included). */
export function parseAmount(text: string, country: Country): number | null {
  const cleaned = text
    .trim()
    .replace(/^[₩$]+/, '')
    .replace(/원+$/, '')
    .replace(/[,\s]/g, '');
  if (!cleaned) return null;
  const [whole, cents, extra] = cleaned.split('.');
  if (extra !== undefined || !whole || !/^\d{1,12}$/.test(whole)) return null;
  let minor: number;
  if (country === 'KR') {
    if (cents !== undefined && !/^0+$/.test(cents)) return null;
    minor = Number(whole);
  } else {
    if (cents !== undefined && !/^\d{1,2}$/.test(cents)) return null;
    minor = Number(whole) * 100 + (cents ? Number(cents.padEnd(2, '0')) : 0);
  }
  return minor <= MAX_MINOR ? minor : null;
}

/** Points are whole numbers whatever the country. */
export function parsePoints(text: string): number | null {
  return parseAmount(text, 'KR');
}
