import { describe, expect, it } from 'vitest';
import type { Customer } from '../backend/bindings/Customer';
import {
  compactPhones,
  emptyInput,
  errorTestId,
  firstErrorField,
  inputFromCustomer,
  inputIdFor,
  prefillFromQuery,
  remapErrors,
  sameInput,
} from './form-model';

const customer: Customer = {
  id: 7,
  card_no: 123,
  name: '김민수',
  phones: [{ label: 'mobile', raw: '01012345678', e164: '+821012345678', display: '010-1234-5678' }],
  email: null,
  postal_code: '',
  address1: '',
  address2: '',
  birthday: { year: null, month: 3, day: 2, lunar: true },
  source: 'referral',
  source_note: '이영희 소개',
  memo: '',
  staff: { id: 2, name: '박지은' },
  consents: { email: null, sms: '2026-11-25', post: null },
  created_at: '2026-11-25T01:00:00Z',
  updated_at: '2026-11-25T01:00:00Z',
};

describe('inputFromCustomer', () => {
  it('keeps the typed phone, writes a yearless birthday as MM-DD', () => {
    const input = inputFromCustomer(customer);
    expect(input.phones).toEqual([{ label: 'mobile', number: '01012345678' }]);
    expect(input.birthday).toBe('03-02');
    expect(input.birthday_lunar).toBe(true);
    expect(input.staff_id).toBe(2);
    expect(input.consent_sms).toBe(true);
    expect(input.consent_email).toBe(false);
    expect(input.email).toBe('');
  });

  it('writes a full birthday as YYYY-MM-DD', () => {
    const c = { ...customer, birthday: { year: 1985, month: 3, day: 2, lunar: false } };
    expect(inputFromCustomer(c).birthday).toBe('1985-03-02');
  });
});

describe('prefillFromQuery', () => {
  it('puts digits in the phone, an address in email, the rest in the name', () => {
    expect(prefillFromQuery('5678').phones[0]!.number).toBe('5678');
    expect(prefillFromQuery('010-1234-5678').name).toBe('');
    expect(prefillFromQuery('a@b.kr').email).toBe('a@b.kr');
    expect(prefillFromQuery(' 김민수 ').name).toBe('김민수');
  });
});

describe('phones and errors', () => {
  it('drops blank phone rows and maps errors back to form rows', () => {
    const input = emptyInput();
    input.phones = [
      { label: 'mobile', number: '' },
      { label: 'home', number: '02-123' },
    ];
    const { input: sent, rowOf } = compactPhones(input);
    expect(sent.phones).toHaveLength(1);
    const errors = remapErrors([{ field: 'phones.0', code: 'invalid_phone' }], rowOf);
    expect(errors[0]!.field).toBe('phones.1');
  });

  it('names inputs and error messages for tests', () => {
    expect(inputIdFor('phones.1')).toBe('field-phone-1');
    expect(inputIdFor('postal_code')).toBe('field-postal-code');
    expect(inputIdFor('staff_id')).toBe('field-staff');
    expect(errorTestId('phones.0')).toBe('error-phones-0');
    expect(errorTestId('name')).toBe('error-name');
  });

  it('finds the first bad field in form order', () => {
    expect(
      firstErrorField([
        { field: 'birthday', code: 'invalid_date' },
        { field: 'phones.1', code: 'invalid_phone' },
        { field: 'email', code: 'invalid_email' },
      ]),
    ).toBe('phones.1');
  });

  it('compares inputs by value', () => {
    expect(sameInput(emptyInput(), emptyInput())).toBe(true);
    expect(sameInput(emptyInput(), prefillFromQuery('x'))).toBe(false);
  });
});
