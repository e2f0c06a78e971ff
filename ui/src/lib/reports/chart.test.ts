import { describe, expect, it } from 'vitest';
import { chartBox, labelWidth } from './chart';

describe('chart box', () => {
  it('draws at the real width, never narrower than a phone-sized card', () => {
    expect(chartBox(600, 200, 8).plotW).toBe(600 - 48 - 8);
    expect(chartBox(100, 200, 8).W).toBe(280);
    expect(chartBox(600, 200, 8).plotH).toBe(200 - 20 - 26);
  });

  it('counts Hangul wider than digits', () => {
    expect(labelWidth('214만')).toBeCloseTo(10.5 * 0.6 * 3 + 10.5);
    expect(labelWidth('58')).toBeCloseTo(12.6);
  });
});
