import { type Kysely, sql } from 'kysely';

// The contacts table and saved segments (issue 13, items 1 and 2). Frozen once landed. No app imports here.
//  - (sort column, id) indexes so keyset paging by name, creation or last change reads them in order at 100k rows;
//    the foundation's GIN index on tags already serves the tags filter (&& and @>).
//  - segment: a named, live filter (the list query's filter as JSON), personal to its owner or shared with the team.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX contact_name_id_idx ON contact (name, id)`.execute(db);
  await sql`CREATE INDEX contact_updated_at_id_idx ON contact (updated_at, id)`.execute(db);
  await sql`CREATE INDEX contact_created_at_id_idx ON contact (created_at, id)`.execute(db);
  await db.schema
    .createTable('segment')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(btrim(name)) > 0`))
    .addColumn('owner_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('shared', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('filter', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('segment_owner_idx').on('segment').columns(['owner_id', 'name']).execute();
  await sql`CREATE INDEX segment_shared_idx ON segment (name) WHERE shared`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('segment').execute();
  await sql`DROP INDEX contact_created_at_id_idx`.execute(db);
  await sql`DROP INDEX contact_updated_at_id_idx`.execute(db);
  await sql`DROP INDEX contact_name_id_idx`.execute(db);
}
