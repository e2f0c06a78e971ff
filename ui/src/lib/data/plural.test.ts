import { describe, expect, it } from 'vitest';
import { pluralForm } from './plural';

describe('plural forms', () => {
  it('says one row and two rows', () => {
    expect(pluralForm(1, 'en-US')).toBe('one');
    expect(pluralForm(0, 'en-US')).toBe('other');
    expect(pluralForm(2, 'en-US')).toBe('other');
    expect(pluralForm(1, 'ko-KR')).toBe('other');
  });
});
