import type { Db } from '../../db/database.js';

export interface AuditEntry {
  userId: string | null;
  action: 'create' | 'update' | 'delete' | 'view' | 'export' | 'login' | 'import' | 'undo' | 'merge' | 'dismiss';
  entityType:
    | 'contact'
    | 'user'
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
    /** The full export of everything the organisation holds. */
    | 'directory';
  entityId: string | null;
  /** Names of the fields that changed, never their values: the log must not become a second copy of phone lists. */
  changedFields?: string[];
  details?: Record<string, unknown>;
}

/** Called with the transaction of the change it records, so the change and its audit row commit or fail together. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await recordAudits(db, [entry]);
}

/** One row per entry in one statement, e.g. a link issued to each of 50 invitations. */
export async function recordAudits(db: Db, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      entries.map((entry) => ({
        user_id: entry.userId,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: entry.entityId,
        changed_fields: entry.changedFields ?? [],
        details: entry.details ? JSON.stringify(entry.details) : null,
      })),
    )
    .execute();
}
