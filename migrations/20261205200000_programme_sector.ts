import { type Kysely, sql } from 'kysely';

// A programme's humanitarian sector as free text ("Protection", "Education"): the #sector column of the HXL activities
// and the 3W exports (issue 16, item 4). Nullable: a programme without one exports "not set". Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('programme')
    .addColumn('sector', 'text', (c) => c.check(sql`sector IS NULL OR length(btrim(sector)) BETWEEN 1 AND 100`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('programme').dropColumn('sector').execute();
}
