/**
 * The state every small history form shares: saving, and the per-field
 * errors Rust sent back. A refused save leaves what was typed untouched.
 */
import type { FieldError } from '../backend/bindings/FieldError';
import { attempt } from '../app/attempt';
import { t, type Key } from '../i18n/index.svelte';

/** Messages that read better for one field than the general one. */
const OVERRIDES: Record<string, Key> = {
  'paid_now.exceeds_balance': 'history.errors.paid_now_exceeds',
  'due.invalid_date': 'history.errors.due_invalid',
  'inquiry.required': 'history.errors.inquiry_required',
  'date.invalid_date': 'dates.errors.invalid_date',
};

export class ModalForm {
  errors = $state<FieldError[]>([]);
  saving = $state(false);

  /** The translated message for `field`, or null. */
  message(field: string): string | null {
    const e = this.errors.find((x) => x.field === field);
    if (!e) return null;
    const key = OVERRIDES[`${field}.${e.code}`] ?? (`errors.field.${e.code}` as Key);
    return t(key, { example: '' });
  }

  /** Errors for fields the form has no place for. */
  others(known: readonly string[]): FieldError[] {
    return this.errors.filter((e) => !known.includes(e.field));
  }

  /** Runs `save`; a validation refusal is kept for the fields, others reported. */
  async submit<T>(save: () => Promise<T>): Promise<T | null> {
    if (this.saving) return null;
    this.saving = true;
    let out: T | null = null;
    await attempt(
      async () => {
        out = await save();
        this.errors = [];
      },
      (err) => {
        if (err.code !== 'validation') return false;
        this.errors = err.fields;
        return true;
      },
    );
    this.saving = false;
    return out;
  }
}
