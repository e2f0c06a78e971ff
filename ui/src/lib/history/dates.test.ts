import { describe, expect, it } from 'vitest';
import { daysBetween, formatDay, isoDay, localDay } from './dates';

describe('calendar days', () => {
  it('writes a local date as YYYY-MM-DD', () => {
    expect(isoDay(new Date(2026, 0, 5))).toBe('2026-01-05');
  });

  it('moves across month ends', () => {
    expect(localDay(1, new Date(2026, 0, 31, 23, 30))).toBe('2026-02-01');
    expect(localDay(-1, new Date(2026, 2, 1, 0, 5))).toBe('2026-02-28');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2026-03-02', '2026-03-02')).toBe(0);
  });

  it('shows the year only when it is another year', () => {
    expect(formatDay('2026-03-02', 'en-US', '2026-05-01')).toBe('Mon, Mar 2');
    expect(formatDay('2025-03-02', 'en-US', '2026-05-01')).toContain('2025');
  });
});
