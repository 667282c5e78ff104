import type { ColumnType, Generated } from 'kysely';
import type { ConsentBasis, ConsentFileType, ConsentKind, ConsentScope } from '../domain/consent.js';
import type { Timestamp } from './types.js';

/* Consent tables (issue 12), kept apart from types.ts so each file stays about one part of the schema. */

/** Append-only: the API inserts and reads, never updates; a withdrawal is a new row. */
export interface ConsentRecordTable {
  id: Generated<string>;
  contact_id: string;
  kind: ConsentKind;
  basis: ConsentBasis;
  scopes: ColumnType<ConsentScope[], ConsentScope[], never>;
  /** date: read it as text ('YYYY-MM-DD') in selects, so no time zone shifts a day. */
  recorded_on: ColumnType<Date, string, never>;
  note: string | null;
  recorded_by: string | null;
  created_at: Timestamp;
}

/** The scan of a record, in the database so a backup holds it. */
export interface ConsentFileTable {
  record_id: string;
  mime: ConsentFileType;
  size: number;
  sha256: string;
  bytes: Buffer;
}
