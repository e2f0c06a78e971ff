import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';

describe('formatMoney', () => {
  it('writes won the Korean way in Korean', () => {
    expect(formatMoney(12000, 'KR', 'ko')).toBe('12,000원');
    expect(formatMoney(0, 'KR', 'ko')).toBe('0원');
    expect(formatMoney(1234567, 'KR', 'ko')).toBe('1,234,567원');
  });

  it('uses the won sign in English', () => {
    expect(formatMoney(12000, 'KR', 'en')).toBe('₩12,000');
  });

  it('shows cents for dollars in either language', () => {
    expect(formatMoney(1250, 'US', 'en')).toBe('$12.50');
    expect(formatMoney(1250, 'US', 'ko')).toBe('$12.50');
    expect(formatMoney(100000, 'US', 'en')).toBe('$1,000.00');
  });

  it('keeps the sign of a refund', () => {
    expect(formatMoney(-5000, 'KR', 'ko')).toBe('-5,000원');
  });
});
