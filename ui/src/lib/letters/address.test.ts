import { describe, expect, it } from 'vitest';
import { addressLines, hasAddress } from './address';

const kim = { name: '김민수', postal_code: '06236', address1: '서울 강남구 테헤란로 1', address2: '101동 202호' };

describe('address lines', () => {
  it('writes a Korean address in Korean order', () => {
    expect(addressLines('KR', kim)).toEqual(['우편번호 06236', '서울 강남구 테헤란로 1', '101동 202호', '김민수 님']);
  });
  it('writes an American address name first, postal line last', () => {
    const jane = { name: 'Jane Doe', postal_code: 'Springfield, IL 62704', address1: '12 Oak St', address2: 'Apt 3' };
    expect(addressLines('US', jane)).toEqual(['Jane Doe', '12 Oak St, Apt 3', 'Springfield, IL 62704']);
  });
  it('leaves blank parts out and knows who has no address', () => {
    expect(addressLines('KR', { ...kim, postal_code: '', address2: '' })).toEqual(['서울 강남구 테헤란로 1', '김민수 님']);
    expect(hasAddress({ ...kim, address1: ' ' })).toBe(false);
  });
});
