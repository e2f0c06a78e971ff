import { describe, expect, it } from 'vitest';
import { compactMoney, formatCell, formatChange, formatMonth, formatShare, niceTicks } from './format';

describe('report formatting', () => {
  it('writes shares as percentages, and nothing to divide as a dash', () => {
    expect(formatShare(0.5, 'ko')).toBe('50%');
    expect(formatShare(65 / 150, 'en')).toBe('43.3%');
    expect(formatShare(null, 'ko')).toBe('–');
  });

  it('writes a change with its direction', () => {
    expect(formatChange(0.123, 'ko')).toBe('▲12.3%');
    expect(formatChange(-0.05, 'en')).toBe('▼5%');
    expect(formatChange(0, 'ko')).toBe('0%');
    expect(formatChange(null, 'ko')).toBe('–');
  });

  it('names months the way each language does', () => {
    expect(formatMonth('2026-03', 'ko')).toBe('3월');
    expect(formatMonth('2026-03', 'en')).toBe('Mar');
    expect(formatMonth('2026-03', 'ko', true)).toBe('2026년 3월');
  });

  it('shortens money on axes: 만 in Korean, K and M in English', () => {
    expect(compactMoney(1_200_000, 'KR', 'ko')).toBe('120만');
    expect(compactMoney(1_200_000, 'KR', 'en')).toBe('1.2M');
    expect(compactMoney(123_400, 'US', 'en')).toBe('$1.23K');
    expect(compactMoney(2_923_000, 'KR', 'ko')).toBe('292만');
  });

  it('chooses round axis steps that reach the largest value', () => {
    expect(niceTicks(53)).toEqual([0, 20, 40, 60]);
    expect(niceTicks(1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
  });

  it('formats each kind of cell', () => {
    expect(formatCell({ t: 'money', v: 65000 }, 'KR', 'ko')).toBe('65,000원');
    expect(formatCell({ t: 'days', v: null }, 'KR', 'ko')).toBe('–');
    expect(formatCell({ t: 'count', v: 1234 }, 'KR', 'en')).toBe('1,234');
  });
});
