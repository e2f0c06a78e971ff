/**
 * One cell of the import preview: the value that will be saved, the value
 * the file has (shown only when they differ), and the warning on it. Both
 * phone columns show in one, as the customer's phones. Pure.
 */
import type { CellWarning } from '../backend/bindings/CellWarning';
import type { ImportField } from '../backend/bindings/ImportField';
import type { PreviewRow } from '../backend/bindings/PreviewRow';
import { formatBirthday } from '../customers/format';

export interface PreviewCell {
  saved: string;
  /** The file's value, when it reads differently from what is saved. */
  original: string | null;
  warnings: CellWarning[];
}

/** The columns the preview shows for a mapping: each field once, phones once. */
export function previewFields(columns: ImportField[]): ImportField[] {
  const out: ImportField[] = [];
  for (const f of columns) {
    const shown = f === 'phone2' ? 'phone' : f;
    if (shown !== 'ignore' && !out.includes(shown)) out.push(shown);
  }
  return out;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

export function previewCell(row: PreviewRow, field: ImportField, locale: string, lunar: string): PreviewCell {
  const fields = field === 'phone' ? ['phone', 'phone2'] : [field];
  const s = row.saved;
  let saved = '';
  switch (field) {
    case 'name':
      saved = s.name;
      break;
    case 'phone':
      saved = s.phones.join(' / ');
      break;
    case 'email':
      saved = s.email;
      break;
    case 'birthday':
      saved = s.birthday ? formatBirthday(s.birthday, locale) + (s.birthday.lunar ? ` (${lunar})` : '') : '';
      break;
    case 'postal_code':
      saved = s.postal_code;
      break;
    case 'address':
      saved = s.address1;
      break;
    case 'address_detail':
      saved = s.address2;
      break;
    case 'memo':
      saved = s.memo;
      break;
  }
  const original = row.original
    .filter((o) => fields.includes(o.field) && o.text !== '')
    .map((o) => o.text)
    .join(' / ');
  return {
    saved,
    original: original && !sameText(original, saved) ? original : null,
    warnings: row.warnings.filter((w) => fields.includes(w.field)),
  };
}
