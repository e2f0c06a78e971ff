/**
 * How the data screens name things: import fields, file formats and text
 * encodings in plain words, refused files, backup reasons and file sizes.
 * Pure.
 */
import type { BackupProblem } from '../backend/bindings/BackupProblem';
import type { BackupReason } from '../backend/bindings/BackupReason';
import type { ImportField } from '../backend/bindings/ImportField';
import type { DuplicateReason } from '../backend/bindings/DuplicateReason';
import type { FileFormat } from '../backend/bindings/FileFormat';
import type { FileRefusal } from '../backend/bindings/FileRefusal';
import type { TextEncoding } from '../backend/bindings/TextEncoding';
import type { Key } from '../i18n/index.svelte';
import type { Params } from '../i18n/messages';
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

/** How a text file's characters were written, in plain words. */
export function encodingKey(e: TextEncoding): Key {
  return `data.encodings.${e}`;
}

/** The same, as a technician would name it (shown behind 자세히). */
export const ENCODING_NAMES: Record<TextEncoding, string> = {
  utf8: 'UTF-8',
  utf8_bom: 'UTF-8 (BOM)',
  utf16_le: 'UTF-16 LE',
  utf16_be: 'UTF-16 BE',
  cp949: 'CP949 (EUC-KR)',
  windows1252: 'Windows-1252',
};

/** What kind of file it was: an Excel file, or text cut by commas or tabs. */
export function formatKey(f: FileFormat): Key {
  if (f.kind !== 'text') return `data.format.${f.kind}`;
  return `data.format.text_${f.delimiter ?? 'comma'}`;
}

/** Why an import row looks like someone known. */
export function importReasonKey(r: DuplicateReason): Key {
  return `data.import.reasons.${r}`;
}

/** A refused file, said plainly: the message key and its values. */
export function refusalText(r: FileRefusal, locale: string): { key: Key; params: Params } {
  switch (r.reason) {
    case 'too_big':
      return { key: 'data.refused.too_big', params: { size: formatSize(r.bytes, locale), limit: formatSize(r.limit, locale) } };
    case 'too_many_cells':
      return { key: 'data.refused.too_many_cells', params: { limit: r.limit.toLocaleString(locale) } };
    case 'sheet_too_large':
      return { key: 'data.refused.sheet_too_large', params: { range: r.range } };
    case 'not_a_spreadsheet': {
      const known = ['pdf', 'hwp', 'doc', 'docx', 'html', 'ods', 'xlsb', 'image', 'zip', 'rtf'];
      const kind = known.includes(r.kind) ? r.kind : 'other';
      return { key: 'data.refused.not_a_spreadsheet', params: { kind: kind } };
    }
    default:
      return { key: `data.refused.${r.reason}`, params: {} };
  }
}

export function reasonKey(r: BackupReason): Key {
  return `data.reason.${r}`;
}

/** `phone`, `email` or `name` (duplicate customers already in the shop). */
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

/** When a backup was made, to the second: two made in one minute differ. */
export function formatBackupTime(iso: string, locale: string): string {
  return formatInstant(iso, locale, new Date(), true);
}

/** Why a backup cannot be restored, in the owner's words. */
export function problemKey(p: BackupProblem): Key {
  return `data.backup.problem_${p}`;
}
