import { type Kysely, sql } from 'kysely';

// Trash (issue 12): a delete stores the row and every row its delete cascades to (and the references it sets to
// null) as JSON here, then hard-deletes as before, so no other query needs a "deleted" filter. A merge keeps its
// before/after snapshots here too, so it can be undone within the same window. No foreign key to the trashed
// tables on purpose: the things it holds no longer exist there. Frozen once landed. No app imports here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('trash_item')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('entity_type', 'text', (c) =>
      c.notNull().check(sql`entity_type IN ('contact', 'event', 'position', 'relationship', 'interaction', 'merge')`),
    )
    .addColumn('entity_id', 'uuid', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('restricted', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('governorates', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('deleted_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('deleted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('counts', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trash_item_deleted_at_idx').on('trash_item').column('deleted_at').execute();
  await db.schema.createIndex('trash_item_entity_idx').on('trash_item').columns(['entity_type', 'entity_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('trash_item').execute();
}
