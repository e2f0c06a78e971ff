/**
 * The import dialog's state: the file, what the owner chose (encoding,
 * columns, duplicates, leaving bad rows out), the preview Rust read with
 * those choices, and the outcome. Every choice re-reads the preview, so
 * what is shown is always what will be saved.
 */
import * as backend from '../backend';
import type { AppError } from '../backend/bindings/AppError';
import type { DuplicateChoice } from '../backend/bindings/DuplicateChoice';
import type { ImportField } from '../backend/bindings/ImportField';
import type { ImportOptions } from '../backend/bindings/ImportOptions';
import type { ImportOutcome } from '../backend/bindings/ImportOutcome';
import type { ImportPreview } from '../backend/bindings/ImportPreview';
import type { TextEncoding } from '../backend/bindings/TextEncoding';

export type Step = 'file' | 'preview' | 'done';

export class ImportFlow {
  path = $state('');
  encoding = $state<TextEncoding | null>(null);
  /** Empty until the owner changes a column: Rust guesses from the headers. */
  mapping = $state<ImportField[]>([]);
  duplicates = $state<Record<number, DuplicateChoice>>({});
  skipInvalid = $state(false);

  preview = $state<ImportPreview | null>(null);
  outcome = $state<ImportOutcome | null>(null);
  /** The detected encoding, kept while an override is chosen. */
  detected = $state<TextEncoding | null>(null);
  busy = $state<'preview' | 'import' | 'undo' | null>(null);
  error = $state<AppError | null>(null);
  /** Rows Rust refused on import (`row.N` fields). */
  refusedRows = $state(0);
  undone = $state(false);

  #asked = 0;

  get step(): Step {
    if (this.outcome) return 'done';
    return this.preview ? 'preview' : 'file';
  }

  /** The mapping in force: the owner's, or the one Rust guessed. */
  get columns(): ImportField[] {
    return this.mapping.length ? this.mapping : (this.preview?.mapping ?? []);
  }

  get hasName(): boolean {
    return this.columns.includes('name');
  }

  /** How many rows an import would add now. */
  get toAdd(): number {
    const p = this.preview;
    if (!p) return 0;
    const skipped = p.duplicates.filter((d) => (this.duplicates[d.row] ?? 'skip') === 'skip').length;
    return Math.max(0, p.rows_ok - skipped);
  }

  get blocked(): boolean {
    return !!this.preview && this.preview.problems.length > 0 && !this.skipInvalid;
  }

  get canImport(): boolean {
    return this.hasName && !this.blocked && this.toAdd > 0 && this.busy === null;
  }

  options(): ImportOptions {
    return {
      encoding: this.encoding,
      mapping: [...this.mapping],
      duplicates: { ...this.duplicates },
      skip_invalid: this.skipInvalid,
    };
  }

  /** Reads the file with the current choices; a newer request wins. */
  async read(): Promise<void> {
    const path = this.path.trim();
    if (!path) return;
    const asked = ++this.#asked;
    this.busy = 'preview';
    this.error = null;
    this.refusedRows = 0;
    try {
      const p = await backend.previewImport(path, this.options());
      if (asked !== this.#asked) return;
      this.preview = p;
      if (this.encoding === null) this.detected = p.encoding;
    } catch (e) {
      if (asked === this.#asked) this.error = backend.toAppError(e);
    } finally {
      if (asked === this.#asked) this.busy = null;
    }
  }

  /** A new file: every choice starts again from what Rust guesses. */
  async open(path: string): Promise<void> {
    this.path = path;
    this.encoding = null;
    this.detected = null;
    this.mapping = [];
    this.duplicates = {};
    this.preview = null;
    await this.read();
  }

  setEncoding(e: TextEncoding | null) {
    this.encoding = e;
    this.mapping = []; // headers read another way are guessed again
    void this.read();
  }

  setColumn(index: number, field: ImportField) {
    const next = [...this.columns];
    next[index] = field;
    this.mapping = next;
    void this.read();
  }

  setDuplicate(row: number, choice: DuplicateChoice) {
    this.duplicates = { ...this.duplicates, [row]: choice };
  }

  back() {
    this.preview = null;
    this.error = null;
  }

  async run(): Promise<ImportOutcome | null> {
    if (!this.canImport) return null;
    this.busy = 'import';
    this.error = null;
    try {
      this.outcome = await backend.importCustomers(this.path.trim(), this.options());
      return this.outcome;
    } catch (e) {
      const err = backend.toAppError(e);
      const rows = err.code === 'validation' ? err.fields.filter((f) => f.field.startsWith('row.')).length : 0;
      if (rows > 0) this.refusedRows = rows;
      else this.error = err;
      return null;
    } finally {
      this.busy = null;
    }
  }

  async undo(): Promise<number | null> {
    if (!this.outcome || this.undone) return null;
    this.busy = 'undo';
    try {
      const removed = await backend.undoImport(this.outcome.batch_id);
      this.undone = true;
      return removed;
    } catch (e) {
      this.error = backend.toAppError(e);
      return null;
    } finally {
      this.busy = null;
    }
  }
}
