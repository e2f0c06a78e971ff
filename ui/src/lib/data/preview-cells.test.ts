import { describe, expect, it } from 'vitest';
import type { PreviewRow } from '../backend/bindings/PreviewRow';
import { previewCell, previewFields } from './preview-cells';

const row: PreviewRow = {
  row: 5,
  status: 'warnings',
  saved: {
    name: '이서연',
    phones: ['010-3456-7890', '02-123-4567'],
    email: '',
    birthday: { year: 1985, month: 3, day: 2, lunar: false },
    postal_code: '',
    address1: '',
    address2: '',
    memo: '',
  },
  original: [
    { field: 'name', text: '이서연' },
    { field: 'phone', text: '01034567890' },
    { field: 'phone2', text: '02-123-4567' },
    { field: 'email', text: 'seoyeon@naver' },
    { field: 'birthday', text: '31108' },
  ],
  warnings: [{ field: 'email', code: 'not_an_email', original: 'seoyeon@naver' }],
};

describe('preview cells', () => {
  it('shows each field once, both phone columns as one', () => {
    expect(previewFields(['name', 'phone', 'ignore', 'phone2', 'email'])).toEqual(['name', 'phone', 'email']);
  });

  it('puts the saved value beside the original only when they differ', () => {
    expect(previewCell(row, 'name', 'ko-KR', '음력')).toEqual({ saved: '이서연', original: null, warnings: [] });
    expect(previewCell(row, 'phone', 'ko-KR', '음력')).toEqual({
      saved: '010-3456-7890 / 02-123-4567',
      original: '01034567890 / 02-123-4567',
      warnings: [],
    });
    expect(previewCell(row, 'birthday', 'ko-KR', '음력')).toEqual({ saved: '1985년 3월 2일', original: '31108', warnings: [] });
    const email = previewCell(row, 'email', 'en-US', 'lunar');
    expect(email.saved).toBe('');
    expect(email.original).toBe('seoyeon@naver');
    expect(email.warnings[0].code).toBe('not_an_email');
  });
});
