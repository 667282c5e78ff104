import { type Kysely, sql } from 'kysely';

// Change history per record (issue 12, item 1): the old and new value of each changed field, beside the audit row
// that names the change. Kept apart from audit_log so the log stays a list of names while the values can be erased
// with the record they describe (a purge, a person's erasure request). Audit rows written before this have no
// values and stay as they are. Frozen once landed. No app imports here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE audit_change (
      audit_id bigint PRIMARY KEY REFERENCES audit_log (id) ON DELETE CASCADE,
      changes jsonb NOT NULL CHECK (jsonb_typeof(changes) = 'object')
    )`.execute(db);
  // The history of one record reads its audit rows newest first (ids grow with time).
  await sql`CREATE INDEX audit_log_entity_id_desc_idx ON audit_log (entity_type, entity_id, id DESC)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX audit_log_entity_id_desc_idx`.execute(db);
  await sql`DROP TABLE audit_change`.execute(db);
}
