/**
 * npm run bench:management — the management views at directory scale: 100k generated contacts, 2k government bodies
 * with focal points (some positions ended), 200k interactions with their participants, events with attendance. Then
 * p50/p95 over 30 requests each of the partnerships list (default filters, one governorate, a sorted status filter),
 * the governorate statistics (the map) and the dashboard, in process through app.inject.
 *
 * Beside each figure: the target, and as a floor the time of a plain count(*) over the interactions, the least any
 * figure built from them can cost. Environment: BENCH_DATABASE_URL (a real server; unset = embedded PGlite),
 * BENCH_CONTACTS (100000), BENCH_INTERACTIONS (200000), BENCH_BODIES (2000).
 */
import { sql } from 'kysely';
import { buildApp } from '../../server/src/app.js';
import { GOVERNORATES } from '../../server/src/domain/governorates.js';
import { generateContacts } from '../../seeds/synthetic/generate.js';
import { loadSyntheticContacts } from '../../seeds/synthetic/load.js';
import { DEFAULT_HISTORY, loadPartnershipHistory } from '../../seeds/synthetic/partnership-history.js';
import { openBenchDatabase } from './bench-database.js';
import { percentile } from '../helpers/search-quality.js';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? DEFAULT_HISTORY.interactions);
const BODIES = Number(process.env.BENCH_BODIES ?? DEFAULT_HISTORY.bodies);
const REQUESTS = 30;
const SEED = 2026;
/** p95 a manager should not notice on the embedded database; the server should do better. */
const TARGET_P95_MS = 1_000;

const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  const bench = await openBenchDatabase();
  const db = bench.database.db;
  console.log(`database: ${bench.label}`);
  try {
    let started = performance.now();
    await loadSyntheticContacts(db, generateContacts(CONTACTS, SEED));
    console.log(`loaded ${CONTACTS} contacts in ${ms(performance.now() - started)}`);
    started = performance.now();
    const summary = await loadPartnershipHistory(db, { ...DEFAULT_HISTORY, bodies: BODIES, interactions: INTERACTIONS });
    await sql`ANALYZE`.execute(db);
    console.log(`loaded history in ${ms(performance.now() - started)}: ${JSON.stringify(summary)}`);

    const floorTimes: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const t0 = performance.now();
      await sql`SELECT count(*) FROM interaction`.execute(db);
      floorTimes.push(performance.now() - t0);
    }
    const floor = percentile(floorTimes, 50);
    console.log(`floor: SELECT count(*) FROM interaction  p50 ${ms(floor)}  p95 ${ms(percentile(floorTimes, 95))}`);

    const app = await buildApp({ db, jwtSecret: 'bench-secret-that-is-long-enough-0123456789' });
    await app.ready();
    const headers = { authorization: `Bearer ${app.jwt.sign({ sub: bench.admin.id, role: 'admin' })}` };

    async function measure(label: string, urls: string[], describe: (body: any) => string) {
      const warm = await app.inject({ method: 'GET', url: urls[0], headers });
      if (warm.statusCode !== 200) throw new Error(`${urls[0]} → ${warm.statusCode} ${warm.body}`);
      const times: number[] = [];
      for (const url of urls) {
        const t0 = performance.now();
        const res = await app.inject({ method: 'GET', url, headers });
        times.push(performance.now() - t0);
        if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
      }
      const p50 = percentile(times, 50);
      const p95 = percentile(times, 95);
      console.log(
        `${label.padEnd(34)} n=${urls.length}  p50 ${ms(p50).padStart(9)}  p95 ${ms(p95).padStart(9)}  ` +
          `target p95 ≤ ${TARGET_P95_MS} ms ${p95 <= TARGET_P95_MS ? 'ok' : 'MISSED'}  ${(p50 / floor).toFixed(1)}× floor  ${describe(warm.json())}`,
      );
    }

    const repeat = (url: string) => Array.from({ length: REQUESTS }, () => url);
    const byGovernorate = (url: (code: string) => string) =>
      Array.from({ length: REQUESTS }, (_, i) => url(GOVERNORATES[i % GOVERNORATES.length].code));
    const rows = (b: any) => `total ${b.total}, byStatus ${JSON.stringify(b.totals.byStatus)}`;

    await measure('partnerships (default filters)', repeat('/api/partnerships'), rows);
    await measure(
      'partnerships (one governorate)',
      byGovernorate((g) => `/api/partnerships?governorate=${g}`),
      rows,
    );
    await measure('partnerships (dormant, by contact)', repeat('/api/partnerships?status=dormant&sort=lastContact'), rows);
    await measure('stats/governorates (map)', repeat('/api/stats/governorates'), (b) => `${b.items.length} governorates`);
    await measure(
      'stats/dashboard',
      repeat('/api/stats/dashboard'),
      (b) =>
        `contacts ${b.contacts.total}, events ${b.events.totals.events}, attended ${b.events.totals.attended}, overdue ${b.followUps.overdue}`,
    );
    await measure(
      'stats/dashboard (one governorate)',
      byGovernorate((g) => `/api/stats/dashboard?governorate=${g}`),
      (b) => `contacts ${b.contacts.total}`,
    );
    await app.close();
  } finally {
    await bench.close();
  }
}

await main();
