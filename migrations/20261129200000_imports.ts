import { type Kysely, sql } from 'kysely';

// Spreadsheet imports (an upload, its rows with their preview outcome and what the commit did, and what each import
// changed so it can be undone), the name keys the duplicate finder joins on, and pairs marked "not a duplicate".
// Frozen once landed. No app imports here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_batch')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format IN ('csv', 'xlsx')`))
    .addColumn('encoding', 'text')
    .addColumn('delimiter', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('uploaded', 'previewed', 'committing', 'committed', 'failed', 'undone')`),
    )
    .addColumn('headers', 'jsonb', (c) => c.notNull())
    .addColumn('mapping', 'jsonb')
    .addColumn('defaults', 'jsonb')
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('blank_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('counts', 'jsonb')
    .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('result', 'jsonb')
    .addColumn('error', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('committed_at', 'timestamptz')
    .addColumn('undone_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('import_batch_created_idx').on('import_batch').columns(['created_by', 'created_at']).execute();

  // Cells travel as they were read (raw); the preview fills outcome and the parsed draft; the commit fills the rest.
  await db.schema
    .createTable('import_row')
    .addColumn('import_id', 'uuid', (c) => c.notNull().references('import_batch.id').onDelete('cascade'))
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('raw', 'jsonb', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome IN ('create', 'update', 'duplicate', 'invalid')`))
    .addColumn('name', 'text')
    .addColumn('draft', 'jsonb')
    .addColumn('errors', 'jsonb')
    .addColumn('warnings', 'jsonb')
    .addColumn('matched_contact_id', 'uuid')
    .addColumn('match_reasons', 'jsonb')
    .addColumn('candidates', 'jsonb')
    .addColumn('duplicate_of_row', 'integer')
    .addColumn('decision', 'text', (c) => c.check(sql`decision IN ('create', 'merge', 'skip')`))
    .addColumn('action', 'text', (c) => c.check(sql`action IN ('created', 'updated', 'skipped', 'failed')`))
    .addColumn('contact_id', 'uuid')
    .addColumn('messages', 'jsonb')
    .addColumn('applied', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('import_row_pkey', ['import_id', 'row_number'])
    .execute();
  await db.schema.createIndex('import_row_outcome_idx').on('import_row').columns(['import_id', 'outcome', 'row_number']).execute();

  // What a commit changed, for undo: contacts and positions it created, and the before-image of contacts it updated.
  await db.schema
    .createTable('import_change')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('import_id', 'uuid', (c) => c.notNull().references('import_batch.id').onDelete('cascade'))
    .addColumn('entity_type', 'text', (c) => c.notNull().check(sql`entity_type IN ('contact', 'position')`))
    .addColumn('entity_id', 'uuid', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull().check(sql`change IN ('created', 'updated')`))
    .addColumn('before', 'jsonb')
    .addColumn('version_after', 'integer')
    .execute();
  await db.schema.createIndex('import_change_import_idx').on('import_change').column('import_id').execute();

  // The whole-name search key and skeleton of each contact, computed in TypeScript (domain/search) and refreshed when
  // the contact's version moved on, so the duplicate scan is a GROUP BY on an indexed column instead of a
  // pairwise comparison of 100k names.
  await db.schema
    .createTable('contact_match_key')
    .addColumn('contact_id', 'uuid', (c) => c.primaryKey().references('contact.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('name_skeleton', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_match_key_name_idx').on('contact_match_key').column('name_key').execute();
  await db.schema.createIndex('contact_match_key_skeleton_idx').on('contact_match_key').column('name_skeleton').execute();
  await sql`CREATE INDEX contact_emails_idx ON contact USING gin (emails)`.execute(db);

  // Stored with the smaller id first, so a pair has one row whichever way round it was dismissed.
  await db.schema
    .createTable('duplicate_dismissal')
    .addColumn('contact_a', 'uuid', (c) => c.notNull().references('contact.id').onDelete('cascade'))
    .addColumn('contact_b', 'uuid', (c) => c.notNull().references('contact.id').onDelete('cascade'))
    .addColumn('dismissed_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('dismissed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('duplicate_dismissal_pkey', ['contact_a', 'contact_b'])
    .addCheckConstraint('duplicate_dismissal_ordered', sql`contact_a < contact_b`)
    .execute();
  await db.schema.createIndex('duplicate_dismissal_b_idx').on('duplicate_dismissal').column('contact_b').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('duplicate_dismissal').execute();
  await db.schema.dropIndex('contact_emails_idx').execute();
  await db.schema.dropTable('contact_match_key').execute();
  await db.schema.dropTable('import_change').execute();
  await db.schema.dropTable('import_row').execute();
  await db.schema.dropTable('import_batch').execute();
}
