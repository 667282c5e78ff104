import { type Kysely, sql } from 'kysely';

// Invitations and reminders in Sorani Kurdish (issue 16, item 1): message templates, sent messages and email jobs
// accept the language 'ku' beside 'ar' and 'en'. Frozen once landed. No app imports here.
const TABLES = ['event_message_template', 'outreach_message', 'outreach_job'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await sql`ALTER TABLE ${sql.table(table)} DROP CONSTRAINT ${sql.id(`${table}_language_check`)}`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} ADD CONSTRAINT ${sql.id(`${table}_language_check`)}
      CHECK (language IN ('ar', 'en', 'ku'))`.execute(db);
  }
}

// Down: Kurdish templates are dropped (the event falls back to the defaults); messages and jobs already sent in
// Kurdish are recorded as Arabic-script messages ('ar') so that their history stays.
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM event_message_template WHERE language = 'ku'`.execute(db);
  await sql`UPDATE outreach_message SET language = 'ar' WHERE language = 'ku'`.execute(db);
  await sql`UPDATE outreach_job SET language = 'ar' WHERE language = 'ku'`.execute(db);
  for (const table of TABLES) {
    await sql`ALTER TABLE ${sql.table(table)} DROP CONSTRAINT ${sql.id(`${table}_language_check`)}`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} ADD CONSTRAINT ${sql.id(`${table}_language_check`)}
      CHECK (language IN ('ar', 'en'))`.execute(db);
  }
}
