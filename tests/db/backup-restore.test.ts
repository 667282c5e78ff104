import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { openEmbedded, openPostgres, type Database } from '../../server/src/db/database.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { createUserRecord } from '../../server/src/modules/users/users.service.js';
import { restoreBackup, takeBackup, type RestoreTarget } from '../../server/src/backup/backup.service.js';
import { decodeBackup } from '../../server/src/backup/backup-file.js';
import { backupInto, listBackups } from '../../server/src/backup/daily-backups.js';
import { TEST_DATABASE_URL, UTF8_DATABASE, databaseUrlFor } from '../helpers/test-database-url.js';

/**
 * Backup and restore (issue 12, item 4): data → one file → restored in a fresh place → the same counts and the same
 * search results. A damaged or foreign file is refused before anything is touched, and a non-empty target is refused
 * unless forced.
 */

const SECRET = 'backup-test-secret-that-is-long-enough-0123';
const places: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cd-backup-'));
  places.push(dir);
  return dir;
};
afterAll(() => places.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Some contacts (Arabic names), an event with invitations, and an admin, through the real API. */
async function fill(database: Database) {
  await migrateToLatest(database.db);
  const admin = await createUserRecord(database.db, null, {
    email: `admin-${randomBytes(3).toString('hex')}@example.org`,
    name: 'مدير',
    role: 'admin',
    password: 'correct horse battery',
  });
  const app = await buildApp({ db: database.db, jwtSecret: SECRET });
  const headers = { authorization: `Bearer ${app.jwt.sign({ sub: admin.id, role: 'admin' })}` };
  const ids: string[] = [];
  for (const name of ['زينب علي الموسوي', 'حيدر كاظم', 'منظمة ضفاف الفرات للسلام', 'فاطمة الزهراء جاسم']) {
    const kind = name.startsWith('منظمة') ? 'organization' : 'activist';
    const res = await app.inject({
      method: 'POST',
      url: '/api/contacts',
      headers,
      payload: { kind, name, governorates: ['IQ-BG'], ...(kind === 'organization' ? { subtype: 'local_ngo' } : {}) },
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().id);
  }
  const event = await app.inject({
    method: 'POST',
    url: '/api/events',
    headers,
    payload: { title: 'الجلسة الختامية', type: 'closing_session', startsAt: '2027-01-10T06:00:00Z', endsAt: '2027-01-10T12:00:00Z' },
  });
  await app.inject({
    method: 'POST',
    url: `/api/events/${event.json().id}/invitations`,
    headers,
    payload: { contactIds: [ids[0], ids[1]] },
  });
  await app.close();
  return admin;
}

async function searchIds(database: Database, adminId: string, q: string): Promise<string[]> {
  const app = await buildApp({ db: database.db, jwtSecret: SECRET });
  const res = await app.inject({
    method: 'GET',
    url: `/api/search?q=${encodeURIComponent(q)}`,
    headers: { authorization: `Bearer ${app.jwt.sign({ sub: adminId, role: 'admin' })}` },
  });
  await app.close();
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().results as { id: string }[]).map((r) => r.id);
}

describe('embedded backup and restore', () => {
  it('round-trips: same counts, same search results, migrations applied', async () => {
    const source = await openEmbedded(path.join(tempDir(), 'pglite'));
    const admin = await fill(source);
    const before = await searchIds(source, admin.id, 'زينب الموسوي');
    expect(before.length).toBeGreaterThan(0);
    const { file, manifest } = await takeBackup(source, null);
    await source.close();
    expect(manifest).toMatchObject({ kind: 'embedded', counts: { contact: 4, invitation: 2, event: 1, app_user: 1 } });
    expect(manifest.migration).toMatch(/^2026/);

    const target: RestoreTarget = { kind: 'embedded', dir: path.join(tempDir(), 'pglite') };
    const restored = await restoreBackup(file, target, false);
    expect(restored.counts).toEqual(manifest.counts);
    const reopened = await openEmbedded(target.dir);
    try {
      expect(await searchIds(reopened, admin.id, 'زينب الموسوي')).toEqual(before);
    } finally {
      await reopened.close();
    }
  });

  it('refuses a damaged, a foreign or a cut file, and a non-empty target unless forced; the target is untouched', async () => {
    const source = await openEmbedded(null);
    await fill(source);
    const { file } = await takeBackup(source, null);
    await source.close();
    const dir = tempDir();
    writeFileSync(path.join(dir, 'keep.txt'), 'precious');
    const damaged = Buffer.from(file);
    damaged[damaged.length - 10] ^= 0xff;
    await expect(restoreBackup(damaged, { kind: 'embedded', dir }, true)).rejects.toThrow(/damaged or incomplete/);
    await expect(restoreBackup(file.subarray(0, file.length - 100), { kind: 'embedded', dir }, true)).rejects.toThrow(
      /damaged or incomplete/,
    );
    await expect(restoreBackup(Buffer.from('PK\u0003\u0004 a zip file'), { kind: 'embedded', dir }, true)).rejects.toThrow(/not a backup/);
    await expect(restoreBackup(file, { kind: 'embedded', dir }, false)).rejects.toThrow(/not empty/);
    await expect(restoreBackup(file, { kind: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' }, false)).rejects.toThrow(/same kind/);
    expect(readdirSync(dir)).toEqual(['keep.txt']);
    const forced = await restoreBackup(file, { kind: 'embedded', dir }, true);
    expect(forced.counts.contact).toBe(4);
  });

  it('keeps the newest backups only, written under their final name whole', async () => {
    const source = await openEmbedded(null);
    await migrateToLatest(source.db);
    const dir = tempDir();
    for (const minute of [1, 2, 3]) await backupInto(source, dir, 2, new Date(`2026-12-03T10:0${minute}:00Z`));
    await source.close();
    expect(listBackups(dir)).toEqual(['backup-20261203-100200.cdbackup', 'backup-20261203-100300.cdbackup']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});

const hasPgTools = (() => {
  try {
    execFileSync('pg_dump', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

// The server path needs this machine's PostgreSQL and its pg_dump/pg_restore; without them it is skipped.
describe.skipIf(!TEST_DATABASE_URL || !hasPgTools)('PostgreSQL backup and restore (pg_dump / pg_restore)', () => {
  const databases: string[] = [];
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL! });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  const createDatabase = async () => {
    const name = `cd_backup_${randomBytes(4).toString('hex')}`;
    await admin(`CREATE DATABASE ${name} ${UTF8_DATABASE}`);
    databases.push(name);
    return databaseUrlFor(name);
  };
  afterAll(async () => {
    for (const name of databases) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('round-trips into an empty database with the same counts and search results, and refuses a non-empty one', async () => {
    const sourceUrl = await createDatabase();
    const source = openPostgres(sourceUrl, 2);
    const user = await fill(source);
    const before = await searchIds(source, user.id, 'زينب الموسوي');
    const { file, manifest } = await takeBackup(source, sourceUrl);
    await source.close();
    expect(decodeBackup(file).manifest.kind).toBe('postgres');

    const targetUrl = await createDatabase();
    const restored = await restoreBackup(file, { kind: 'postgres', url: targetUrl }, false);
    expect(restored.counts).toEqual(manifest.counts);
    const target = openPostgres(targetUrl, 2);
    try {
      expect(await searchIds(target, user.id, 'زينب الموسوي')).toEqual(before);
    } finally {
      await target.close();
    }
    await expect(restoreBackup(file, { kind: 'postgres', url: targetUrl }, false)).rejects.toThrow(/not empty/);
    expect((await restoreBackup(file, { kind: 'postgres', url: targetUrl }, true)).counts).toEqual(manifest.counts);
  });
});
