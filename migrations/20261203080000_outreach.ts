import { type Kysely, sql } from 'kysely';

// Outreach (issue 11): personal reply links, message templates per event, and a log of every message sent or prepared.
// Reply tokens are never stored: a link keeps a random nonce, the token is an HMAC of it under the server's secret,
// and lookups go through the token's SHA-256. A database copy alone therefore opens no invitation.
// Frozen once landed. No app imports here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('invitation_link')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('invitation_id', 'uuid', (c) => c.notNull().references('invitation.id').onDelete('cascade'))
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('first_opened_at', 'timestamptz')
    .addColumn('last_opened_at', 'timestamptz')
    .addColumn('open_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // One live link per invitation: re-issuing revokes the old one in the same transaction.
  await sql`CREATE UNIQUE INDEX invitation_link_live_unique ON invitation_link (invitation_id) WHERE revoked_at IS NULL`.execute(
    db,
  );

  await sql`ALTER TABLE invitation_status_change
    ADD COLUMN source text NOT NULL DEFAULT 'staff' CHECK (source IN ('staff', 'reply_link')),
    ADD COLUMN note text CHECK (length(note) <= 500)`.execute(db);

  // The organiser's phone shown on the public reply page ("call us if …"); never a contact's phone.
  await sql`ALTER TABLE event ADD COLUMN contact_phone text`.execute(db);

  await db.schema
    .createTable('event_message_template')
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose IN ('invitation', 'reminder')`))
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language IN ('ar', 'en')`))
    .addColumn('subject', 'text', (c) => c.check(sql`length(subject) <= 200`))
    .addColumn('body', 'text', (c) => c.notNull().check(sql`length(body) BETWEEN 1 AND 2000`))
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('event_message_template_pkey', ['event_id', 'purpose', 'language'])
    .execute();

  await db.schema
    .createTable('outreach_message')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('invitation_id', 'uuid', (c) => c.notNull().references('invitation.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel IN ('whatsapp', 'email')`))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose IN ('invitation', 'reminder')`))
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language IN ('ar', 'en')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('prepared', 'sent', 'failed')`))
    // The same message (e.g. "reminder of <date>") to the same invitee on the same channel is sent once, however
    // many times someone clicks: the sender derives the key and the unique index refuses the second row.
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('failure_reason', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('job_id', 'uuid')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .addUniqueConstraint('outreach_message_once', ['invitation_id', 'channel', 'dedupe_key'])
    .execute();
  await db.schema.createIndex('outreach_message_event_idx').on('outreach_message').columns(['event_id', 'invitation_id']).execute();
  await db.schema.createIndex('outreach_message_job_idx').on('outreach_message').column('job_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outreach_message').execute();
  await db.schema.dropTable('event_message_template').execute();
  await sql`ALTER TABLE event DROP COLUMN contact_phone`.execute(db);
  await sql`ALTER TABLE invitation_status_change DROP COLUMN note, DROP COLUMN source`.execute(db);
  await db.schema.dropTable('invitation_link').execute();
}
