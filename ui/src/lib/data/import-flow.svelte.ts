/**
 * The import dialog's state: the file chosen in the system's dialog (a
 * token, never a path), what the owner chose (how to read the text,
 * columns, what to do with each duplicate), the preview Rust read with
 * those choices, and the outcome. Every choice that changes how the file
 * is read asks Rust again, so what is shown is what will be saved.
 */
import * as backend from '../backend';
import type { AppError } from '../backend/bindings/AppError';
import type { ChosenFile } from '../backend/bindings/ChosenFile';
import type { DialogText } from '../backend/bindings/DialogText';
import type { DuplicateChoice } from '../backend/bindings/DuplicateChoice';
import type { ImportField } from '../backend/bindings/ImportField';
import type { ImportOptions } from '../backend/bindings/ImportOptions';
import type { ImportOutcome } from '../backend/bindings/ImportOutcome';
import type { ImportPreview } from '../backend/bindings/ImportPreview';
import type { TextEncoding } from '../backend/bindings/TextEncoding';
import { blockedBy, importPlan, type Blocked, type Choices, type ImportPlan } from './import-plan';

export type Step = 'file' | 'preview' | 'done';

export class ImportFlow {
  file = $state<ChosenFile | null>(null);
  encoding = $state<TextEncoding | null>(null);
  /** Empty until the owner changes a column: Rust guesses from the headers. */
  mapping = $state<ImportField[]>([]);
  duplicates = $state<Choices>({});

  preview = $state<ImportPreview | null>(null);
  outcome = $state<ImportOutcome | null>(null);
  busy = $state<'choose' | 'preview' | 'import' | 'undo' | null>(null);
  error = $state<AppError | null>(null);
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

  get plan(): ImportPlan | null {
    return this.preview ? importPlan(this.preview, this.duplicates) : null;
  }

  get blocked(): Blocked {
    const p = this.preview;
    const plan = this.plan;
    return p && plan ? blockedBy(p, this.columns, plan) : 'nobody';
  }

  get canImport(): boolean {
    return this.step === 'preview' && this.blocked === null && this.busy === null;
  }

  options(): ImportOptions {
    return {
      encoding: this.encoding,
      mapping: [...this.mapping],
      duplicates: { ...this.duplicates },
    };
  }

  /** The system's open dialog; a chosen file is read at once. */
  async choose(text: DialogText): Promise<void> {
    this.busy = 'choose';
    this.error = null;
    try {
      const file = await backend.chooseImportFile(text);
      this.busy = null;
      if (file) await this.open(file);
    } catch (e) {
      this.error = backend.toAppError(e);
    } finally {
      if (this.busy === 'choose') this.busy = null;
    }
  }

  /** A new file: every choice starts again from what Rust guesses. */
  async open(file: ChosenFile): Promise<void> {
    this.file = file;
    this.encoding = null;
    this.mapping = [];
    this.duplicates = {};
    this.preview = null;
    await this.read();
  }

  /** Reads the file with the current choices; a newer request wins. */
  async read(): Promise<void> {
    if (!this.file) return;
    const asked = ++this.#asked;
    this.busy = 'preview';
    this.error = null;
    try {
      const p = await backend.previewImport(this.file.token, this.options());
      if (asked !== this.#asked) return;
      this.preview = p;
    } catch (e) {
      if (asked === this.#asked) {
        this.error = backend.toAppError(e);
        this.preview = null;
      }
    } finally {
      if (asked === this.#asked) this.busy = null;
    }
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

  /** Back to choosing a file. */
  reset() {
    this.file = null;
    this.preview = null;
    this.error = null;
  }

  async run(): Promise<ImportOutcome | null> {
    if (!this.canImport || !this.file) return null;
    this.busy = 'import';
    this.error = null;
    try {
      this.outcome = await backend.importCustomers(this.file.token, this.options());
      return this.outcome;
    } catch (e) {
      this.error = backend.toAppError(e);
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
