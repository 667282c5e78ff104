import { PREVIEW_SAMPLE, withTagsAdded, withTagsRemoved } from '../../domain/bulk-actions.js';
import type { FieldChanges } from '../../domain/history/field-changes.js';
import type { BulkContactRow } from './bulk-actions.repository.js';
import type { BulkSampleDto } from './bulk-actions.schemas.js';

/** The value an edit action changes, as the preview shows it: tags, governorate codes or [sensitivity]. */
export type EditAction = 'addTags' | 'removeTags' | 'addGovernorate' | 'setSensitivity';

export interface EditParams {
  tags: string[];
  governorate: string;
  sensitivity: string;
}

export interface ContactChange {
  row: BulkContactRow;
  before: string[];
  after: string[];
}

function valuesOf(action: EditAction, row: BulkContactRow, p: EditParams): { before: string[]; after: string[] } {
  switch (action) {
    case 'addTags':
      return { before: row.tags, after: withTagsAdded(row.tags, p.tags) };
    case 'removeTags':
      return { before: row.tags, after: withTagsRemoved(row.tags, p.tags) };
    case 'addGovernorate':
      return {
        before: row.governorates,
        after: row.governorates.includes(p.governorate) ? row.governorates : [...row.governorates, p.governorate].sort(),
      };
    case 'setSensitivity':
      return { before: [row.sensitivity], after: [p.sensitivity] };
  }
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** The contacts the action would change, each with before and after; contacts already as asked are left alone. */
export function planEdits(action: EditAction, rows: BulkContactRow[], p: EditParams): ContactChange[] {
  return rows.map((row) => ({ row, ...valuesOf(action, row, p) })).filter((c) => !same(c.before, c.after));
}

export const sampleOf = (changes: ContactChange[]): BulkSampleDto[] =>
  changes.slice(0, PREVIEW_SAMPLE).map((c) => ({ id: c.row.id, name: c.row.name, before: c.before, after: c.after }));

/** One contact's change as its history stores it: the contact's own field names and value shapes. */
export function historyChangesOf(action: EditAction, change: ContactChange): FieldChanges {
  if (action === 'setSensitivity') return { sensitivity: { old: change.before[0], new: change.after[0] } };
  return { [action === 'addGovernorate' ? 'governorates' : 'tags']: { old: change.before, new: change.after } };
}
