import type { ColumnType, Generated } from 'kysely';
import type { ProgrammeParticipantRole } from '../domain/programmes/vocabulary.js';
import type { Timestamp } from './types.js';

/* Programmes and donors (issue 16), kept apart from types.ts so each file stays about one part of the schema. */

/** date columns: read them as text ('YYYY-MM-DD') in selects, so no time zone shifts a day. */
type DateColumn = ColumnType<Date, string, string>;

/** Every row is live: a delete moves the programme and its links to the trash (trash_item 'programme'). */
export interface ProgrammeTable {
  id: Generated<string>;
  name_ar: string;
  name_en: string | null;
  name_ku: string | null;
  starts_on: DateColumn;
  /** Null while open-ended; never before starts_on. */
  ends_on: ColumnType<Date, string | null | undefined, string | null> | null;
  goals: string | null;
  /** Free text, for the #sector of HXL and 3W exports (migration 20261205200000). */
  sector: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** A donor: a contact of kind organization (checked by the service). */
export interface ProgrammeDonorTable {
  programme_id: string;
  contact_id: string;
}

export interface ProgrammeGovernorateTable {
  programme_id: string;
  governorate_code: string;
}

export interface EventProgrammeTable {
  event_id: string;
  programme_id: string;
}

export interface InteractionProgrammeTable {
  interaction_id: string;
  programme_id: string;
}

export interface TaskProgrammeTable {
  task_id: string;
  programme_id: string;
}

export interface ProgrammeParticipantTable {
  programme_id: string;
  contact_id: string;
  role: ProgrammeParticipantRole;
  starts_on: DateColumn;
  ends_on: ColumnType<Date, string | null | undefined, string | null> | null;
  created_at: Timestamp;
}
