import { type Kysely, sql } from 'kysely';

// Bulk changes in a contact's history (issue 13, item 3). Frozen once landed. No app imports here.
// A bulk action is audited as one audit_log row (entity_id null, details.ids); audit_subject names each contact it
// changed, with that contact's old and new values, so the contact's history shows the change like any other. No
// foreign key to contact: the history of a contact moved to the trash must come back with it; a purge erases the rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE audit_subject (
      contact_id uuid NOT NULL,
      audit_id bigint NOT NULL REFERENCES audit_log (id) ON DELETE CASCADE,
      changes jsonb NOT NULL,
      PRIMARY KEY (contact_id, audit_id)
    )`.execute(db);
  await sql`CREATE INDEX audit_subject_audit_idx ON audit_subject (audit_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE audit_subject`.execute(db);
}
