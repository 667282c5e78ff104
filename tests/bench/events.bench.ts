/**
 * npm run bench:events — events at directory scale: 100k generated contacts with three years of event history
 * (300 past events, ~30k invitations, most attended) and current positions, then
 *  - suggestions for a 50-place event with four governorate quotas and a 40% women share: p50/p95 over 20 requests,
 *    beside a naive baseline that loads every contact and the whole history into the process and ranks there;
 *  - auto-split of 500 confirmed participants into 20 groups: endpoint and pure-function timings, and the balance
 *    penalty and colleague pairs beside a random split.
 * In process through app.inject. Environment: BENCH_DATABASE_URL (a real server; unset = embedded PGlite),
 * BENCH_CONTACTS (100000).
 */
import { sql } from 'kysely';
import { buildApp } from '../../server/src/app.js';
import { autoSplit, splitPenalty, type SplitPerson } from '../../server/src/domain/events/split.js';
import { pickSuggestions } from '../../server/src/domain/events/suggest.js';
import { generateContacts } from '../../seeds/synthetic/generate.js';
import { loadSyntheticContacts } from '../../seeds/synthetic/load.js';
import { loadEventHistory } from '../../seeds/synthetic/event-history.js';
import { invitationFacts } from '../../server/src/modules/events/events.repository.js';
import { splitAffiliations } from '../../server/src/modules/events/groups.repository.js';
import { splitPeople } from '../../server/src/modules/events/groups.service.js';
import { openBenchDatabase } from './bench-database.js';
import { percentile } from '../helpers/search-quality.js';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);
const SUGGESTION_RUNS = 20;
const SPLIT_PEOPLE = 500;
const SPLIT_GROUPS = 20;
const SPLIT_RUNS = 5;
const SEED = 2026;
const TARGET_SUGGESTIONS_P95_MS = 300;

const ms = (x: number) => `${x.toFixed(1)} ms`;

/** mulberry32, for the random baseline split. */
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

function colleaguePairs(people: readonly SplitPerson[], groupOf: (id: string) => number | undefined): number {
  const counts = new Map<string, number>();
  let pairs = 0;
  for (const p of people) {
    for (const o of p.organisationIds) {
      const key = `${groupOf(p.id)}|${o}`;
      pairs += counts.get(key) ?? 0;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return pairs;
}

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
    await sql`ANALYZE`.execute(db);
    console.log(
      `event history: ${history.events} events, ${history.invitations} invitations, ${history.positions} positions in ${ms(performance.now() - started)}`,
    );

    const app = await buildApp({ db, jwtSecret: 'bench-secret-that-is-long-enough-0123456789' });
    await app.ready();
    const headers = { authorization: `Bearer ${app.jwt.sign({ sub: bench.admin.id, role: 'admin' })}` };
    const call = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
      const res = await app.inject({ method, url, headers, ...(payload ? { payload: payload } : {}) });
      if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
      return res.json();
    };

    const closing = await call('POST', '/api/events', {
      title: 'الجلسة الختامية',
      type: 'closing_session',
      startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 30 * 86_400_000 + 6 * 3_600_000).toISOString(),
      capacity: 50,
      quotas: [
        { dimension: 'governorate', value: 'IQ-BG', minCount: 20, maxCount: 20 },
        { dimension: 'governorate', value: 'IQ-AN', minCount: 10, maxCount: 10 },
        { dimension: 'governorate', value: 'IQ-NA', minCount: 10, maxCount: 10 },
        { dimension: 'governorate', value: 'IQ-BB', minCount: 10, maxCount: 10 },
        { dimension: 'gender', value: 'female', minShare: 0.4 },
      ],
    });

    const url = `/api/events/${closing.id}/suggestions?limit=50&monthsWithoutInvitation=6`;
    const first = await call('GET', url);
    const times: number[] = [];
    for (let i = 0; i < SUGGESTION_RUNS; i++) {
      const t0 = performance.now();
      await call('GET', url);
      times.push(performance.now() - t0);
    }
    const byGov = new Map<string, number>();
    for (const item of first.items) for (const g of item.contact.governorates) byGov.set(g, (byGov.get(g) ?? 0) + 1);
    const women = first.items.filter((i: { contact: { gender: string | null } }) => i.contact.gender === 'female').length;
    const fresh = first.items.filter((i: { reasons: { code: string }[] }) =>
      i.reasons.some((r) => r.code === 'never_invited' || r.code === 'not_invited_recently'),
    ).length;
    console.log(`\nsuggestions (50 places, 4 governorate quotas + 40% women), ${SUGGESTION_RUNS} requests:`);
    console.log(`  p50 ${ms(percentile(times, 50))}   p95 ${ms(percentile(times, 95))}   (target p95 < ${TARGET_SUGGESTIONS_P95_MS} ms)`);
    console.log(
      `  picked ${first.items.length}: ${['IQ-BG', 'IQ-AN', 'IQ-NA', 'IQ-BB'].map((g) => `${g} ${byGov.get(g) ?? 0}`).join(', ')}; women ${women}; not invited in 6 months ${fresh}`,
    );

    // Baseline: no SQL pre-aggregation — every contact and the whole history into the process, ranked there.
    const naive: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const contacts = await sql<{ id: string; kind: string; gender: string | null; governorates: string[] }>`
        SELECT c.id, c.kind, c.gender, array(SELECT g.governorate_code FROM contact_governorate g WHERE g.contact_id = c.id) AS governorates
        FROM contact c`.execute(db);
      const invitations = await sql<{ contact_id: string; representative_id: string | null; status: string; starts_at: Date }>`
        SELECT i.contact_id, i.representative_id, i.status, e.starts_at FROM invitation i JOIN event e ON e.id = i.event_id`.execute(db);
      const last = new Map<string, Date>();
      const attended = new Map<string, number>();
      for (const r of invitations.rows) {
        for (const id of [r.contact_id, r.representative_id]) {
          if (!id) continue;
          const at = new Date(r.starts_at);
          if (r.status !== 'proposed' && r.status !== 'cancelled' && (last.get(id) ?? new Date(0)) < at) last.set(id, at);
          if (r.status === 'attended') attended.set(id, (attended.get(id) ?? 0) + 1);
        }
      }
      const detail = await call('GET', `/api/events/${closing.id}`);
      pickSuggestions(
        contacts.rows.map((c) => ({ ...c, lastInvitedAt: last.get(c.id) ?? null, attended: attended.get(c.id) ?? 0 })),
        detail.quotaStatus,
        { limit: 50, months: 6, now: new Date() },
      );
      naive.push(performance.now() - t0);
    }
    console.log(`  baseline (load all ${CONTACTS} contacts + history, rank in process): p50 ${ms(percentile(naive, 50))}`);

    // Auto-split: 500 confirmed participants, mostly with a current position, into 20 groups.
    const workshop = await call('POST', '/api/events', {
      title: 'ورشة كبيرة',
      type: 'workshop',
      startsAt: new Date(Date.now() + 60 * 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 60 * 86_400_000 + 6 * 3_600_000).toISOString(),
    });
    await sql`INSERT INTO invitation (event_id, contact_id, status, role)
      SELECT ${workshop.id}, c.id, 'confirmed', 'participant' FROM contact c
      WHERE c.kind IN ('activist', 'government_focal_point')
      ORDER BY (EXISTS (SELECT 1 FROM position p WHERE p.person_id = c.id)) DESC, md5(c.id::text)
      LIMIT ${SPLIT_PEOPLE}`.execute(db);
    for (let g = 0; g < SPLIT_GROUPS; g++) await call('POST', `/api/events/${workshop.id}/groups`, { name: `مجموعة ${g + 1}` });
    const splitTimes: number[] = [];
    let result: { groups: { memberCount: number }[] } | null = null;
    for (let i = 0; i < SPLIT_RUNS; i++) {
      const t0 = performance.now();
      result = await call('POST', `/api/events/${workshop.id}/groups/auto-split`, { mode: 'confirmed' });
      splitTimes.push(performance.now() - t0);
    }
    const people = splitPeople(await invitationFacts(db, workshop.id), await splitAffiliations(db, workshop.id));
    const groups = Array.from({ length: SPLIT_GROUPS }, (_, g) => ({ id: `g${g}`, size: null }));
    const pureTimes: number[] = [];
    let split = autoSplit(people, groups);
    for (let i = 0; i < SPLIT_RUNS; i++) {
      const t0 = performance.now();
      split = autoSplit(people, groups);
      pureTimes.push(performance.now() - t0);
    }
    const index = new Map(groups.map((g, i) => [g.id, i]));
    const ours = (id: string) => index.get(split.assignment.get(id)!);
    const random = rng(SEED);
    const shuffled = people.map((p) => ({ p, r: random() })).sort((a, b) => a.r - b.r);
    const randomGroup = new Map(shuffled.map((x, i) => [x.p.id, i % SPLIT_GROUPS]));
    const theirs = (id: string) => randomGroup.get(id);
    const sizes = result!.groups.map((g) => g.memberCount);
    const orgs = new Set(people.flatMap((p) => p.organisationIds)).size;
    console.log(`\nauto-split of ${people.length} confirmed participants (${orgs} organisations) into ${SPLIT_GROUPS} groups:`);
    console.log(
      `  endpoint p50 ${ms(percentile(splitTimes, 50))}   max ${ms(Math.max(...splitTimes))}   (algorithm alone p50 ${ms(percentile(pureTimes, 50))})`,
    );
    console.log(`  group sizes ${Math.min(...sizes)}–${Math.max(...sizes)}`);
    console.log(
      `  penalty (weighted same-feature pairs, lower is better): ours ${splitPenalty(people, ours)}   random split ${splitPenalty(people, theirs)}`,
    );
    console.log(`  colleague pairs in one group: ours ${colleaguePairs(people, ours)}   random split ${colleaguePairs(people, theirs)}`);
    await app.close();
  } finally {
    await bench.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
