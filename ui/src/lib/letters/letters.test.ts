import { describe, expect, it } from 'vitest';
import { insertAt, placeholders, topicParticle } from './letters';

describe('letters helpers', () => {
  it('chooses 은/는 by the last syllable', () => {
    expect(topicParticle('주소')).toBe('는');
    expect(topicParticle('별명')).toBe('은');
    expect(topicParticle('abc')).toBe('은(는)');
  });
  it('inserts at the caret, replacing the selection', () => {
    expect(insertAt('안녕 님', '{이름}', 3, 3)).toEqual({ value: '안녕 {이름}님', caret: 7 });
    expect(insertAt('abcd', 'X', 1, 3)).toEqual({ value: 'aXd', caret: 2 });
  });
  it('offers the Korean placeholders to a Korean shop', () => {
    expect(placeholders('ko')).toContain('{이름}{은/는}');
    expect(placeholders('en')).toContain('{name}');
  });
});
