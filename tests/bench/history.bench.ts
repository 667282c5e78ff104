/**
 * npm run bench:history — issue 12's figures, each beside a baseline from the same run:
 *  - the history of a contact with 1,000 changes: p50/p95 of the page's API call (first page and a deep page);
 *  - what writing old/new values costs a contact update: p50 of PATCH /contacts/:id with the values written, beside
 *    the same updates while a PostgreSQL rule turns the audit_change insert into nothing (the update as it was before);
 *  - backup and restore of BENCH_CONTACTS (100k) contacts: seconds and file size, and the counts compared;
 *  - the audit viewer over 1,000,000 audit rows with filters, beside the same queries without its indexes
 *    (tests/bench/audit-viewer.ts; goal p95 ≤ 200 ms on the real server).
 * BENCH_DATABASE_URL = a real server (the audit viewer's goal is stated there); unset = embedded PGlite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../../server/src/app.js';
import { restoreBackup, takeBackup, type RestoreTarget } from '../../server/src/backup/backup.service.js';
import { generateContacts } from '../../seeds/synthetic/generate.js';
import { loadSyntheticContacts } from '../../seeds/synthetic/load.js';
import { percentile } from '../helpers/search-quality.js';
import { runAuditViewerBench } from './audit-viewer.js';
import { openBenchDatabase } from './bench-database.js';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);
const CHANGES = 1_000;
const READS = 50;
const OVERHEAD_ROUNDS = 5;
const OVERHEAD_BLOCK = 60;

const ms = (x: number) => `${x.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const bench = await openBenchDatabase();
const db = bench.database.db;
console.log(`History and backup bench on ${bench.label}`);
try {
  let started = performance.now();
  await loadSyntheticContacts(db, generateContacts(CONTACTS, 2026));
  await sql`ANALYZE`.execute(db);
  console.log(`loaded ${CONTACTS.toLocaleString('en')} contacts in ${ms(performance.now() - started)}`);

  const app = await buildApp({ db, jwtSecret: 'bench-secret-that-is-long-enough-0123456789' });
  await app.ready();
  const headers = { authorization: `Bearer ${app.jwt.sign({ sub: bench.admin.id, role: 'admin' })}` };
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const res = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.json();
  };

  // A contact with 1,000 changes: phones, tags and notes move, as a focal point's record does over years.
  let contact = await call('POST', '/api/contacts', {
    kind: 'government_focal_point',
    name: 'نقطة اتصال طويلة السجل',
    governorates: ['IQ-BG'],
    phones: ['07700000000'],
  });
  const update = async () => {
    const n = contact.version;
    const t0 = performance.now();
    contact = await call('PATCH', `/api/contacts/${contact.id}`, {
      version: n,
      phones: [`0770${String(n).padStart(7, '0')}`],
      tags: [`جولة ${n % 7}`],
      notes: `زيارة رقم ${n}`,
    });
    return performance.now() - t0;
  };
  for (let i = 0; i < CHANGES; i++) await update();

  const first: number[] = [];
  let deepCursor: string | null = null;
  for (let i = 0; i < READS; i++) {
    const t0 = performance.now();
    const page = await call('GET', `/api/contacts/${contact.id}/history?limit=50`);
    first.push(performance.now() - t0);
    deepCursor = page.nextBefore;
  }
  for (let p = 0; p < 15; p++)
    deepCursor = (await call('GET', `/api/contacts/${contact.id}/history?limit=50&before=${deepCursor}`)).nextBefore;
  const deep: number[] = [];
  for (let i = 0; i < READS; i++) {
    const t0 = performance.now();
    await call('GET', `/api/contacts/${contact.id}/history?limit=50&before=${deepCursor}`);
    deep.push(performance.now() - t0);
  }
  // Baseline: the audit rows alone, without values, labels or names.
  const plain: number[] = [];
  for (let i = 0; i < READS; i++) {
    const t0 = performance.now();
    await db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'contact')
      .where('entity_id', '=', contact.id)
      .orderBy('id', 'desc')
      .limit(50)
      .execute();
    plain.push(performance.now() - t0);
  }
  console.log(`\nHistory of a contact with ${CHANGES} changes (GET /api/contacts/:id/history, 50 per page), ${READS} calls each`);
  console.log(`  first page    p50 ${ms(percentile(first, 50))}  p95 ${ms(percentile(first, 95))}`);
  console.log(`  page 17       p50 ${ms(percentile(deep, 50))}  p95 ${ms(percentile(deep, 95))}`);
  console.log(
    `  baseline: the 50 audit rows alone (one indexed query, no values/labels/HTTP)  p50 ${ms(percentile(plain, 50))}  p95 ${ms(percentile(plain, 95))}`,
  );

  // Overhead: alternate blocks with the values written and with their insert ruled away, so drift hits both.
  const withValues: number[] = [];
  const without: number[] = [];
  for (let round = 0; round < OVERHEAD_ROUNDS; round++) {
    for (let i = 0; i < OVERHEAD_BLOCK; i++) withValues.push(await update());
    await sql`CREATE RULE bench_no_values AS ON INSERT TO audit_change DO INSTEAD NOTHING`.execute(db);
    for (let i = 0; i < OVERHEAD_BLOCK; i++) without.push(await update());
    await sql`DROP RULE bench_no_values ON audit_change`.execute(db);
  }
  const p50 = percentile(withValues, 50);
  const base = percentile(without, 50);
  console.log(`\nContact update (PATCH /api/contacts/:id), ${withValues.length} each, alternating blocks`);
  console.log(`  with old/new values written  p50 ${ms(p50)}  p95 ${ms(percentile(withValues, 95))}`);
  console.log(`  baseline: values not stored  p50 ${ms(base)}  p95 ${ms(percentile(without, 95))}`);
  console.log(`  overhead at p50: ${ms(p50 - base)} (${(((p50 - base) / base) * 100).toFixed(0)}%)`);
  await app.close();

  // Backup and restore of the whole directory.
  started = performance.now();
  const { file, manifest } = await takeBackup(bench.database, bench.url);
  const backupMs = performance.now() - started;
  let target: RestoreTarget;
  let cleanup: () => Promise<void>;
  if (bench.url) {
    const admin = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
    await admin.connect();
    const name = `cd_bench_restore_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
    const url = new URL(bench.url);
    url.pathname = `/${name}`;
    target = { kind: 'postgres', url: url.toString() };
    cleanup = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'cd-restore-'));
    target = { kind: 'embedded', dir: path.join(dir, 'data') };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  try {
    started = performance.now();
    const restored = await restoreBackup(file, target, false);
    const restoreMs = performance.now() - started;
    const same = Object.entries(manifest.counts).every(([table, n]) => restored.counts[table] === n);
    console.log(`\nBackup and restore, ${manifest.counts.contact.toLocaleString('en')} contacts (${bench.label})`);
    console.log(
      `  backup ${(backupMs / 1000).toFixed(1)} s, file ${mb(file.length)}; restore ${(restoreMs / 1000).toFixed(1)} s; counts ${same ? 'identical' : 'DIFFER'}`,
    );
  } finally {
    await cleanup();
  }
} finally {
  await bench.close();
}

await runAuditViewerBench();
