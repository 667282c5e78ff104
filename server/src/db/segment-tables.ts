import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './types.js';

/* Saved segments (issue 13), kept apart from types.ts so each file stays about one part of the schema. */

export interface SegmentTable {
  id: Generated<string>;
  name: string;
  owner_id: string;
  shared: Generated<boolean>;
  /** jsonb: the contacts list's filter, validated by its TypeBox schema before it is written. */
  filter: ColumnType<unknown, string, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}
