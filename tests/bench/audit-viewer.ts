/**
 * The audit viewer over 1,000,000 audit rows (issue 12, benchmarks): p50/p95 of GET /api/audit with a few filter
 * combinations, a deep keyset page, a coordinator's scoped view and the "needs a look" list, in process through
 * app.inject. Beside them, from the same run: a plain count(*) over the log (the floor any full read costs), and the
 * same requests again without this feature's indexes (the foundation's (at) and (entity_type, entity_id) only).
 *
 * Run it with `tsx tests/bench/audit-viewer.ts` (the lead wires it into `npm run bench:history`). Environment:
 * BENCH_DATABASE_URL (a real server; unset = embedded PGlite), BENCH_AUDIT_ROWS (1000000), BENCH_CONTACTS (20000).
 * Goal: p95 ≤ 200 ms on the real server.
 */
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { buildApp } from '../../server/src/app.js';
import { generateContacts } from '../../seeds/synthetic/generate.js';
import { loadSyntheticContacts } from '../../seeds/synthetic/load.js';
import { openBenchDatabase } from './bench-database.js';
import { percentile } from '../helpers/search-quality.js';

const ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 1_000_000);
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 20_000);
const USERS = 40;
const REQUESTS = 30;
const TARGET_P95_MS = 200;

const ms = (x: number) => `${x.toFixed(1)} ms`;

export interface AuditBenchFigure {
  label: string;
  p50: number;
  p95: number;
  baselineP50: number;
  baselineP95: number;
}

export async function runAuditViewerBench(): Promise<AuditBenchFigure[]> {
  const bench = await openBenchDatabase();
  const db = bench.database.db;
  console.log(`database: ${bench.label}`);
  try {
    let started = performance.now();
    await loadSyntheticContacts(db, generateContacts(CONTACTS, 2026));
    // Accounts spread over the governorates, a tenth of them unscoped.
    await sql`
      INSERT INTO app_user (email, name, password_hash, role, governorates)
      SELECT 'user' || n || '@bench.example.org', 'Bench user ' || n, 'not-a-hash', CASE WHEN n % 5 = 0 THEN 'coordinator' ELSE 'staff' END,
        CASE WHEN n % 10 = 0 THEN NULL ELSE ARRAY[(SELECT code FROM governorate ORDER BY code OFFSET n % 19 LIMIT 1)] END
      FROM generate_series(1, ${USERS}) n`.execute(db);
    console.log(`loaded ${CONTACTS} contacts and ${USERS} accounts in ${ms(performance.now() - started)}`);

    started = performance.now();
    // A year of activity: mostly changes and views of contacts, some exports, sign-ins (a few failed) and deletes.
    await sql`
      WITH users AS (SELECT array_agg(id ORDER BY id) AS ids FROM app_user),
           contacts AS (SELECT array_agg(id ORDER BY id) AS ids FROM contact)
      INSERT INTO audit_log (at, user_id, action, entity_type, entity_id, changed_fields, details, address)
      SELECT now() - (random() * interval '365 days'),
        CASE WHEN r.kind = 'login_failed' THEN NULL ELSE r.user_id END,
        r.kind,
        CASE WHEN r.kind IN ('login', 'login_failed') THEN 'user' ELSE 'contact' END,
        CASE WHEN r.kind IN ('login', 'login_failed') THEN r.user_id WHEN r.kind = 'export' THEN NULL ELSE r.contact_id END,
        CASE WHEN r.kind = 'update' THEN ARRAY['name', 'phones'] ELSE '{}'::text[] END,
        CASE WHEN r.kind = 'export' THEN jsonb_build_object('format', 'csv', 'count', 120, 'filters', jsonb_build_object('governorate', 'IQ-BG'),
          'restrictedContactIds', jsonb_build_array(r.contact_id)) END,
        CASE WHEN r.kind IN ('login', 'login_failed') THEN '10.0.' || (r.n % 7) || '.' || (r.n % 250) END
      FROM (
        SELECT g.n,
          u.ids[(1 + (g.n::bigint * 7919) % array_length(u.ids, 1))::int] AS user_id,
          c.ids[(1 + (g.n::bigint * 104729) % array_length(c.ids, 1))::int] AS contact_id,
          CASE WHEN g.n % 100 < 35 THEN 'update' WHEN g.n % 100 < 60 THEN 'view' WHEN g.n % 100 < 72 THEN 'create'
               WHEN g.n % 100 < 77 THEN 'export' WHEN g.n % 100 < 93 THEN 'login' WHEN g.n % 100 < 96 THEN 'login_failed'
               WHEN g.n % 100 < 98 THEN 'delete' ELSE 'merge' END AS kind
        FROM generate_series(1, ${ROWS}) g(n), users u, contacts c
      ) r`.execute(db);
    await sql`ANALYZE`.execute(db);
    console.log(`loaded ${ROWS} audit rows in ${ms(performance.now() - started)}`);

    const floorTimes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await sql`SELECT count(*) FROM audit_log`.execute(db);
      floorTimes.push(performance.now() - t0);
    }
    console.log(`floor: SELECT count(*) FROM audit_log  p50 ${ms(percentile(floorTimes, 50))}  p95 ${ms(percentile(floorTimes, 95))}`);

    await sql`UPDATE contact SET sensitivity = 'restricted' WHERE id = (SELECT entity_id FROM audit_log WHERE action = 'view' LIMIT 1)`.execute(
      db,
    );
    const { rows: picks } = await sql<{
      user_id: string;
      contact_id: string;
      restricted: string;
      coordinator: string;
      governorates: string[];
    }>`
      SELECT (SELECT user_id FROM audit_log WHERE user_id IS NOT NULL LIMIT 1) AS user_id,
        (SELECT entity_id FROM audit_log WHERE entity_type = 'contact' AND entity_id IS NOT NULL LIMIT 1) AS contact_id,
        (SELECT id FROM contact WHERE sensitivity = 'restricted' LIMIT 1) AS restricted,
        (SELECT id FROM app_user WHERE role = 'coordinator' AND governorates IS NOT NULL LIMIT 1) AS coordinator,
        (SELECT governorates FROM app_user WHERE role = 'coordinator' AND governorates IS NOT NULL LIMIT 1) AS governorates`.execute(db);
    const pick = picks[0];

    const app = await buildApp({ db, jwtSecret: 'bench-secret-that-is-long-enough-0123456789' });
    await app.ready();
    const adminHeaders = { authorization: `Bearer ${app.jwt.sign({ sub: bench.admin.id, role: 'admin' })}` };
    const coordinatorHeaders = { authorization: `Bearer ${app.jwt.sign({ sub: pick.coordinator, role: 'coordinator' })}` };
    const get = async (url: string, headers = adminHeaders) => {
      const res = await app.inject({ method: 'GET', url, headers });
      if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
      return res.json();
    };

    // A cursor ten pages in, for the deep page.
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) cursor = (await get(`/api/audit${cursor ? `?cursor=${cursor}` : ''}`)).nextCursor;
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

    const cases: { label: string; url: string; coordinator?: boolean }[] = [
      { label: 'first page, no filter', url: '/api/audit' },
      { label: 'exports', url: '/api/audit?action=export' },
      { label: 'one person', url: `/api/audit?userId=${pick.user_id}` },
      { label: 'one person, views, 30 days', url: `/api/audit?userId=${pick.user_id}&action=view&from=${day(30)}&to=${day(0)}` },
      { label: 'one contact', url: `/api/audit?entityType=contact&entityId=${pick.contact_id}` },
      { label: 'failed sign-ins, one week', url: `/api/audit?action=failed_sign_in&from=${day(7)}&to=${day(0)}` },
      { label: 'deletes, 200 a page', url: '/api/audit?action=delete&limit=200' },
      { label: 'page 11 (keyset)', url: `/api/audit?cursor=${cursor}` },
      { label: `coordinator (${pick.governorates.join(',')}), no filter`, url: '/api/audit', coordinator: true },
      { label: 'coordinator, exports', url: '/api/audit?action=export', coordinator: true },
      { label: 'needs a look (one day)', url: `/api/audit/needs-a-look?day=${day(3)}` },
      { label: "a restricted contact's access log", url: `/api/contacts/${pick.restricted}/access-log` },
    ];

    async function measureAll(): Promise<{ p50: number; p95: number }[]> {
      const out: { p50: number; p95: number }[] = [];
      for (const c of cases) {
        const headers = c.coordinator ? coordinatorHeaders : adminHeaders;
        await get(c.url, headers);
        const times: number[] = [];
        for (let i = 0; i < REQUESTS; i++) {
          const t0 = performance.now();
          await get(c.url, headers);
          times.push(performance.now() - t0);
        }
        out.push({ p50: percentile(times, 50), p95: percentile(times, 95) });
      }
      return out;
    }

    const withIndexes = await measureAll();
    await sql`DROP INDEX audit_log_at_id_idx, audit_log_user_at_idx, audit_log_action_at_idx, audit_log_entity_at_idx,
      audit_log_export_contacts_idx, audit_log_export_invitations_idx`.execute(db);
    await sql`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id)`.execute(db);
    await sql`CREATE INDEX audit_log_at_idx ON audit_log (at)`.execute(db);
    await sql`ANALYZE audit_log`.execute(db);
    const baseline = await measureAll();
    await app.close();

    const figures = cases.map((c, i) => ({
      label: c.label,
      ...withIndexes[i],
      baselineP50: baseline[i].p50,
      baselineP95: baseline[i].p95,
    }));
    console.log(`\nGET /api/audit over ${ROWS} rows, n=${REQUESTS} each (goal p95 ≤ ${TARGET_P95_MS} ms on the real server)`);
    for (const f of figures) {
      console.log(
        `${f.label.padEnd(38)} p50 ${ms(f.p50).padStart(9)}  p95 ${ms(f.p95).padStart(9)}  ${f.p95 <= TARGET_P95_MS ? 'ok    ' : 'MISSED'}` +
          `  | without the new indexes: p50 ${ms(f.baselineP50).padStart(9)}  p95 ${ms(f.baselineP95).padStart(9)}`,
      );
    }
    return figures;
  } finally {
    await bench.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runAuditViewerBench();
