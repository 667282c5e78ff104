import { type Kysely, sql } from 'kysely';

// Email sends (issue 11) run in the background; the job's progress lives here so any instance can answer "how far
// is it". Messages of the job are outreach_message rows with its job_id; invitations skipped before sending (no
// email, hidden, cancelled, already sent) are listed in `skipped` with their reason, never with an address.
// Frozen once landed. No app imports here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outreach_job')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel IN ('whatsapp', 'email')`))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose IN ('invitation', 'reminder')`))
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language IN ('ar', 'en')`))
    .addColumn('skipped', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('outreach_job_event_idx').on('outreach_job').column('event_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outreach_job').execute();
}
