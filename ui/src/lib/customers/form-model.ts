/**
 * The customer form's data: building it from a record or a search query,
 * telling whether it changed, and mapping field errors to inputs. The form
 * keeps exactly what was typed; Rust parses and validates.
 */
import type { Customer } from '../backend/bindings/Customer';
import type { CustomerInput } from '../backend/bindings/CustomerInput';
import type { FieldError } from '../backend/bindings/FieldError';
import type { PhoneLabel } from '../backend/bindings/PhoneLabel';
import type { Source } from '../backend/bindings/Source';

export const SOURCES: readonly Source[] = [
  'cheque',
  'business_card',
  'asked',
  'walk_in',
  'online',
  'referral',
  'other',
];

export const PHONE_LABELS: readonly PhoneLabel[] = ['mobile', 'home', 'work', 'other'];

export function emptyInput(): CustomerInput {
  return {
    name: '',
    phones: [{ label: 'mobile', number: '' }],
    email: '',
    postal_code: '',
    address1: '',
    address2: '',
    birthday: '',
    birthday_lunar: false,
    source: 'other',
    source_note: '',
    memo: '',
    staff_id: null,
    consent_email: false,
    consent_sms: false,
    consent_post: false,
  };
}

/** "--03-02" (ISO, year unknown) is typed and shown as "03-02". */
export function birthdayForField(iso: string): string {
  return iso.startsWith('--') ? iso.slice(2) : iso;
}

function birthdayIso(c: Customer): string {
  const b = c.birthday;
  if (!b) return '';
  const mm = String(b.month).padStart(2, '0');
  const dd = String(b.day).padStart(2, '0');
  return b.year === null ? `--${mm}-${dd}` : `${String(b.year).padStart(4, '0')}-${mm}-${dd}`;
}

/** The form for editing an existing customer (mirrors `Customer::to_input`). */
export function inputFromCustomer(c: Customer): CustomerInput {
  return {
    name: c.name,
    phones: c.phones.length
      ? c.phones.map((p) => ({ label: p.label, number: p.raw }))
      : [{ label: 'mobile', number: '' }],
    email: c.email ?? '',
    postal_code: c.postal_code,
    address1: c.address1,
    address2: c.address2,
    birthday: birthdayForField(birthdayIso(c)),
    birthday_lunar: c.birthday?.lunar ?? false,
    source: c.source,
    source_note: c.source_note,
    memo: c.memo,
    staff_id: c.staff?.id ?? null,
    consent_email: c.consents.email !== null,
    consent_sms: c.consents.sms !== null,
    consent_post: c.consents.post !== null,
  };
}

/** A new customer started from what was typed in the search box. */
export function prefillFromQuery(query: string): CustomerInput {
  const q = query.trim();
  const input = emptyInput();
  if (/^[\d\s()+.-]+$/.test(q) && /\d/.test(q)) input.phones = [{ label: 'mobile', number: q }];
  else if (q.includes('@')) input.email = q;
  else input.name = q;
  return input;
}

export function sameInput(a: CustomerInput, b: CustomerInput): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Blank phone rows are not sent. `rowOf[i]` is the form row of the i-th
 * phone sent, so errors on `phones.i` can be shown on the right row.
 */
export function compactPhones(input: CustomerInput): { input: CustomerInput; rowOf: number[] } {
  const rowOf: number[] = [];
  const phones = input.phones.filter((p, i) => {
    const keep = p.number.trim() !== '';
    if (keep) rowOf.push(i);
    return keep;
  });
  return { input: { ...input, phones }, rowOf };
}

export function remapErrors(errors: FieldError[], rowOf: number[]): FieldError[] {
  return errors.map((e) => {
    const m = /^phones\.(\d+)$/.exec(e.field);
    if (!m) return e;
    const row = rowOf[Number(m[1])];
    return row === undefined ? e : { ...e, field: `phones.${row}` };
  });
}

/** The id (and data-testid) of the input for an error's field. */
export function inputIdFor(field: string): string {
  const phone = /^phones\.(\d+)/.exec(field);
  if (phone) return `field-phone-${phone[1]}`;
  if (field === 'staff_id') return 'field-staff';
  return `field-${field.replace(/[._]/g, '-')}`;
}

/** `phones.0` → `error-phones-0`, `name` → `error-name`. */
export function errorTestId(field: string): string {
  return `error-${field.replace(/\./g, '-')}`;
}

/** Fields in the order they appear on the form, for "focus the first bad one". */
export const FIELD_ORDER = [
  'name',
  'phones',
  'email',
  'postal_code',
  'address1',
  'address2',
  'birthday',
  'source',
  'source_note',
  'staff_id',
  'memo',
];

export function firstErrorField(errors: FieldError[]): string | null {
  const rank = (f: string) => {
    const m = /^phones\.(\d+)$/.exec(f);
    const base = FIELD_ORDER.indexOf(m ? 'phones' : f);
    return (base < 0 ? FIELD_ORDER.length : base) * 100 + (m ? Number(m[1]) : 0);
  };
  const sorted = [...errors].sort((a, b) => rank(a.field) - rank(b.field));
  return sorted[0]?.field ?? null;
}
