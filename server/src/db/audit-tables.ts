import type { ColumnType, Generated } from 'kysely';
import type { FieldChanges } from '../domain/history/field-changes.js';
import type { Timestamp } from './types.js';

/* The audit trail and the values behind it, kept apart from types.ts so each file stays about one part of the schema. */

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changed_fields: ColumnType<string[], string[] | undefined, string[]>;
  /** jsonb; null when there is nothing to add. */
  details: unknown;
  /** The client address, on sign-ins and failed sign-ins. */
  address: string | null;
}

/** The old and new value of each field an audited change touched: `{ field: { old, new } }`, JSON values. */
export interface AuditChangeTable {
  audit_id: string;
  changes: ColumnType<FieldChanges, string, string>;
}

/** One contact changed by a bulk action (its audit row names no single record) with that contact's values. */
export interface AuditSubjectTable {
  contact_id: string;
  audit_id: string;
  changes: ColumnType<FieldChanges, string, string>;
}
