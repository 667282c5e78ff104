import type { ColumnType, Generated, Selectable } from 'kysely';
import type { ContactKind, Gender, OrganizationSubtype, Sensitivity } from '../domain/contact-kinds.js';
import type { EventType, InvitationRole, InvitationStatus, QuotaDimension } from '../domain/events/vocabulary.js';
import type { ImportAction, ImportChange, ImportChangeEntityType, ImportFormat, ImportStatus } from '../domain/imports/import-batch.js';
import type { ImportDecision, ImportOutcome } from '../domain/imports/import-fields.js';
import type { InteractionKind } from '../domain/interaction-kinds.js';
import type { StatusChangeSource } from '../domain/outreach/vocabulary.js';
import type { ApiTokenTable, UserRecoveryCodeTable, UserTotpTable } from './account-security-tables.js';
import type { EventMessageTemplateTable, InvitationLinkTable, OutreachJobTable, OutreachMessageTable } from './outreach-tables.js';
import type { TrashItemTable } from './trash-tables.js';
import type { Role } from '../domain/roles.js';
import type { ConsentFileTable, ConsentRecordTable } from './consent-tables.js';
import type { TaskTable } from './task-tables.js';
import type { AuditChangeTable, AuditLogTable, AuditSubjectTable } from './audit-tables.js';
import type { SegmentTable } from './segment-tables.js';
import type { CustomFieldTable } from './custom-field-tables.js';
import type { CustomValues } from '../domain/custom-fields.js';
import type {
  EventProgrammeTable,
  InteractionProgrammeTable,
  ProgrammeDonorTable,
  ProgrammeGovernorateTable,
  ProgrammeParticipantTable,
  ProgrammeTable,
  TaskProgrammeTable,
} from './programme-tables.js';

/*
 * Columns that a migration constrains to a list of values (CHECK ... IN (...)) are typed with the domain's union for
 * that list, so rows need no casts; tests/db/row-types-match-schema.test.ts checks that the lists and the CHECK
 * constraints agree.
 */

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface GovernorateTable {
  code: string;
  pcode: string | null;
  name_en: string;
  name_ar: string;
  name_ku: string;
  kurdistan_region: boolean;
  sort_order: number;
}

export interface AppUserTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  active: Generated<boolean>;
  governorates: string[] | null;
  last_login_at: Date | null;
  /** Tokens carry the version they were issued under; increasing it ends every earlier session. */
  session_version: Generated<number>;
  password_changed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ContactTable {
  id: Generated<string>;
  kind: ContactKind;
  subtype: OrganizationSubtype | null;
  name: string;
  name_latin: string | null;
  name_ku: string | null;
  name_first: string | null;
  name_father: string | null;
  name_grandfather: string | null;
  name_family: string | null;
  gender: Gender | null;
  phones: ColumnType<string[], string[] | undefined, string[]>;
  emails: ColumnType<string[], string[] | undefined, string[]>;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  notes: string | null;
  sensitivity: Generated<Sensitivity>;
  source: string | null;
  consent_note: string | null;
  created_by: string | null;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  search_terms: ColumnType<string[], string[] | undefined, string[]>;
  phone_digits: Generated<string>;
  search_version: Generated<number>;
  /** jsonb: custom field values by key (domain/custom-fields.ts), written as JSON text. */
  custom_values: ColumnType<CustomValues, string | undefined, string>;
}

export interface SearchWordTable {
  word: string;
}

export interface SearchWordVariantTable {
  variant: string;
  word: string;
}

export interface ContactGovernorateTable {
  contact_id: string;
  governorate_code: string;
}

export interface AppMetaTable {
  key: string;
  value: unknown;
  updated_at: Timestamp;
}

/** date columns: read them as text ('YYYY-MM-DD') in selects, so no time zone shifts a day. */
type DateColumn = ColumnType<Date, string | null | undefined, string | null>;

export interface PositionTable {
  id: Generated<string>;
  person_id: string;
  organization_id: string;
  title: string;
  is_focal_point: Generated<boolean>;
  start_date: DateColumn | null;
  end_date: DateColumn | null;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface RelationshipTypeTable {
  id: Generated<string>;
  key: string;
  label_forward_ar: string;
  label_forward_en: string;
  label_reverse_ar: string;
  label_reverse_en: string;
  symmetric: Generated<boolean>;
  created_at: Timestamp;
}

export interface RelationshipTable {
  id: Generated<string>;
  type_id: string;
  from_contact_id: string;
  to_contact_id: string;
  start_date: DateColumn | null;
  end_date: DateColumn | null;
  strength: number | null;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface InteractionTable {
  id: Generated<string>;
  kind: InteractionKind;
  occurred_on: ColumnType<Date, string, string>;
  summary: string;
  follow_up_on: DateColumn | null;
  follow_up_done: Generated<boolean>;
  logged_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface InteractionParticipantTable {
  interaction_id: string;
  contact_id: string;
}

export interface EventTable {
  id: Generated<string>;
  title: string;
  type: EventType;
  starts_at: Timestamp;
  ends_at: Timestamp;
  governorate_code: string | null;
  venue: string | null;
  capacity: number | null;
  description: string | null;
  /** The organiser's phone shown on the public reply page. */
  contact_phone: string | null;
  /** The .ics SEQUENCE: goes up when starts_at or ends_at changes. */
  schedule_sequence: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface EventQuotaTable {
  id: Generated<string>;
  event_id: string;
  dimension: QuotaDimension;
  value: string;
  min_count: number | null;
  max_count: number | null;
  /** numeric comes back from pg as a string. */
  min_share: ColumnType<string | null, number | string | null, number | string | null>;
}

export interface EventGroupTable {
  id: Generated<string>;
  event_id: string;
  name: string;
  facilitator_id: string | null;
  size: number | null;
  sort_order: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface InvitationTable {
  id: Generated<string>;
  event_id: string;
  contact_id: string;
  representative_id: string | null;
  /** Generated: COALESCE(representative_id, contact_id). */
  attendee_id: ColumnType<string, never, never>;
  role: Generated<InvitationRole>;
  status: Generated<InvitationStatus>;
  group_id: string | null;
  walk_in: Generated<boolean>;
  /** jsonb; null for invitations not added from a suggestion. */
  suggestion_reason: unknown;
  /** The governorate this invitation counts toward in governorate quotas; null = the contact's first. */
  quota_governorate: string | null;
  /** Short code for the door (badge QR, typed at check-in); made by the database: invitation_check_in_code(). */
  check_in_code: Generated<string>;
  status_changed_at: Timestamp;
  status_changed_by: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface InvitationStatusChangeTable {
  id: Generated<string>;
  invitation_id: string;
  /** Not CHECK-constrained: written only from invitation.status, which is. */
  from_status: InvitationStatus | null;
  to_status: InvitationStatus;
  changed_at: Timestamp;
  changed_by: string | null;
  source: Generated<StatusChangeSource>;
  /** The invitee's short note with an answer through the reply link. */
  note: string | null;
}

export interface EventSuggestionDismissalTable {
  event_id: string;
  contact_id: string;
  dismissed_by: string | null;
  dismissed_at: Timestamp;
}

export interface ImportBatchTable {
  id: Generated<string>;
  file_name: string;
  format: ImportFormat;
  encoding: string | null;
  delimiter: string | null;
  status: ImportStatus;
  headers: ColumnType<string[], string, string>;
  mapping: ColumnType<string[] | null, string | null, string | null>;
  defaults: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  row_count: number;
  blank_rows: Generated<number>;
  counts: ColumnType<Record<string, number> | null, string | null, string | null>;
  processed: Generated<number>;
  total: Generated<number>;
  result: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  error: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  committed_at: Timestamp | null;
  undone_at: Timestamp | null;
}

/** jsonb columns of an import row: read as parsed JSON, written as JSON text. */
type Json<T> = ColumnType<T, string | null | undefined, string | null>;

export interface ImportRowTable {
  import_id: string;
  row_number: number;
  raw: ColumnType<string[], string, string>;
  outcome: ImportOutcome | null;
  name: string | null;
  draft: Json<Record<string, unknown> | null>;
  errors: Json<unknown[] | null>;
  warnings: Json<string[] | null>;
  matched_contact_id: string | null;
  match_reasons: Json<unknown[] | null>;
  candidates: Json<unknown[] | null>;
  duplicate_of_row: number | null;
  decision: ImportDecision | null;
  action: ImportAction | null;
  contact_id: string | null;
  messages: Json<string[] | null>;
  applied: Generated<boolean>;
}

export interface ImportChangeTable {
  id: Generated<string>;
  import_id: string;
  entity_type: ImportChangeEntityType;
  entity_id: string;
  change: ImportChange;
  before: Json<Record<string, unknown> | null>;
  version_after: number | null;
}

export interface ContactMatchKeyTable {
  contact_id: string;
  version: number;
  name_key: string;
  name_skeleton: string;
}

export interface DuplicateDismissalTable {
  contact_a: string;
  contact_b: string;
  dismissed_by: string | null;
  dismissed_at: Timestamp;
}

export interface RateLimitHitTable {
  key: string;
  window_start: Timestamp;
  hits: number;
}

export interface DB {
  rate_limit_hit: RateLimitHitTable;
  import_batch: ImportBatchTable;
  import_row: ImportRowTable;
  import_change: ImportChangeTable;
  contact_match_key: ContactMatchKeyTable;
  duplicate_dismissal: DuplicateDismissalTable;
  event: EventTable;
  event_quota: EventQuotaTable;
  event_group: EventGroupTable;
  invitation: InvitationTable;
  invitation_status_change: InvitationStatusChangeTable;
  invitation_link: InvitationLinkTable;
  event_message_template: EventMessageTemplateTable;
  outreach_message: OutreachMessageTable;
  outreach_job: OutreachJobTable;
  event_suggestion_dismissal: EventSuggestionDismissalTable;
  position: PositionTable;
  relationship_type: RelationshipTypeTable;
  relationship: RelationshipTable;
  interaction: InteractionTable;
  interaction_participant: InteractionParticipantTable;
  app_meta: AppMetaTable;
  governorate: GovernorateTable;
  app_user: AppUserTable;
  user_totp: UserTotpTable;
  user_recovery_code: UserRecoveryCodeTable;
  api_token: ApiTokenTable;
  contact: ContactTable;
  contact_governorate: ContactGovernorateTable;
  search_word: SearchWordTable;
  search_word_variant: SearchWordVariantTable;
  audit_log: AuditLogTable;
  audit_change: AuditChangeTable;
  audit_subject: AuditSubjectTable;
  trash_item: TrashItemTable;
  consent_record: ConsentRecordTable;
  consent_file: ConsentFileTable;
  task: TaskTable;
  segment: SegmentTable;
  custom_field: CustomFieldTable;
  programme: ProgrammeTable;
  programme_donor: ProgrammeDonorTable;
  programme_governorate: ProgrammeGovernorateTable;
  programme_participant: ProgrammeParticipantTable;
  event_programme: EventProgrammeTable;
  interaction_programme: InteractionProgrammeTable;
  task_programme: TaskProgrammeTable;
}

export type GovernorateRow = Selectable<GovernorateTable>;
