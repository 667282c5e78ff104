/**
 * npm run bench:directory — the contacts table and saved segments at directory scale: 100k generated contacts with
 * the partnership history (interactions, events with attendance). Through app.inject, p50/p95 over 30 requests of:
 *   - a page of 50 with three filters (kind, two governorates, a tag) and a sort, beside the plain first page;
 *   - page 1,000 (rows 49,951–50,000) by keyset cursor and by offset, beside page 1;
 *   - a saved segment's count (GET /api/segments/:id), beside a plain count(*) of the contacts;
 *   - a custom-field filter (a choice field over every contact, served by the GIN index), beside the plain first page.
 * Environment: BENCH_DATABASE_URL (a real server; unset = embedded PGlite), BENCH_CONTACTS (100000),
 * BENCH_INTERACTIONS (200000).
 */
import { sql } from 'kysely';
import { buildApp } from '../../server/src/app.js';
import { generateContacts } from '../../seeds/synthetic/generate.js';
import { loadSyntheticContacts } from '../../seeds/synthetic/load.js';
import { DEFAULT_HISTORY, loadPartnershipHistory } from '../../seeds/synthetic/partnership-history.js';
import { openBenchDatabase } from './bench-database.js';
import { percentile } from '../helpers/search-quality.js';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? DEFAULT_HISTORY.interactions);
const REQUESTS = 30;
const SEED = 2026;
/** The goal for the filtered page on the real server. */
const TARGET_P95_MS = 50;
/** Page 1,000 at 100k; half-way through a smaller directory. */
const DEEP_OFFSET = Math.min(49_950, Math.floor(CONTACTS / 100) * 50);

const ms = (x: number) => `${x.toFixed(1)} ms`;
const SECTORS = ['health', 'education', 'water', 'media', 'other'];
const FILTERED = `kind=activist&governorate=IQ-BG&governorate=IQ-BA&tags=${encodeURIComponent('شباب')}`;

async function main() {
  const bench = await openBenchDatabase();
  const db = bench.database.db;
  console.log(`database: ${bench.label}`);
  try {
    let started = performance.now();
    await loadSyntheticContacts(db, generateContacts(CONTACTS, SEED));
    console.log(`loaded ${CONTACTS} contacts in ${ms(performance.now() - started)}`);
    started = performance.now();
    const summary = await loadPartnershipHistory(db, { ...DEFAULT_HISTORY, interactions: INTERACTIONS });
    // A choice field with five options spread over every contact, for the custom-field filter figures (section 4).
    await db
      .insertInto('custom_field')
      .values({
        key: 'sector',
        type: 'choice',
        kinds: ['activist', 'volunteer_team', 'organization', 'government_focal_point'],
        label_ar: 'القطاع',
        label_en: 'Sector',
        options: JSON.stringify(SECTORS.map((value) => ({ value, labelAr: value, labelEn: value }))),
      })
      .execute();
    await sql`UPDATE contact SET custom_values = jsonb_build_object('sector',
      (${sql.val(SECTORS)}::text[])[1 + abs(hashtext(id::text)) % ${SECTORS.length}])`.execute(db);
    // VACUUM as autovacuum would on a live directory: the history load rewrites many contact rows.
    await sql`VACUUM ANALYZE`.execute(db);
    console.log(`loaded history in ${ms(performance.now() - started)}: ${JSON.stringify(summary)}`);

    const app = await buildApp({ db, jwtSecret: 'bench-secret-that-is-long-enough-0123456789' });
    await app.ready();
    const headers = { authorization: `Bearer ${app.jwt.sign({ sub: bench.admin.id, role: 'admin' })}` };
    const get = async (url: string) => {
      const res = await app.inject({ method: 'GET', url, headers });
      if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
      return res.json();
    };

    async function time(label: string, run: () => Promise<unknown>, note = ''): Promise<number> {
      await run();
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const t0 = performance.now();
        await run();
        times.push(performance.now() - t0);
      }
      const p50 = percentile(times, 50);
      const p95 = percentile(times, 95);
      console.log(`${label.padEnd(46)} p50 ${ms(p50).padStart(9)}  p95 ${ms(p95).padStart(9)}  ${note}`);
      return p95;
    }

    console.log('\n1. a page of 50: three filters and a sort, beside the plain first page');
    const filtered = await get(`/api/contacts?${FILTERED}&sort=-updatedAt&limit=50`);
    await time('baseline: /api/contacts?limit=50 (by name)', () => get('/api/contacts?limit=50'));
    const p95 = await time(
      '3 filters, sort=-updatedAt',
      () => get(`/api/contacts?${FILTERED}&sort=-updatedAt&limit=50`),
      `total ${filtered.total}; target p95 ≤ ${TARGET_P95_MS} ms on a server`,
    );
    await time('3 filters, sort=name', () => get(`/api/contacts?${FILTERED}&sort=name&limit=50`));
    await time('3 filters, sort=-lastContact (computed)', () => get(`/api/contacts?${FILTERED}&sort=-lastContact&limit=50`));
    await time('3 filters, sort=name, + 3 computed columns', () =>
      get(`/api/contacts?${FILTERED}&sort=name&limit=50&columns=organization,lastContact,eventsAttended`),
    );
    await time('q=علي + 3 filters, sort=name', () => get(`/api/contacts?q=${encodeURIComponent('علي')}&${FILTERED}&sort=name&limit=50`));

    console.log(`\n2. page ${DEEP_OFFSET / 50 + 1} (offset ${DEEP_OFFSET}) by keyset and by offset, beside page 1`);
    for (const sort of ['name', '-updatedAt']) {
      const before = await get(`/api/contacts?sort=${sort}&offset=${DEEP_OFFSET - 1}&limit=1`);
      const cursor = encodeURIComponent(before.nextCursor as string);
      const byCursor = await get(`/api/contacts?sort=${sort}&cursor=${cursor}&limit=50`);
      const byOffset = await get(`/api/contacts?sort=${sort}&offset=${DEEP_OFFSET}&limit=50`);
      const same =
        JSON.stringify(byCursor.items.map((i: { id: string }) => i.id)) === JSON.stringify(byOffset.items.map((i: { id: string }) => i.id));
      await time(`baseline: page 1, sort=${sort}`, () => get(`/api/contacts?sort=${sort}&limit=50`));
      await time(
        `deep page by cursor, sort=${sort}`,
        () => get(`/api/contacts?sort=${sort}&cursor=${cursor}&limit=50`),
        same ? 'same rows as offset' : 'ROWS DIFFER',
      );
      await time(`deep page by offset, sort=${sort}`, () => get(`/api/contacts?sort=${sort}&offset=${DEEP_OFFSET}&limit=50`));
    }

    console.log("\n3. a saved segment's count, beside a plain count(*)");
    const created = await app.inject({
      method: 'POST',
      url: '/api/segments',
      headers,
      payload: {
        name: 'bench',
        filter: { kind: 'activist', governorate: ['IQ-BG', 'IQ-BA'], tags: ['شباب'], lastContactAfter: '2020-01-01' },
      },
    });
    if (created.statusCode !== 201) throw new Error(created.body);
    const segment = created.json();
    await time('baseline: SELECT count(*) FROM contact', () => sql`SELECT count(*) FROM contact`.execute(db));
    await time('GET /api/segments/:id (4 filters, count)', () => get(`/api/segments/${segment.id}`), `count ${segment.count}`);
    await time('GET /api/contacts?segment=… page 1', () => get(`/api/contacts?segment=${segment.id}&limit=50`));

    console.log('\n4. a custom-field filter (choice, GIN containment), beside the same page without it');
    const custom = 'custom=sector:any:health';
    const customPage = await get(`/api/contacts?${custom}&limit=50`);
    await time('baseline: /api/contacts?limit=50 (by name)', () => get('/api/contacts?limit=50'));
    await time('custom-field filter, sort=name', () => get(`/api/contacts?${custom}&limit=50`), `total ${customPage.total}`);
    await time('custom-field filter (2 options) + 3 filters', () =>
      get(`/api/contacts?custom=${encodeURIComponent('sector:any:health|water')}&${FILTERED}&sort=-updatedAt&limit=50`),
    );

    console.log(`\nfiltered page p95 ${ms(p95)} (${p95 <= TARGET_P95_MS ? 'within' : 'over'} the ${TARGET_P95_MS} ms server goal)`);
    await app.close();
  } finally {
    await bench.close();
  }
}

await main();
