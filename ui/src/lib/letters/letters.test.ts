import { describe, expect, it } from 'vitest';
import { insertAt, placeholders } from './letters';

describe('letters helpers', () => {
  it('inserts at the caret, replacing the selection', () => {
    expect(insertAt('안녕 님', '{이름}', 3, 3)).toEqual({ value: '안녕 {이름}님', caret: 7 });
    expect(insertAt('abcd', 'X', 1, 3)).toEqual({ value: 'aXd', caret: 2 });
  });
  it('offers her name with 님 to a Korean shop, never a bare name', () => {
    const ko = placeholders('ko', 'birthday');
    expect(ko).toEqual(expect.arrayContaining(['{이름} 님', '{이름} 님께', '{이름} 님의', '{생일}']));
    expect(ko).not.toContain('{이름}');
    expect(placeholders('en')).toContain('{name}');
  });
  it('offers whose day in a family letter and no coupon in mourning', () => {
    expect(placeholders('ko', 'parent_birthday')).toEqual(expect.arrayContaining(['{가족}', '{생일}']));
    expect(placeholders('en', 'child_birthday')).toContain('{family}');
    expect(placeholders('ko', 'condolence')).not.toContain('{쿠폰}');
    expect(placeholders('en', 'memorial')).not.toContain('{coupon}');
    expect(placeholders('ko', 'seollal')).not.toContain('{가족}');
  });
});
