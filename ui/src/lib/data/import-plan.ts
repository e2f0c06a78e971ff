/**
 * What an import will do with the owner's choices, read from the preview
 * Rust made: how many people come in, how many with warnings, how many are
 * merged or skipped, and why the button cannot run. Pure, so the button's
 * words are tested without a window.
 */
import type { DuplicateChoice } from '../backend/bindings/DuplicateChoice';
import type { ImportField } from '../backend/bindings/ImportField';
import type { ImportPreview } from '../backend/bindings/ImportPreview';
import type { RowDuplicate } from '../backend/bindings/RowDuplicate';

export type Choices = Record<number, DuplicateChoice>;

export function choiceFor(d: RowDuplicate, choices: Choices): DuplicateChoice {
  return choices[d.row] ?? d.suggested;
}

export interface ImportPlan {
  /** New customers. */
  added: number;
  /** Rows merged into someone already known. */
  merged: number;
  skipped: number;
  /** Imported rows (new or merged) with a cell left out. */
  withWarnings: number;
  /** Rows without a name. */
  notImported: number;
}

export function importPlan(p: ImportPreview, choices: Choices): ImportPlan {
  let merged = 0;
  let skipped = 0;
  for (const d of p.duplicates) {
    const c = choiceFor(d, choices);
    if (c === 'merge') merged++;
    else if (c === 'skip') skipped++;
  }
  const imported = p.counts.ok + p.counts.with_warnings;
  return {
    added: Math.max(0, imported - merged - skipped),
    merged,
    skipped,
    withWarnings: p.counts.with_warnings,
    notImported: p.counts.not_imported,
  };
}

/** Why the import cannot run now; null when it can. */
export type Blocked = 'no_name_column' | 'nobody' | null;

export function blockedBy(p: ImportPreview, columns: ImportField[], plan: ImportPlan): Blocked {
  if (!columns.includes('name')) return 'no_name_column';
  if (plan.added + plan.merged === 0) return 'nobody';
  return null;
}
