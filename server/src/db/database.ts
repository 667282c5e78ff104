import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql, type LogConfig } from 'kysely';
import { ResilientPostgresDialect } from './resilient-driver.js';
import { RetryingKysely } from './retrying-kysely.js';
import pg from 'pg';
import type { DB } from './types.js';

export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  kind: 'embedded' | 'postgres';
  close(): Promise<void>;
  /** Real server only: connections open, idle, and requests waiting for one (for benchmarks and diagnostics). */
  poolStats?: () => { total: number; idle: number; waiting: number };
  /** Embedded only: the whole data dir as a tarball, to clone a migrated database quickly in tests. */
  dumpDataDir?: () => Promise<Blob>;
  /**
   * Embedded only: a gzipped tarball of the data dir taken while holding the only connection, so no statement runs
   * during the copy and the file is transaction-consistent (a backup while the server is writing).
   */
  snapshot?: () => Promise<Blob>;
}

// int8 and numeric come back as strings on both drivers; dates as Date. Keep it that way on purpose:
// the same Kysely code then sees exactly the same types on PGlite and on a real server.

/** Opens the embedded PostgreSQL (PGlite) in `dir`, or in memory when dir is null. */
export async function openEmbedded(dir: string | null, loadDataDir?: Blob): Promise<Database> {
  const [{ PGlite }, { pg_trgm }, { createPgConfig }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/node-postgres'),
  ]);
  if (dir !== null) mkdirSync(path.dirname(dir), { recursive: true });
  const lite = await PGlite.create({
    ...(dir !== null ? { dataDir: dir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { pg_trgm },
  });
  // Pool size 1 (set by createPgConfig) serialises access, so a statement can never slip into
  // another request's open transaction.
  const pool = new pg.Pool(createPgConfig(lite));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'embedded',
    dumpDataDir: () => lite.dumpDataDir('none'),
    snapshot: () => db.connection().execute(() => lite.dumpDataDir('gzip')),
    async close() {
      await db.destroy();
      await lite.close();
    },
  };
}

/** How long a request waits for a connection before it is told the database is unavailable (pg waits forever by default). */
const CONNECT_TIMEOUT_MS = 5_000;

export function openPostgres(connectionString: string, max = 10, options: { log?: LogConfig } = {}): Database {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
  // A connection the server drops (a restart, a failover, pg_terminate_backend) emits 'error' on its client. pg-pool
  // listens only while the client is idle; a checked-out client with no listener would take the process down. The
  // query in flight fails on its own and the pool discards the client when it comes back.
  pool.on('connect', (client) => client.on('error', (err) => console.error(`PostgreSQL connection lost: ${err.message}`)));
  // The pool re-emits an idle client's error (already logged above); an 'error' event with no listener would throw.
  pool.on('error', () => {});
  const db = new RetryingKysely<DB>({ dialect: new ResilientPostgresDialect({ pool }), ...(options.log ? { log: options.log } : {}) });
  return {
    db,
    kind: 'postgres',
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => db.destroy(),
  };
}

export class DatabaseCheckError extends Error {}

/**
 * A database created with LC_CTYPE 'C' silently breaks trigram search on Arabic: show_trgm returns nothing.
 * Refuse to run on such a database rather than serve a directory whose search quietly finds nothing. Runs before
 * the migrations, so a wrong database is left as it was (but for the trusted pg_trgm extension).
 */
export async function checkArabicTrigrams(db: Db): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  const { rows } = await sql<{ n: number; ctype: string }>`
    SELECT cardinality(show_trgm('جمال')) AS n,
      (SELECT datctype FROM pg_database WHERE datname = current_database()) AS ctype`.execute(db);
  const row = rows[0];
  if (!row || row.n === 0) {
    throw new DatabaseCheckError(
      `Trigram search does not work on Arabic in this database (LC_CTYPE is "${row?.ctype}"). ` +
        `Create it with: CREATE DATABASE name TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    );
  }
}
