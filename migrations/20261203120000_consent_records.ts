import { type Kysely, sql } from 'kysely';

// Structured consent (issue 12): append-only records per contact (a withdrawal is a new record), each giving or
// withdrawing the scopes it names, with an optional scan kept in the database (so a backup holds it) with its SHA-256.
// The free-text contact.consent_note stays as the earlier note. Frozen once landed. No app imports here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('consent_record')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('contact_id', 'uuid', (c) => c.notNull().references('contact.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('given', 'withdrawn')`))
    .addColumn('basis', 'text', (c) => c.notNull().check(sql`basis IN ('spoken', 'written', 'online_form')`))
    .addColumn('scopes', sql`text[]`, (c) => c.notNull())
    .addColumn('recorded_on', 'date', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'consent_record_scopes_known',
      sql`cardinality(scopes) > 0 AND scopes <@ ARRAY['phone', 'whatsapp', 'email', 'photos', 'partner_sharing']::text[]`,
    )
    .execute();
  await db.schema.createIndex('consent_record_contact_idx').on('consent_record').columns(['contact_id', 'recorded_on']).execute();
  await db.schema
    .createTable('consent_file')
    .addColumn('record_id', 'uuid', (c) => c.primaryKey().references('consent_record.id').onDelete('cascade'))
    .addColumn('mime', 'text', (c) => c.notNull().check(sql`mime IN ('application/pdf', 'image/jpeg', 'image/png')`))
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size > 0 AND size <= 5242880`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('consent_file').execute();
  await db.schema.dropTable('consent_record').execute();
}
