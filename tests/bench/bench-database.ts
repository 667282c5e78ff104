import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openEmbedded, openPostgres, type Database } from '../../server/src/db/database.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { createUserRecord } from '../../server/src/modules/users/users.service.js';
import type { Actor } from '../../server/src/access/actor.js';

export interface BenchDatabase {
  database: Database;
  admin: Actor;
  label: string;
  /** The benchmark database's URL on a real server; null for the embedded one. */
  url: string | null;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one benchmark run: on the real server named by BENCH_DATABASE_URL (a URL whose
 * user may create databases; the run creates and drops its own UTF-8 database), else an in-memory PGlite.
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  let database: Database;
  let label: string;
  let url: string | null = null;
  let drop = async () => {};
  if (serverUrl) {
    const name = `cd_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
    const target = new URL(serverUrl);
    target.pathname = `/${name}`;
    url = target.toString();
    database = openPostgres(url, 16);
    label = `PostgreSQL server (${target.host})`;
    drop = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    database = await openEmbedded(null);
    label = 'embedded PGlite (in memory)';
  }
  await migrateToLatest(database.db);
  const user = await createUserRecord(database.db, null, {
    email: 'bench@example.org',
    name: 'Bench',
    role: 'admin',
    password: 'a long enough password',
  });
  return {
    database,
    admin: { id: user.id, role: 'admin', governorates: null },
    label,
    url,
    async close() {
      await database.close();
      await drop();
    },
  };
}
