import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportOptions } from '../backend/bindings/ImportOptions';
import type { ImportPreview } from '../backend/bindings/ImportPreview';

const previewImport = vi.fn();
const importCustomers = vi.fn();
vi.mock('../backend', () => ({
  previewImport: (...a: unknown[]) => previewImport(...a),
  importCustomers: (...a: unknown[]) => importCustomers(...a),
  undoImport: vi.fn(),
  toAppError: (e: unknown) => e,
}));

const { ImportFlow } = await import('./import-flow.svelte');

function preview(over: Partial<ImportPreview> = {}): ImportPreview {
  return {
    encoding: 'cp949',
    headers: ['성명', '연락할번호'],
    mapping: ['name', 'ignore'],
    header_row: 2,
    rows_total: 4,
    rows_ok: 3,
    problems: [{ row: 4, errors: [{ field: 'birthday', code: 'invalid_date' }] }],
    duplicates: [{ row: 3, name: '김하늘', existing_id: 1, existing_name: '김하늘', reason: 'name' }],
    sample: [],
    ...over,
  };
}

describe('ImportFlow', () => {
  beforeEach(() => {
    previewImport.mockReset();
    importCustomers.mockReset();
  });

  it('lets Rust guess first, then sends every column once one is changed', async () => {
    previewImport.mockResolvedValue(preview());
    const flow = new ImportFlow();
    await flow.open(' /tmp/a.csv ');
    expect(previewImport).toHaveBeenLastCalledWith('/tmp/a.csv', expect.objectContaining({ mapping: [], encoding: null }));
    expect(flow.step).toBe('preview');
    expect(flow.detected).toBe('cp949');

    flow.setColumn(1, 'phone');
    const opts = previewImport.mock.lastCall?.[1] as ImportOptions;
    expect(opts.mapping).toEqual(['name', 'phone']);
  });

  it('counts skipped duplicates and blocks on bad rows until they are left out', async () => {
    previewImport.mockResolvedValue(preview());
    const flow = new ImportFlow();
    await flow.open('/tmp/a.csv');
    expect(flow.toAdd).toBe(2); // the duplicate skips by default
    flow.setDuplicate(3, 'add_new');
    expect(flow.toAdd).toBe(3);
    expect(flow.blocked).toBe(true);
    expect(flow.canImport).toBe(false);
    flow.skipInvalid = true;
    expect(flow.canImport).toBe(true);
  });

  it('cannot import without a name column', async () => {
    previewImport.mockResolvedValue(preview({ mapping: ['ignore', 'phone'], problems: [] }));
    const flow = new ImportFlow();
    await flow.open('/tmp/a.csv');
    expect(flow.hasName).toBe(false);
    expect(flow.canImport).toBe(false);
  });

  it('keeps the answer to the newest request only', async () => {
    let first: (p: ImportPreview) => void = () => {};
    previewImport.mockReturnValueOnce(new Promise((r) => (first = r)));
    previewImport.mockResolvedValueOnce(preview({ rows_ok: 9 }));
    const flow = new ImportFlow();
    flow.path = '/tmp/a.csv';
    const slow = flow.read();
    await flow.read();
    first(preview({ rows_ok: 1 }));
    await slow;
    expect(flow.preview?.rows_ok).toBe(9);
  });

  it('reads refused rows from a validation error', async () => {
    previewImport.mockResolvedValue(preview({ problems: [] }));
    importCustomers.mockRejectedValue({
      code: 'validation',
      message: '',
      fields: [{ field: 'row.4', code: 'invalid_choice' }, { field: 'row.7', code: 'invalid_choice' }],
    });
    const flow = new ImportFlow();
    await flow.open('/tmp/a.csv');
    expect(await flow.run()).toBeNull();
    expect(flow.refusedRows).toBe(2);
    expect(flow.error).toBeNull();
  });
});
