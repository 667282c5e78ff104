import type { ColumnType, Generated } from 'kysely';
import type { ContactKind } from '../domain/contact-kinds.js';
import type { CustomFieldOption, CustomFieldType } from '../domain/custom-fields.js';
import type { Timestamp } from './types.js';

/* Custom fields on contacts (issue 13, item 5); the values live in contact.custom_values (see ContactTable). */

export interface CustomFieldTable {
  id: Generated<string>;
  key: string;
  kinds: ContactKind[];
  type: CustomFieldType;
  label_ar: string;
  label_en: string;
  /** jsonb: the options of a choice field, written as JSON text. */
  options: ColumnType<CustomFieldOption[], string | undefined, string>;
  restricted: Generated<boolean>;
  position: Generated<number>;
  archived_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}
