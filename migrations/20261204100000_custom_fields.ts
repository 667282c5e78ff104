import { type Kysely, sql } from 'kysely';

// Custom fields on contacts (issue 13, item 5). Frozen once landed. No app imports here.
//  - custom_field: an administrator's definition (key, kinds, type, Arabic and English labels, options for choices,
//    restricted flag, order). Archiving hides it and keeps the contacts' values until a purge removes them.
//  - contact.custom_values: the values by field key, one JSON object, with a GIN index (jsonb_path_ops) so a filter
//    written as containment (`@>`) — yes/no and choice(s) — is served by the index.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('custom_field')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('key', 'text', (c) => c.notNull().unique().check(sql`key ~ '^[a-z][a-z0-9_]{1,39}$'`))
    .addColumn('kinds', sql`text[]`, (c) => c.notNull().check(sql`cardinality(kinds) > 0`))
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type IN ('text', 'long_text', 'number', 'date', 'yes_no', 'choice', 'choices')`),
    )
    .addColumn('label_ar', 'text', (c) => c.notNull().check(sql`length(label_ar) BETWEEN 1 AND 100`))
    .addColumn('label_en', 'text', (c) => c.notNull().check(sql`length(label_en) BETWEEN 1 AND 100`))
    .addColumn('options', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('restricted', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`ALTER TABLE contact ADD COLUMN custom_values jsonb NOT NULL DEFAULT '{}'::jsonb
    CHECK (jsonb_typeof(custom_values) = 'object')`.execute(db);
  await sql`CREATE INDEX contact_custom_values_idx ON contact USING gin (custom_values jsonb_path_ops)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX contact_custom_values_idx`.execute(db);
  await sql`ALTER TABLE contact DROP COLUMN custom_values`.execute(db);
  await db.schema.dropTable('custom_field').execute();
}
