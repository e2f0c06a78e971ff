import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportOptions } from '../backend/bindings/ImportOptions';
import type { ImportPreview } from '../backend/bindings/ImportPreview';

const chooseImportFile = vi.fn();
const previewImport = vi.fn();
const importCustomers = vi.fn();
vi.mock('../backend', () => ({
  chooseImportFile: (...a: unknown[]) => chooseImportFile(...a),
  previewImport: (...a: unknown[]) => previewImport(...a),
  importCustomers: (...a: unknown[]) => importCustomers(...a),
  undoImport: vi.fn(),
  toAppError: (e: unknown) => e,
}));

const { ImportFlow } = await import('./import-flow.svelte');

function preview(over: Partial<ImportPreview> = {}): ImportPreview {
  return {
    format: { kind: 'text', encoding: 'cp949', delimiter: 'comma' },
    headers: ['성명', '연락할번호'],
    mapping: ['name', 'ignore'],
    header_row: 2,
    counts: { rows: 4, ok: 2, with_warnings: 1, not_imported: 1 },
    rows: [],
    rows_not_listed: 0,
    duplicates: [
      { row: 3, name: '김하늘', of: { kind: 'customer', id: 1, name: '김하늘' }, reason: 'phone', suggested: 'merge' },
    ],
    duplicates_total: 1,
    ...over,
  };
}

const FILE = { token: 7, name: '고객.csv', size_bytes: 120 };
const TEXT = { title: '', filter: '', file_name: '' };

describe('ImportFlow', () => {
  beforeEach(() => {
    chooseImportFile.mockReset();
    previewImport.mockReset();
    importCustomers.mockReset();
  });

  it('reads the file the owner chose by its token, and sends every column once one is changed', async () => {
    chooseImportFile.mockResolvedValue(FILE);
    previewImport.mockResolvedValue(preview());
    const flow = new ImportFlow();
    await flow.choose(TEXT);
    expect(previewImport).toHaveBeenLastCalledWith(7, expect.objectContaining({ mapping: [], encoding: null }));
    expect(flow.step).toBe('preview');

    flow.setColumn(1, 'phone');
    const opts = previewImport.mock.lastCall?.[1] as ImportOptions;
    expect(opts.mapping).toEqual(['name', 'phone']);
  });

  it('stays on the first step when the dialog is closed', async () => {
    chooseImportFile.mockResolvedValue(null);
    const flow = new ImportFlow();
    await flow.choose(TEXT);
    expect(previewImport).not.toHaveBeenCalled();
    expect(flow.step).toBe('file');
    expect(flow.busy).toBeNull();
  });

  it('counts merges and skips, and can run with warnings and no checkbox', async () => {
    previewImport.mockResolvedValue(preview());
    const flow = new ImportFlow();
    await flow.open(FILE);
    expect(flow.plan).toEqual({ added: 2, merged: 1, skipped: 0, withWarnings: 1, notImported: 1 });
    expect(flow.canImport).toBe(true);
    flow.setDuplicate(3, 'skip');
    expect(flow.plan?.added).toBe(2);
    expect(flow.plan?.skipped).toBe(1);
  });

  it('cannot import without a name column, and says so', async () => {
    previewImport.mockResolvedValue(preview({ mapping: ['ignore', 'phone'] }));
    const flow = new ImportFlow();
    await flow.open(FILE);
    expect(flow.blocked).toBe('no_name_column');
    expect(flow.canImport).toBe(false);
  });

  it('keeps the answer to the newest request only', async () => {
    let first: (p: ImportPreview) => void = () => {};
    previewImport.mockReturnValueOnce(new Promise((r) => (first = r)));
    previewImport.mockResolvedValueOnce(preview({ header_row: 9 }));
    const flow = new ImportFlow();
    flow.file = FILE;
    const slow = flow.read();
    await flow.read();
    first(preview({ header_row: 1 }));
    await slow;
    expect(flow.preview?.header_row).toBe(9);
  });

  it('keeps a refused file as an error to show', async () => {
    previewImport.mockRejectedValue({
      code: 'file_refused',
      message: '',
      fields: [],
      file: { reason: 'sheet_too_large', range: 'A1:XFD1048576', limit: 1000000 },
    });
    const flow = new ImportFlow();
    await flow.open(FILE);
    expect(flow.step).toBe('file');
    expect(flow.error?.file?.reason).toBe('sheet_too_large');
  });
});
