import { describe, expect, it } from 'vitest';
import { interpolate, lookup, translate } from './messages';

describe('translate', () => {
  it('finds nested keys in each language', () => {
    expect(translate('ko', 'common.nav.customers')).toBe('고객 목록');
    expect(translate('en', 'common.nav.customers')).toBe('Customers');
  });

  it('fills in parameters', () => {
    expect(translate('ko', 'customers.delete.title', { name: '김민수' })).toBe(
      '김민수 고객을 삭제할까요?',
    );
  });

  it('leaves unknown placeholders and missing keys visible', () => {
    expect(interpolate('{a} {b}', { a: 1 })).toBe('1 {b}');
    expect(lookup({ a: { b: 'x' } }, 'a.c')).toBeUndefined();
  });
});
