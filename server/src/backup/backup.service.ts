import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { sql } from 'kysely';
import type { Database, Db } from '../db/database.js';
import { openEmbedded, openPostgres } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { BackupFileError, decodeBackup, encodeBackup, type BackupManifest } from './backup-file.js';
import { BackupToolError, runTool, toolMajor } from './pg-tools.js';

const COUNTED = ['contact', 'position', 'relationship', 'interaction', 'event', 'invitation', 'app_user', 'audit_log'] as const;

/** Row counts of the tables that hold the organisation's memory, printed after a backup or restore. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED) {
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
    counts[table] = Number(rows[0].n);
  }
  return counts;
}

async function latestMigration(db: Db): Promise<string | null> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(db);
  return rows[0]?.name ?? null;
}

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function checkPgDumpVersion(db: Db): Promise<void> {
  const { rows } = await sql<{ v: string }>`SHOW server_version_num`.execute(db);
  const server = Math.floor(Number(rows[0].v) / 10000);
  const client = await toolMajor('pg_dump');
  // pg_dump reads servers of its own major version or older, never newer.
  if (client < server) {
    throw new BackupToolError(`pg_dump ${client} cannot dump a PostgreSQL ${server} server; install postgresql-client-${server}`);
  }
}

/** The whole database as one backup file: a consistent snapshot, with a manifest of what it holds. */
export async function takeBackup(database: Database, databaseUrl: string | null): Promise<{ file: Buffer; manifest: BackupManifest }> {
  let payload: Buffer;
  if (database.kind === 'embedded') {
    payload = Buffer.from(await (await database.snapshot!()).arrayBuffer());
  } else {
    await checkPgDumpVersion(database.db);
    // One transaction-consistent snapshot of the whole database (pg_dump's own guarantee).
    payload = await runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--dbname=${databaseUrl!}`]);
  }
  const manifest = {
    kind: database.kind,
    appVersion: appVersion(),
    migration: await latestMigration(database.db),
    createdAt: new Date().toISOString(),
    counts: await tableCounts(database.db),
  };
  const file = encodeBackup(manifest, payload);
  return { file, manifest: decodeBackup(file).manifest };
}

export type RestoreTarget = { kind: 'embedded'; dir: string } | { kind: 'postgres'; url: string };

async function publicTables(db: Db): Promise<number> {
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`.execute(db);
  return Number(rows[0].n);
}

/**
 * Restores a backup into an empty data directory or database (or, with `force`, over one), applies the migrations
 * added since, and answers the counts. Nothing is touched before the file has been checked.
 */
export async function restoreBackup(
  file: Buffer,
  target: RestoreTarget,
  force: boolean,
): Promise<{ manifest: BackupManifest; counts: Record<string, number> }> {
  const { manifest, payload } = decodeBackup(file);
  if (manifest.kind !== target.kind) {
    throw new BackupFileError(
      `This is a backup of ${manifest.kind === 'embedded' ? 'the embedded database' : 'a PostgreSQL server'}; restore it into the same kind ` +
        `(${manifest.kind === 'embedded' ? 'without DATABASE_URL' : 'with DATABASE_URL'})`,
    );
  }
  let database: Database;
  if (target.kind === 'embedded') {
    if (existsSync(target.dir) && readdirSync(target.dir).length > 0) {
      if (!force) throw new BackupFileError(`${target.dir} is not empty; restore into an empty place, or add --force to replace it`);
      rmSync(target.dir, { recursive: true, force: true });
    }
    database = await openEmbedded(target.dir, new Blob([new Uint8Array(payload)]));
  } else {
    database = openPostgres(target.url, 2);
    try {
      if ((await publicTables(database.db)) > 0) {
        if (!force)
          throw new BackupFileError('The target database is not empty; restore into an empty database, or add --force to replace it');
        await sql`DROP SCHEMA public CASCADE`.execute(database.db);
        await sql`CREATE SCHEMA public`.execute(database.db);
      }
      await runTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${target.url}`], payload);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  try {
    await migrateToLatest(database.db);
    return { manifest, counts: await tableCounts(database.db) };
  } finally {
    await database.close();
  }
}
