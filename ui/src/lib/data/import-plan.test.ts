import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../backend/bindings/ImportPreview';
import { blockedBy, choiceFor, importPlan } from './import-plan';

function preview(over: Partial<ImportPreview> = {}): ImportPreview {
  return {
    format: { kind: 'text', encoding: 'cp949', delimiter: 'comma' },
    headers: ['성명', '연락처'],
    mapping: ['name', 'phone'],
    header_row: 2,
    counts: { rows: 7, ok: 4, with_warnings: 2, not_imported: 1 },
    rows: [],
    rows_not_listed: 0,
    duplicates: [
      { row: 4, name: '김하늘', of: { kind: 'row', row: 3, name: '김하늘' }, reason: 'phone', suggested: 'merge' },
      { row: 6, name: '이바다', of: { kind: 'customer', id: 1, name: '이바다' }, reason: 'email', suggested: 'keep_both' },
    ],
    duplicates_total: 2,
    ...over,
  };
}

describe('import plan', () => {
  it('follows the suggestion until the owner chooses', () => {
    const p = preview();
    expect(choiceFor(p.duplicates[0], {})).toBe('merge');
    expect(importPlan(p, {})).toEqual({ added: 5, merged: 1, skipped: 0, withWarnings: 2, notImported: 1 });
    expect(importPlan(p, { 4: 'keep_both', 6: 'skip' })).toEqual({
      added: 5,
      merged: 0,
      skipped: 1,
      withWarnings: 2,
      notImported: 1,
    });
  });

  it('says why it cannot run', () => {
    const p = preview();
    expect(blockedBy(p, ['ignore', 'phone'], importPlan(p, {}))).toBe('no_name_column');
    expect(blockedBy(p, ['name', 'phone'], importPlan(p, {}))).toBeNull();
    const nobody = preview({ counts: { rows: 2, ok: 0, with_warnings: 0, not_imported: 2 }, duplicates: [] });
    expect(blockedBy(nobody, ['name'], importPlan(nobody, {}))).toBe('nobody');
  });
});
