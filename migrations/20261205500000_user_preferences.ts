import { type Kysely, sql } from 'kysely';

// A user's own choices that should follow them from browser to browser (issue 13, item 1: the contacts table's
// columns "remembered per user"). Frozen once landed. No app imports here.
//  - user_preference: one row per user, created on the first save; NULL columns mean "the default".
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('user_preference')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('app_user.id').onDelete('cascade'))
    .addColumn('contact_columns', sql`text[]`)
    .addColumn('contact_custom_columns', sql`text[]`)
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('user_preference').execute();
}
