import { describe, expect, it } from 'vitest';
import { formatBirthday, formatDateTime, formatShortDate, padCardNo, phoneExample } from './format';

describe('padCardNo', () => {
  it('pads to six digits and keeps longer numbers whole', () => {
    expect(padCardNo(123)).toBe('000123');
    expect(padCardNo(1234567)).toBe('1234567');
  });
});

describe('formatBirthday', () => {
  it('writes Korean and English dates', () => {
    const b = { year: 1985, month: 3, day: 2, lunar: false };
    expect(formatBirthday(b, 'ko-KR')).toBe('1985년 3월 2일');
    expect(formatBirthday(b, 'en-US')).toBe('March 2, 1985');
  });

  it('leaves the year out when unknown, even for 29 February', () => {
    expect(formatBirthday({ year: null, month: 3, day: 2, lunar: true }, 'ko-KR')).toBe('3월 2일');
    expect(formatBirthday({ year: null, month: 2, day: 29, lunar: false }, 'en-US')).toBe(
      'February 29',
    );
  });
});

describe('dates', () => {
  it('returns unparseable text unchanged', () => {
    expect(formatDateTime('nope', 'ko-KR')).toBe('nope');
    expect(formatShortDate('nope', 'ko-KR')).toBe('nope');
  });

  it('shows the time for today and the date otherwise', () => {
    const now = new Date(2026, 10, 25, 15, 0);
    const today = new Date(2026, 10, 25, 9, 30).toISOString();
    const earlier = new Date(2026, 0, 5, 9, 30).toISOString();
    expect(formatShortDate(today, 'en-US', now)).toMatch(/9:30/);
    expect(formatShortDate(earlier, 'en-US', now)).toMatch(/Jan 5, 2026/);
  });
});

describe('phoneExample', () => {
  it('follows the shop country', () => {
    expect(phoneExample('KR')).toBe('010-1234-5678');
    expect(phoneExample('US')).toBe('(213) 555-0123');
  });
});
