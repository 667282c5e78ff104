import type { ColumnType, Generated } from 'kysely';
import type { TrashEntityType } from '../domain/trash/vocabulary.js';

/* Trash tables (issue 12), kept apart from types.ts so each file stays about one part of the schema. */

type Json<T> = ColumnType<T, string, string>;

/** A deleted thing (or an undoable merge): its rows as JSON, restorable until TRASH_DAYS after deleted_at. */
export interface TrashItemTable {
  id: Generated<string>;
  entity_type: TrashEntityType;
  entity_id: string;
  label: string;
  restricted: Generated<boolean>;
  governorates: Generated<string[]>;
  deleted_by: string | null;
  deleted_at: Generated<Date>;
  /** Rows per table the restore brings back, e.g. { position: 2, relationship: 1 }. */
  counts: Json<Record<string, number>>;
  payload: Json<unknown>;
}
