import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openEmbedded, openPostgres, type Database } from '../../server/src/db/database.js';
import { TEST_DATABASE_URL, UTF8_DATABASE, databaseUrlFor } from './test-database-url.js';

async function onServer(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL! });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** Creates a database on the real server with `createClause`, and drops it again on close. */
async function serverDatabase(name: string, createClause: string, poolSize: number): Promise<Database> {
  await onServer(`CREATE DATABASE ${name} ${createClause}`);
  const database = openPostgres(databaseUrlFor(name), poolSize);
  return {
    ...database,
    async close() {
      await database.close();
      await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

const suffix = () => randomBytes(4).toString('hex');

/** A migrated database of this test file's own, cloned from the run's template. */
export async function createTestDatabase(): Promise<Database> {
  const template = inject('dbTemplate');
  if (!TEST_DATABASE_URL) return openEmbedded(null, new Blob([readFileSync(template)]));
  return serverDatabase(`cd_t_${template.slice(8)}_${suffix()}`, `TEMPLATE ${template}`, 4);
}

/** An empty, unmigrated database, for migration tests. */
export async function createEmptyDatabase(): Promise<Database> {
  if (!TEST_DATABASE_URL) return openEmbedded(null);
  return serverDatabase(`cd_t_empty_${suffix()}`, UTF8_DATABASE, 2);
}
