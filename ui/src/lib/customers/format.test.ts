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
    expect(formatBirthday(b, 'en-US')).toBe('Mar 2, 1985');
  });

  it('leaves the year out when unknown, even for 29 February', () => {
    expect(formatBirthday({ year: null, month: 3, day: 2, lunar: true }, 'ko-KR')).toBe('3월 2일');
    expect(formatBirthday({ year: null, month: 2, day: 29, lunar: false }, 'en-US')).toBe('Feb 29');
  });
});

describe('dates', () => {
  it('returns unparseable text unchanged', () => {
    expect(formatDateTime('nope', 'ko-KR')).toBe('nope');
    expect(formatShortDate('nope', 'ko-KR')).toBe('nope');
  });

  it('writes every instant as its day (and time) in the one day format', () => {
    const now = new Date(2026, 10, 25, 15, 0);
    const earlier = new Date(2026, 0, 5, 17, 53).toISOString();
    const lastYear = new Date(2025, 10, 30, 9, 5).toISOString();
    expect(formatShortDate(earlier, 'ko-KR', now)).toBe('1월 5일 (월)');
    expect(formatShortDate(earlier, 'en-US', now)).toBe('Mon, Jan 5');
    // (Node's ICU may write the Korean day period as "PM"; WebKit writes 오후.)
    expect(formatDateTime(earlier, 'ko-KR', now)).toMatch(/^1월 5일 \(월\) \S+ 5:53$/);
    expect(formatDateTime(earlier, 'en-US', now)).toBe('Mon, Jan 5, 5:53 PM');
    expect(formatShortDate(lastYear, 'ko-KR', now)).toBe('2025년 11월 30일 (일)');
  });
});

describe('phoneExample', () => {
  it('follows the shop country', () => {
    expect(phoneExample('KR')).toBe('010-1234-5678');
    expect(phoneExample('US')).toBe('(213) 555-0123');
  });
});
