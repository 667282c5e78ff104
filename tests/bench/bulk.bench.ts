/**
 * npm run bench:bulk — issue 13's "bulk tag of 10,000 contacts (seconds)", beside a baseline from the same run:
 *  - POST /api/contacts/bulk addTags on 10,000 contacts by id: the preview (dryRun), the action, and the same by filter;
 *  - baseline: one plain UPDATE of the same rows' tags, no locks, checks, audit or version bump.
 * BENCH_CONTACTS (default 100,000) in the directory; BENCH_DATABASE_URL = a real server, unset = embedded PGlite.
 */
import { sql } from 'kysely';
import { buildApp } from '../../server/src/app.js';
import { MAX_BULK_CONTACTS } from '../../server/src/domain/bulk-actions.js';
import { generateContacts } from '../../seeds/synthetic/generate.js';
import { loadSyntheticContacts } from '../../seeds/synthetic/load.js';
import { openBenchDatabase } from './bench-database.js';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);
const SELECTED = MAX_BULK_CONTACTS;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const bench = await openBenchDatabase();
const db = bench.database.db;
console.log(`Bulk actions bench on ${bench.label}`);
try {
  let started = performance.now();
  await loadSyntheticContacts(db, generateContacts(CONTACTS, 2026));
  await sql`ANALYZE`.execute(db);
  console.log(`loaded ${CONTACTS.toLocaleString('en')} contacts in ${seconds(performance.now() - started)}`);

  const app = await buildApp({ db, jwtSecret: 'bench-secret-that-is-long-enough-0123456789' });
  await app.ready();
  const headers = { authorization: `Bearer ${app.jwt.sign({ sub: bench.admin.id, role: 'admin' })}` };
  const bulk = async (payload: Record<string, unknown>) => {
    const t0 = performance.now();
    const res = await app.inject({ method: 'POST', url: '/api/contacts/bulk', headers, payload });
    if (res.statusCode !== 200) throw new Error(`bulk → ${res.statusCode} ${res.body}`);
    return { ms: performance.now() - t0, result: res.json() as { count: number; changed: number } };
  };

  // Two disjoint sets of 10,000: the baseline and the action each update rows no earlier update left dead versions
  // of, and VACUUM after each timed write keeps the next one from paying for the last one's bloat.
  const all = (
    await db
      .selectFrom('contact')
      .select('id')
      .orderBy('id')
      .limit(2 * SELECTED)
      .execute()
  ).map((r) => r.id);
  const baselineIds = all.slice(0, SELECTED);
  const ids = all.slice(SELECTED);
  const selection = { ids };
  const vacuum = () => sql`VACUUM ANALYZE contact`.execute(db);

  started = performance.now();
  await sql`UPDATE contact SET tags = tags || ARRAY['bench-baseline'] WHERE id = ANY(${baselineIds}::uuid[])`.execute(db);
  const baseline = performance.now() - started;
  await vacuum();

  const preview = await bulk({ action: 'addTags', selection, tags: ['bench-preview'], dryRun: true });
  const tagged = await bulk({ action: 'addTags', selection, tags: ['bench-tag'] });
  await vacuum();
  const untagged = await bulk({ action: 'removeTags', selection, tags: ['bench-tag'] });
  await vacuum();

  // By filter: the largest governorate that is still within the limit ("all N matching" resolves the ids itself).
  const {
    rows: [largest],
  } = await sql<{ code: string; n: number }>`
    SELECT governorate_code AS code, count(*)::int AS n FROM contact_governorate GROUP BY 1
    HAVING count(*) <= ${MAX_BULK_CONTACTS} ORDER BY 2 DESC LIMIT 1`.execute(db);
  const byFilter = largest
    ? await bulk({ action: 'addTags', selection: { filter: { governorate: largest.code } }, tags: ['bench-filter'] })
    : null;

  console.log(`\nbulk tag of ${SELECTED.toLocaleString('en')} contacts (of ${CONTACTS.toLocaleString('en')})`);
  console.log(
    `  preview (dryRun, sample of 20)      ${seconds(preview.ms)}   count ${preview.result.count}, would change ${preview.result.changed}`,
  );
  console.log(`  addTags by ids                      ${seconds(tagged.ms)}   changed ${tagged.result.changed}`);
  console.log(`  removeTags by ids                   ${seconds(untagged.ms)}   changed ${untagged.result.changed}`);
  if (byFilter)
    console.log(`  addTags by filter (${largest.code}, ${largest.n})    ${seconds(byFilter.ms)}   changed ${byFilter.result.changed}`);
  console.log(`  baseline: one plain UPDATE of 10,000 ${seconds(baseline)}   (other rows, as fresh)`);
  const audits = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('action', '=', 'bulk_update')
    .executeTakeFirstOrThrow();
  console.log(`  audit rows written: ${audits.n} (one per action)`);
  await app.close();
} finally {
  await bench.close();
}
