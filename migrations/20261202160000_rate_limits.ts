import { type Kysely, sql } from 'kysely';

// Rate-limit counters shared by every server instance (one row per key and time window). UNLOGGED: a counter lost in a
// crash costs nothing, and writes skip the WAL. Frozen once landed. No app imports here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE UNLOGGED TABLE rate_limit_hit (
      key text NOT NULL,
      window_start timestamptz NOT NULL,
      hits integer NOT NULL,
      PRIMARY KEY (key, window_start)
    )`.execute(db);
  await db.schema.createIndex('rate_limit_hit_window_start_idx').on('rate_limit_hit').column('window_start').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limit_hit').execute();
}
