/**
 * npm run bench:programmes — the donor report at directory scale (issue 16): 100k generated contacts, a programme with
 * 300 attributed events and ~30k invitations (most attended) over three years, current positions, a few thousand
 * listed participants; then p50/p95 over 20 requests each of
 *  - the donor report (JSON) for the whole programme, and for a governorate-limited user;
 *  - the people list behind the report's grand total (first 100 by name), and the 3W as CSV;
 *  - a baseline from the same run: the events list (GET /api/events, 50 newest).
 * In process through app.inject. Environment: BENCH_DATABASE_URL (a real server; unset = embedded PGlite),
 * BENCH_CONTACTS (100000). Goal: report p95 ≤ 500 ms on the real server.
 */
import { sql } from 'kysely';
import { buildApp } from '../../server/src/app.js';
import { generateContacts } from '../../seeds/synthetic/generate.js';
import { loadSyntheticContacts } from '../../seeds/synthetic/load.js';
import { loadEventHistory } from '../../seeds/synthetic/event-history.js';
import { openBenchDatabase } from './bench-database.js';
import { percentile } from '../helpers/search-quality.js';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);
const RUNS = 20;
const SEED = 2026;
const TARGET_P95_MS = 500;

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
    const history = await loadEventHistory(db);
    // Every event of the history belongs to one programme working everywhere; 3,000 people are listed participants.
    const programme = await db
      .insertInto('programme')
      .values({ name_ar: 'برنامج الديمقراطية', name_en: 'Democracy programme', starts_on: '2020-01-01', sector: 'Governance' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`INSERT INTO event_programme (event_id, programme_id) SELECT id, ${programme.id}::uuid FROM event`.execute(db);
    await sql`INSERT INTO programme_governorate SELECT ${programme.id}::uuid, code FROM governorate`.execute(db);
    await sql`INSERT INTO programme_participant (programme_id, contact_id, role, starts_on)
      SELECT ${programme.id}::uuid, id, 'beneficiary', '2024-01-01' FROM contact
      WHERE kind = 'activist' ORDER BY id LIMIT 3000`.execute(db);
    await sql`ANALYZE`.execute(db);
    const counts = await sql<{ invitations: number; attended: number }>`SELECT count(*)::int AS invitations,
      count(*) FILTER (WHERE status = 'attended')::int AS attended FROM invitation`.execute(db);
    console.log(
      `programme: ${history.events} events, ${counts.rows[0].invitations} invitations (${counts.rows[0].attended} attended), ${history.positions} positions, 3000 participants in ${ms(performance.now() - started)}`,
    );

    const app = await buildApp({ db, jwtSecret: 'bench-secret-that-is-long-enough-0123456789' });
    await app.ready();
    const tokenOf = (sub: string, role: 'admin' | 'staff') => `Bearer ${app.jwt.sign({ sub, role })}`;
    const scoped = await db
      .insertInto('app_user')
      .values({ email: 'erbil@example.org', name: 'Erbil', password_hash: 'x', role: 'staff', governorates: ['IQ-AR', 'IQ-DA'] })
      .returning('id')
      .executeTakeFirstOrThrow();
    const headers = { admin: { authorization: tokenOf(bench.admin.id, 'admin') }, scoped: { authorization: tokenOf(scoped.id, 'staff') } };
    const time = async (label: string, url: string, who: keyof typeof headers = 'admin') => {
      const times: number[] = [];
      let body = '';
      for (let i = 0; i < RUNS + 2; i += 1) {
        const t0 = performance.now();
        const res = await app.inject({ method: 'GET', url, headers: headers[who] });
        const took = performance.now() - t0;
        if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
        if (i >= 2) times.push(took); // two warm-up requests
        body = res.body;
      }
      console.log(`  ${label.padEnd(44)} p50 ${ms(percentile(times, 50)).padStart(10)}   p95 ${ms(percentile(times, 95)).padStart(10)}`);
      return body;
    };

    const id = programme.id;
    console.log(`\n${RUNS} requests each (after 2 warm-up), in process:`);
    await time('baseline: events list (50 newest)', '/api/events?limit=50');
    const report = JSON.parse(await time('donor report, whole programme (JSON)', `/api/programmes/${id}/report?from=2020-01-01`));
    await time('donor report, Erbil + Duhok user (JSON)', `/api/programmes/${id}/report?from=2020-01-01`, 'scoped');
    await time('people behind the grand total (100)', `/api${report.attendance.total.links.total}`);
    await time('3W (CSV)', `/api/exports/3w?programme=${id}&from=2020-01-01`);
    console.log(
      `\nreport figures: ${report.reached.total} people reached (${report.reached.attendees} attendees, ${report.reached.listed} listed), ` +
        `${report.events.length} events, ${report.governmentBodies.length} government bodies, ${report.newActivists.count} new activists; ` +
        `${report.attendance.rows.length} attendance rows`,
    );
    console.log(`goal: donor report p95 ≤ ${TARGET_P95_MS} ms on the real server`);
    await app.close();
  } finally {
    await bench.close();
  }
}

await main();
