import { type Kysely, sql } from 'kysely';

// Account security (issue 12, item 6): a token carries the session version it was issued under, and every request
// compares it with the account's. Changing the password, the role, the governorates, deactivating, or "sign out
// everywhere" increases the version, which ends every earlier session at once. Tokens issued before this migration
// carry no version and count as version 1. Frozen once landed. No app imports here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE app_user ADD COLUMN session_version integer NOT NULL DEFAULT 1 CHECK (session_version >= 1)`.execute(db);
  await sql`ALTER TABLE app_user ADD COLUMN password_changed_at timestamptz`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE app_user DROP COLUMN password_changed_at, DROP COLUMN session_version`.execute(db);
}
