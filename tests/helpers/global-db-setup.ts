import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openEmbedded, openPostgres } from '../../server/src/db/database.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { TEST_DATABASE_URL, UTF8_DATABASE, databaseUrlFor } from './test-database-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Embedded: path of a dumped, migrated PGlite data dir. Real server: name of a migrated template database. */
    dbTemplate: string;
  }
}

/**
 * Migrates one database per run; each test file then gets its own copy of it
 * (a PGlite data-dir dump, or CREATE DATABASE … TEMPLATE on the real server).
 */
export default async function setup(project: TestProject) {
  if (TEST_DATABASE_URL) {
    const name = `cd_tmpl_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} ${UTF8_DATABASE}`);
    const database = openPostgres(databaseUrlFor(name), 2);
    await migrateToLatest(database.db);
    await database.close();
    project.provide('dbTemplate', name);
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE 'cd\\_t\\_${name.slice(8)}%' OR datname = $1`,
        [name],
      );
      for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'cd-test-'));
  const database = await openEmbedded(null);
  await migrateToLatest(database.db);
  const file = path.join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
  await database.close();
  project.provide('dbTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
