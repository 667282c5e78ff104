import type { Db } from '../../db/database.js';
import type { FieldChanges } from '../../domain/history/field-changes.js';
import type { AuditAction } from '../../domain/audit/audit-actions.js';

export interface AuditEntry {
  userId: string | null;
  action: AuditAction;
  entityType:
    | 'contact'
    | 'user'
    | 'api_token'
    | 'position'
    | 'relationship'
    | 'relationship_type'
    | 'interaction'
    | 'event'
    | 'event_group'
    | 'invitation'
    | 'reply_link'
    | 'outreach_message'
    | 'import'
    | 'duplicate'
    | 'partnership'
    | 'settings'
    | 'stats'
    | 'consent_record'
    | 'task'
    | 'segment'
    | 'custom_field'
    | 'programme'
    /** The full export of everything the organisation holds. */
    | 'directory';
  entityId: string | null;
  /** Names of the fields that changed; the log itself holds no values, so it never becomes a second copy of phone lists. */
  changedFields?: string[];
  /**
   * The old and new values, for the record's history (audit_change, erased with the record). changedFields defaults
   * to its keys. Only for records a history is shown for: contacts, positions, relationships, interactions, events,
   * invitations.
   */
  changes?: FieldChanges;
  /**
   * A bulk action's contacts, each with its own old and new values (audit_subject), so one audit row shows in the
   * history of every contact it changed.
   */
  subjects?: { contactId: string; changes: FieldChanges }[];
  details?: Record<string, unknown>;
  /** The client address: set on sign-ins and failed sign-ins (the "used from many addresses" check reads it). */
  address?: string;
}

/** Called with the transaction of the change it records, so the change and its audit row commit or fail together. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await recordAudits(db, [entry]);
}

const toRow = (entry: AuditEntry) => ({
  user_id: entry.userId,
  action: entry.action,
  entity_type: entry.entityType,
  entity_id: entry.entityId,
  changed_fields: entry.changedFields ?? Object.keys(entry.changes ?? {}),
  details: entry.details ? JSON.stringify(entry.details) : null,
  address: entry.address ?? null,
});

const hasValues = (entry: AuditEntry) =>
  (entry.changes !== undefined && Object.keys(entry.changes).length > 0) || (entry.subjects?.length ?? 0) > 0;
/** Rows per INSERT of subjects: three parameters each, well inside PostgreSQL's 65,535. */
const SUBJECT_CHUNK = 5_000;

/**
 * Entries without values go in one statement (e.g. a link issued to each of 50 invitations); one with values is
 * inserted alone so its audit_change row is tied to exactly its own id.
 */
export async function recordAudits(db: Db, entries: AuditEntry[]): Promise<void> {
  const plain = entries.filter((e) => !hasValues(e));
  if (plain.length > 0) await db.insertInto('audit_log').values(plain.map(toRow)).execute();
  for (const entry of entries.filter(hasValues)) {
    const { id } = await db.insertInto('audit_log').values(toRow(entry)).returning('id').executeTakeFirstOrThrow();
    if (entry.changes && Object.keys(entry.changes).length > 0)
      await db
        .insertInto('audit_change')
        .values({ audit_id: id, changes: JSON.stringify(entry.changes) })
        .execute();
    const subjects = entry.subjects ?? [];
    for (let i = 0; i < subjects.length; i += SUBJECT_CHUNK) {
      await db
        .insertInto('audit_subject')
        .values(
          subjects.slice(i, i + SUBJECT_CHUNK).map((s) => ({ contact_id: s.contactId, audit_id: id, changes: JSON.stringify(s.changes) })),
        )
        .execute();
    }
  }
}
