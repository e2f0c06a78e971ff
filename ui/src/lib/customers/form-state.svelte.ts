/**
 * The customer form's live state: what is typed, which fields were
 * touched, the errors Rust reported, and saving. Errors are shown only for
 * touched fields until the first save attempt, then for all fields.
 */
import * as backend from '../backend';
import type { Customer } from '../backend/bindings/Customer';
import type { CustomerInput } from '../backend/bindings/CustomerInput';
import type { FieldError } from '../backend/bindings/FieldError';
import { attempt } from '../app/attempt';
import { compactPhones, remapErrors } from './form-model';

export class CustomerFormState {
  input = $state<CustomerInput>() as CustomerInput;
  errors = $state<FieldError[]>([]);
  touched = $state<Record<string, boolean>>({});
  submitted = $state(false);
  saving = $state(false);
  #initial = '';
  #validateSeq = 0;

  constructor(initial: CustomerInput) {
    this.reset(initial);
  }

  reset(value: CustomerInput) {
    this.input = JSON.parse(JSON.stringify(value)) as CustomerInput;
    this.#initial = JSON.stringify(value);
    this.errors = [];
    this.touched = {};
    this.submitted = false;
  }

  get dirty(): boolean {
    return JSON.stringify($state.snapshot(this.input)) !== this.#initial;
  }

  /** The error to show for `field`, if any is due to be shown. */
  errorOf(field: string): FieldError | undefined {
    if (!this.submitted && !this.touched[field]) return undefined;
    return this.errors.find((e) => e.field === field);
  }

  /** Errors for fields the form has no place for, shown at the top. */
  get otherErrors(): FieldError[] {
    if (!this.submitted) return [];
    const known = /^(name|phones\.\d+|email|postal_code|address1|address2|birthday|source|source_note|staff_id|memo)$/;
    return this.errors.filter((e) => !known.test(e.field));
  }

  #payload() {
    return compactPhones($state.snapshot(this.input) as CustomerInput);
  }

  /** A field lost focus: mark it and check the whole form early. */
  async touch(field: string) {
    this.touched[field] = true;
    await this.validate();
  }

  async validate() {
    const mine = ++this.#validateSeq;
    const { input, rowOf } = this.#payload();
    try {
      const errors = await backend.validateCustomer(input);
      if (mine === this.#validateSeq && !this.saving) this.errors = remapErrors(errors, rowOf);
    } catch {
      // Early checks are a courtesy; saving reports real problems.
    }
  }

  /** Phone rows shifted: forget per-row state and check again. */
  phonesChanged() {
    for (const key of Object.keys(this.touched)) {
      if (key.startsWith('phones.')) delete this.touched[key];
    }
    this.errors = this.errors.filter((e) => !e.field.startsWith('phones.'));
    void this.validate();
  }

  /**
   * The saved customer, or null: field errors are then on the form
   * (`errors`), anything else was reported.
   */
  async save(editId: number | undefined): Promise<Customer | null> {
    this.submitted = true;
    this.saving = true;
    this.#validateSeq++;
    const { input, rowOf } = this.#payload();
    let customer: Customer | null = null;
    await attempt(
      async () => {
        customer =
          editId === undefined
            ? await backend.createCustomer(input)
            : await backend.updateCustomer(editId, input);
        this.#initial = JSON.stringify($state.snapshot(this.input));
        this.errors = [];
      },
      (error) => {
        if (error.code !== 'validation') return false;
        this.errors = remapErrors(error.fields, rowOf);
        return true;
      },
    );
    this.saving = false;
    return customer;
  }
}
