/**
 * How the data screens name things: import fields, the fields a row's
 * error points at, encodings, backup reasons and file sizes. Pure.
 */
import type { BackupReason } from '../backend/bindings/BackupReason';
import type { ImportField } from '../backend/bindings/ImportField';
import type { TextEncoding } from '../backend/bindings/TextEncoding';
import type { Key } from '../i18n/index.svelte';
import { formatInstant } from '../history/dates';

/** Every field a column can be matched to, in the order the select shows. */
export const IMPORT_FIELDS: readonly ImportField[] = [
  'name',
  'phone',
  'phone2',
  'email',
  'birthday',
  'postal_code',
  'address',
  'address_detail',
  'memo',
  'ignore',
];

export function fieldKey(f: ImportField): Key {
  return `data.fields.${f}`;
}

/** The import field a validation error's `field` (`phones.0`, `address1`) belongs to. */
export function fieldOfError(field: string): ImportField | null {
  const map: Record<string, ImportField> = {
    name: 'name',
    'phones.0': 'phone',
    'phones.1': 'phone2',
    email: 'email',
    birthday: 'birthday',
    postal_code: 'postal_code',
    address1: 'address',
    address2: 'address_detail',
    memo: 'memo',
  };
  return map[field] ?? (field.startsWith('phones.') ? 'phone' : null);
}

/** The encoding's name; null (an Excel file has none) reads as “Excel file”. */
export function encodingKey(e: TextEncoding | null): Key {
  return e ? `data.encodings.${e}` : 'data.encodings.excel';
}

export function reasonKey(r: BackupReason): Key {
  return `data.reason.${r}`;
}

/** `phone`, `email` or `name`; anything else reads as the name. */
export function duplicateReasonKey(r: string): Key {
  return r === 'phone' || r === 'email' ? `data.reasons.${r}` : 'data.reasons.name';
}

/** 812 B, 14.2 KB, 3.4 MB. */
export function formatSize(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let n = bytes;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  const digits = i === 0 || n >= 100 ? 0 : 1;
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  return `${text} ${units[i]}`;
}

/** Export by extension: `.xlsx` writes Excel, anything else CSV. */
export function withExtension(path: string, ext: 'xlsx' | 'csv'): string {
  const trimmed = path.trim();
  if (!trimmed) return trimmed;
  return /\.(xlsx|csv)$/i.test(trimmed) ? trimmed : `${trimmed}.${ext}`;
}

/** When a backup was made, to the second: two made in one minute differ. */
export function formatBackupTime(iso: string, locale: string): string {
  return formatInstant(iso, locale, new Date(), true);
}
