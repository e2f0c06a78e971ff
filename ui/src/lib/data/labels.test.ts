import { describe, expect, it } from 'vitest';
import { duplicateReasonKey, encodingKey, formatKey, formatSize, importReasonKey, refusalText } from './labels';

describe('data labels', () => {
  it('names formats and encodings in plain words', () => {
    expect(formatKey({ kind: 'xlsx', encoding: null, delimiter: null })).toBe('data.format.xlsx');
    expect(formatKey({ kind: 'text', encoding: 'utf16_le', delimiter: 'tab' })).toBe('data.format.text_tab');
    expect(encodingKey('cp949')).toBe('data.encodings.cp949');
    expect(importReasonKey('name_and_birthday')).toBe('data.import.reasons.name_and_birthday');
    expect(duplicateReasonKey('email')).toBe('data.reasons.email');
    expect(duplicateReasonKey('something')).toBe('data.reasons.name');
  });

  it('says why a file was refused with its numbers', () => {
    expect(refusalText({ reason: 'too_big', bytes: 73_400_320, limit: 52_428_800 }, 'en-US')).toEqual({
      key: 'data.refused.too_big',
      params: { size: '70 MB', limit: '50 MB' },
    });
    expect(refusalText({ reason: 'sheet_too_large', range: 'A1:XFD1048576', limit: 1_000_000 }, 'ko-KR').params).toEqual({
      range: 'A1:XFD1048576',
    });
    expect(refusalText({ reason: 'not_a_spreadsheet', kind: 'compound' }, 'ko-KR').params).toEqual({ kind: 'other' });
    expect(refusalText({ reason: 'encrypted' }, 'ko-KR').key).toBe('data.refused.encrypted');
  });

  it('writes sizes the short way', () => {
    expect(formatSize(812, 'en-US')).toBe('812 B');
    expect(formatSize(14_540, 'en-US')).toBe('14.2 KB');
    expect(formatSize(3_565_158, 'en-US')).toBe('3.4 MB');
  });
});
