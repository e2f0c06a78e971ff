import { describe, expect, it } from 'vitest';
import { duplicateReasonKey, encodingKey, fieldOfError, formatSize, withExtension } from './labels';

describe('data labels', () => {
  it('points row errors at the import field', () => {
    expect(fieldOfError('phones.0')).toBe('phone');
    expect(fieldOfError('phones.1')).toBe('phone2');
    expect(fieldOfError('address1')).toBe('address');
    expect(fieldOfError('birthday')).toBe('birthday');
    expect(fieldOfError('consent')).toBeNull();
  });

  it('names encodings and reasons', () => {
    expect(encodingKey('cp949')).toBe('data.encodings.cp949');
    expect(encodingKey(null)).toBe('data.encodings.excel');
    expect(duplicateReasonKey('email')).toBe('data.reasons.email');
    expect(duplicateReasonKey('something')).toBe('data.reasons.name');
  });

  it('writes sizes the short way', () => {
    expect(formatSize(812, 'en-US')).toBe('812 B');
    expect(formatSize(14_540, 'en-US')).toBe('14.2 KB');
    expect(formatSize(3_565_158, 'en-US')).toBe('3.4 MB');
  });

  it('adds the extension only when missing', () => {
    expect(withExtension('C:\\a\\list', 'xlsx')).toBe('C:\\a\\list.xlsx');
    expect(withExtension('/tmp/a.CSV', 'xlsx')).toBe('/tmp/a.CSV');
    expect(withExtension('  ', 'csv')).toBe('');
  });
});
