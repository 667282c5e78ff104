/**
 * npm run bench:search — the search issue's figures, each beside its baseline, measured in one run.
 *   1. quality on the labelled query set (generated noise groups + hand-written queries): recall@1, recall@5, MRR,
 *      no-result share and latency per group, for our search, default fuse.js over display names, and ILIKE;
 *   2. /api/search over HTTP at the full directory size: warm p50/p99 over distinct queries, then autocannon with
 *      concurrency 32; beside it fuse.js over the same names in process and ILIKE '%…%' in PostgreSQL;
 *   3. browser-side fuse.js over 5k organisations with the shared keys: time per keystroke.
 * The typed_… groups are queries as users type them: unambiguous among the BENCH_KNOWN_PEOPLE people one coordinator
 * knows, run against the whole directory; the other generated groups are unambiguous in the whole directory.
 * Environment: BENCH_SIZE (100000), BENCH_PER_GROUP (40), BENCH_TYPED_PER_CLASS (100), BENCH_KNOWN_PEOPLE (4000),
 * BENCH_FUSE_PER_GROUP (4), BENCH_DATABASE_URL (a real server; unset = embedded PGlite), BENCH_QUALITY_ONLY=1 to stop
 * after part 1.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';
import { sql } from 'kysely';
import { buildApp } from '../../server/src/app.js';
import { openEmbedded, type Db } from '../../server/src/db/database.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import type { Actor } from '../../server/src/access/actor.js';
import { createUserRecord } from '../../server/src/modules/users/users.service.js';
import { openBenchDatabase } from './bench-database.js';
import {
  buildLabelledDirectory,
  directoryEngine,
  freshSearcher,
  runCases,
  summarise,
  type Engine,
  type GroupMetrics,
  type QueryCase,
} from '../helpers/search-quality.js';
import { measureHttp } from './http-load.js';

const SIZE = Number(process.env.BENCH_SIZE ?? 100_000);
const PER_GROUP = Number(process.env.BENCH_PER_GROUP ?? 40);
const FUSE_PER_GROUP = Number(process.env.BENCH_FUSE_PER_GROUP ?? 4);
/** Queries as users type them: unambiguous only among the people one coordinator knows. */
const KNOWN_PEOPLE = Number(process.env.BENCH_KNOWN_PEOPLE ?? 4000);
const TYPED_PER_CLASS = Number(process.env.BENCH_TYPED_PER_CLASS ?? 100);
const SEED = 2024;

const pct = (x: number) => x.toFixed(3);
const ms = (x: number) => `${x.toFixed(1)} ms`;

function printQuality(ours: GroupMetrics[], baselines: Record<string, GroupMetrics[]>) {
  const names = Object.keys(baselines);
  const header = ['group', 'n', 'R@1', 'R@5', 'MRR', 'none', 'p50', 'p95', ...names.map((n) => `${n} R@5 (n)`)];
  const rows = ours.map((m) => [
    m.group,
    String(m.queries),
    pct(m.recallAt1),
    pct(m.recallAt5),
    pct(m.mrr),
    pct(m.noResult),
    ms(m.p50Ms),
    ms(m.p95Ms),
    ...names.map((n) => {
      const b = baselines[n].find((x) => x.group === m.group);
      return b ? `${pct(b.recallAt5)} (${b.queries})` : '-';
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

function fuseEngineOver(names: Map<string, string>): Engine {
  const ids = [...names.keys()];
  const fuse = new Fuse(ids.map((id) => names.get(id)!));
  return (q) => fuse.search(q, { limit: 10 }).map((r) => ids[r.refIndex]);
}

function ilikeEngine(db: Db): Engine {
  return async (q) => {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const { rows } = await sql<{ id: string }>`SELECT id FROM contact WHERE name ILIKE ${pattern} ORDER BY name LIMIT 10`.execute(db);
    return rows.map((r) => r.id);
  };
}

/** The demo directory alone, in an in-memory PGlite, with the hand-written queries. */
async function openEmbeddedDemo() {
  const database = await openEmbedded(null);
  await migrateToLatest(database.db);
  const user = await createUserRecord(database.db, null, {
    email: 'demo@example.org',
    name: 'Demo',
    role: 'admin',
    password: 'a long enough password',
  });
  const admin: Actor = { id: user.id, role: 'admin', governorates: null };
  const directory = await buildLabelledDirectory(database.db, admin, { size: 0, seed: SEED, perGroup: 0 });
  return { db: database.db, admin, directory, close: () => database.close() };
}

const JWT_SECRET = 'bench-secret-that-is-long-enough-0123456789';

/**
 * The API server for the HTTP figures: in a process of its own when the database is a real server, so the load
 * generator does not share its event loop; in this process for the in-memory PGlite, which cannot be shared.
 */
async function startServer(bench: Awaited<ReturnType<typeof openBenchDatabase>>, db: Db) {
  const token = (await buildApp({ db, jwtSecret: JWT_SECRET })).jwt.sign({ sub: bench.admin.id, role: 'admin' });
  if (bench.url) {
    const child = fork(fileURLToPath(new URL('./search-server-process.ts', import.meta.url)), {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, BENCH_SERVER_DATABASE_URL: bench.url, BENCH_SERVER_JWT_SECRET: JWT_SECRET },
    });
    const { address } = await new Promise<{ address: string }>((resolve) => child.once('message', resolve as never));
    return {
      address,
      token,
      where: 'in its own process',
      close: async () => {
        child.send('close');
        await new Promise((resolve) => child.once('exit', resolve));
      },
    };
  }
  const app = await buildApp({ db, jwtSecret: JWT_SECRET });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { address, token, where: 'in the load generator’s thread (embedded database)', close: () => app.close() };
}

/** A sample with at most `per` queries of each group, for baselines too slow to run on every query. */
function sampleByGroup(cases: QueryCase[], per: number): QueryCase[] {
  const counts = new Map<string, number>();
  return cases.filter((c) => {
    const n = counts.get(c.group) ?? 0;
    counts.set(c.group, n + 1);
    return n < per;
  });
}

async function main() {
  const bench = await openBenchDatabase();
  const db = bench.database.db;
  console.log(`Search benchmark — ${SIZE.toLocaleString('en')} generated contacts (+ demo) on ${bench.label}`);

  let started = performance.now();
  const directory = await buildLabelledDirectory(db, bench.admin, {
    size: SIZE,
    seed: SEED,
    perGroup: PER_GROUP,
    typed: { knownPeople: Math.min(KNOWN_PEOPLE, SIZE), perClass: TYPED_PER_CLASS },
    handwritten: false,
    onProgress: (n) => n % 20000 === 0 && process.stdout.write(`  loaded ${n.toLocaleString('en')}\r`),
  });
  const loadSeconds = (performance.now() - started) / 1000;
  await sql`VACUUM ANALYZE`.execute(db);
  console.log(`Loaded ${directory.names.size.toLocaleString('en')} contacts in ${loadSeconds.toFixed(1)} s`);

  const ours = directoryEngine(db, await freshSearcher(db));
  await runCases(ours, directory.cases.slice(0, 50));
  const oursOutcomes = await runCases(ours, directory.cases);

  // The hand-written queries name demo people uniquely among the demo contacts: they run on the demo directory alone.
  const demo = await openEmbeddedDemo();
  const handOutcomes = await runCases(directoryEngine(demo.db, await freshSearcher(demo.db)), demo.directory.cases);
  const handFuse = fuseEngineOver(demo.directory.names);
  const oursMetrics = summarise([...oursOutcomes, ...handOutcomes]);

  started = performance.now();
  const fuseEngine = fuseEngineOver(directory.names);
  const fuseBuild = performance.now() - started;
  const fuseCases = sampleByGroup(directory.cases, FUSE_PER_GROUP);
  const fuseMetrics = summarise([...(await runCases(fuseEngine, fuseCases)), ...(await runCases(handFuse, demo.directory.cases))]);
  const ilikeMetrics = summarise([
    ...(await runCases(ilikeEngine(db), directory.cases)),
    ...(await runCases(ilikeEngine(demo.db), demo.directory.cases)),
  ]);
  await demo.close();

  console.log(
    `\n1. Quality (${directory.cases.length} generated queries on the full directory, ${demo.directory.cases.length} hand-written (hand:) on the demo directory; fuse.js default on ${fuseCases.length} generated, index built in ${ms(fuseBuild)})`,
  );
  printQuality(oursMetrics, { 'fuse.js': fuseMetrics, ILIKE: ilikeMetrics });
  const misses = [...oursOutcomes, ...handOutcomes].filter((o) => o.rank === null || o.rank > 5);
  console.log(`\nMisses (not in the first five): ${misses.length}`);
  for (const m of misses.filter((o) => !o.group.startsWith('typed_')).slice(0, 40)) {
    console.log(`  ${m.group}: ${m.query}  → ${m.rank ?? 'not found'}`);
  }
  // A few queries per group whose first result is not the person meant, beside that result.
  const nameOf = (id: string | null) => (id ? (directory.names.get(id) ?? id) : '-');
  const wrongFirst = oursOutcomes.filter((o) => o.rank !== 1);
  console.log(`\nQueries whose first result is someone else: ${wrongFirst.length} (a few per group)`);
  for (const group of [...new Set(wrongFirst.map((o) => o.group))].sort()) {
    for (const m of wrongFirst.filter((o) => o.group === group).slice(0, 6)) {
      console.log(`  ${m.group}: «${m.query}» meant «${nameOf(m.expectedId)}» → ${m.rank ?? 'not found'}; first «${nameOf(m.topId)}»`);
    }
  }

  if (process.env.BENCH_QUALITY_ONLY) {
    await bench.close();
    return;
  }

  const server = await startServer(bench, db);
  const queries = directory.cases.map((c) => c.query);
  console.log(`\n2. Server speed over HTTP (${queries.length} distinct queries; server ${server.where})`);
  const http = await measureHttp(server.address, server.token, queries);
  console.log(
    `  /api/search sequential, warm: p50 ${ms(http.sequential.p50)}  p99 ${ms(http.sequential.p99)}   (target p50 ≤ 10 ms, p99 ≤ 50 ms)`,
  );
  console.log(
    `  /api/search concurrency 32 for ${http.load.seconds} s: ${Math.round(http.load.rps)} req/s, p50 ${ms(http.load.p50)}, p99 ${ms(http.load.p99)}, errors ${http.load.errors}, non-2xx ${http.load.non2xx}   (target ≥ 1,000 req/s, no errors)`,
  );
  const fuseTimes = summarise(await runCases(fuseEngine, sampleByGroup(directory.cases, 2))).at(-1)!;
  const ilikeTimes = summarise(await runCases(ilikeEngine(db), directory.cases)).at(-1)!;
  const oursTimes = summarise(oursOutcomes).at(-1)!;
  console.log(`  ours in process (no HTTP): p50 ${ms(oursTimes.p50Ms)}  p95 ${ms(oursTimes.p95Ms)}`);
  console.log(
    `  baseline fuse.js default, in process over ${directory.names.size.toLocaleString('en')} names: p50 ${ms(fuseTimes.p50Ms)}  p95 ${ms(fuseTimes.p95Ms)}`,
  );
  console.log(`  baseline ILIKE '%…%' in PostgreSQL (in process, no HTTP): p50 ${ms(ilikeTimes.p50Ms)}  p95 ${ms(ilikeTimes.p95Ms)}`);
  await server.close();

  console.log('\n3. Browser-side fuse.js over 5,000 organisations with the shared keys (per keystroke)');
  const { measureLocalIndex } = await import('./local-index-timing.js');
  const local = measureLocalIndex(5000, SEED);
  console.log(
    `  build ${ms(local.buildMs)}; per keystroke p50 ${ms(local.p50)}  p95 ${ms(local.p95)}  max ${ms(local.max)}   (target ≤ 16 ms)`,
  );
  console.log(`  baseline fuse.js default over the same display names: p50 ${ms(local.baselineP50)}  p95 ${ms(local.baselineP95)}`);

  const { rows } = await sql<{ name: string; size: string }>`
    SELECT indexrelname AS name, pg_size_pretty(pg_relation_size(indexrelid)) AS size FROM pg_stat_user_indexes
    WHERE relname IN ('contact', 'search_word', 'search_word_variant') ORDER BY pg_relation_size(indexrelid) DESC`.execute(db);
  console.log('\nIndex sizes:');
  for (const r of rows) console.log(`  ${r.name.padEnd(36)} ${r.size}`);
  await bench.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
