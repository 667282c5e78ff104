import { type Kysely, sql } from 'kysely';

// Calendar files (issue 11): an event's SEQUENCE in its .ics. It goes up each time the start or end changes, so a
// calendar that already holds the event replaces it with the new time instead of keeping the old one.
// Frozen once landed. No app imports here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE event ADD COLUMN schedule_sequence integer NOT NULL DEFAULT 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE event DROP COLUMN schedule_sequence`.execute(db);
}
