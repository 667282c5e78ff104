/**
 * npm run bench:network — the network view at directory scale: 10k generated contacts and 30k random relationships
 * (10% ended), then p50/p95 over 100 distinct requests each of the contact view (depth 2) and the governorate view,
 * in process through app.inject. Environment: BENCH_DATABASE_URL (a real server; unset = embedded PGlite),
 * BENCH_CONTACTS (10000), BENCH_RELATIONSHIPS (30000).
 */
import { sql } from 'kysely';
import { buildApp } from '../../server/src/app.js';
import { GOVERNORATES } from '../../server/src/domain/governorates.js';
import { generateContacts } from '../../seeds/synthetic/generate.js';
import { loadSyntheticContacts } from '../../seeds/synthetic/load.js';
import { openBenchDatabase } from './bench-database.js';
import { percentile } from '../helpers/search-quality.js';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 10_000);
const RELATIONSHIPS = Number(process.env.BENCH_RELATIONSHIPS ?? 30_000);
const REQUESTS = 100;
const SEED = 2026;

/** mulberry32: the same graph for the same seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  const bench = await openBenchDatabase();
  const db = bench.database.db;
  console.log(`database: ${bench.label}`);
  try {
    let started = performance.now();
    const ids = await loadSyntheticContacts(db, generateContacts(CONTACTS, SEED));
    console.log(`loaded ${ids.length} contacts in ${ms(performance.now() - started)}`);

    started = performance.now();
    const types = await db.selectFrom('relationship_type').select(['id', 'key']).orderBy('key').execute();
    const random = rng(SEED);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const seen = new Set<string>();
    const rows: { type_id: string; from_contact_id: string; to_contact_id: string; start_date: string; end_date: string | null }[] = [];
    while (rows.length < RELATIONSHIPS) {
      const from = pick(ids);
      const to = pick(ids);
      const type = pick(types);
      const key = `${type.id}:${from}:${to}`;
      if (from === to || seen.has(key)) continue;
      seen.add(key);
      rows.push({
        type_id: type.id,
        from_contact_id: from,
        to_contact_id: to,
        start_date: '2024-01-01',
        end_date: random() < 0.1 ? '2025-01-01' : null,
      });
    }
    for (let i = 0; i < rows.length; i += 2000)
      await db
        .insertInto('relationship')
        .values(rows.slice(i, i + 2000))
        .execute();
    await sql`ANALYZE`.execute(db);
    console.log(`inserted ${rows.length} relationships in ${ms(performance.now() - started)}`);

    const app = await buildApp({ db, jwtSecret: 'bench-secret-that-is-long-enough-0123456789' });
    await app.ready();
    const headers = { authorization: `Bearer ${app.jwt.sign({ sub: bench.admin.id, role: 'admin' })}` };

    async function measure(label: string, urls: string[]) {
      await app.inject({ method: 'GET', url: urls[0], headers }); // warm-up
      const times: number[] = [];
      let nodes = 0;
      let edges = 0;
      let truncated = 0;
      for (const url of urls) {
        const t0 = performance.now();
        const res = await app.inject({ method: 'GET', url, headers });
        times.push(performance.now() - t0);
        if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
        const body = res.json();
        nodes += body.nodes.length;
        edges += body.edges.length;
        if (body.truncated) truncated++;
      }
      console.log(
        `${label.padEnd(24)} n=${urls.length}  p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  max ${ms(Math.max(...times))}` +
          `  mean nodes ${(nodes / urls.length).toFixed(0)}  mean edges ${(edges / urls.length).toFixed(0)}  truncated ${truncated}`,
      );
    }

    const centres = Array.from({ length: REQUESTS }, (_, i) => ids[Math.floor((i * ids.length) / REQUESTS)]);
    await measure(
      'contact view, depth 2',
      centres.map((id) => `/api/network?contact=${id}&depth=2`),
    );
    // 19 governorates; "distinct" requests: each governorate with and without ended relationships, cycled to 100.
    const govUrls = Array.from({ length: REQUESTS }, (_, i) => {
      const g = GOVERNORATES[i % GOVERNORATES.length].code;
      return `/api/network?governorate=${g}${Math.floor(i / GOVERNORATES.length) % 2 ? '&includeEnded=true' : ''}`;
    });
    await measure('governorate view', govUrls);
    await app.close();
  } finally {
    await bench.close();
  }
}

await main();
