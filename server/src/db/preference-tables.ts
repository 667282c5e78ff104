import type { ContactTableColumn } from '../domain/contact-list.js';
import type { Timestamp } from './types.js';

/* Per-user preferences (issue 13), kept apart from types.ts so each file stays about one part of the schema. */

export interface UserPreferenceTable {
  user_id: string;
  /** The contacts table's fixed columns; NULL: the default set. */
  contact_columns: ContactTableColumn[] | null;
  /** The custom-field columns, by field key; NULL: none chosen yet. */
  contact_custom_columns: string[] | null;
  updated_at: Timestamp;
}
