import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openEmbedded, openPostgres, type Database } from '../../server/src/db/database.js';
import { TEST_DATABASE_URL, databaseUrlFor } from './test-database-url.js';

/** A migrated database of this test file's own, cloned from the run's template. */
export async function createTestDatabase(): Promise<Database> {
  const template = inject('dbTemplate');
  if (!TEST_DATABASE_URL) {
    return openEmbedded(null, new Blob([readFileSync(template)]));
  }
  const name = `cd_t_${template.slice(8)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const database = openPostgres(databaseUrlFor(name), 4);
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: TEST_DATABASE_URL! });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** An empty, unmigrated database, for migration tests. */
export async function createEmptyDatabase(): Promise<Database> {
  if (!TEST_DATABASE_URL) return openEmbedded(null);
  const name = `cd_t_empty_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  await admin.end();
  const database = openPostgres(databaseUrlFor(name), 2);
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: TEST_DATABASE_URL! });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
