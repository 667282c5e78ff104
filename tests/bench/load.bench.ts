import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { buildApp } from '../../server/src/app.js';
import { generateContacts } from '../../seeds/synthetic/generate.js';
import { loadSyntheticContacts } from '../../seeds/synthetic/load.js';
import { openBenchDatabase } from './bench-database.js';

/**
 * bench:load — mixed traffic over many connections against the real PostgreSQL server: each connection cycles through
 * search, list, read a contact, update that contact (with the version it just read) and create one. Prints the
 * throughput and latency beside a same-run baseline at low concurrency, and where the server's time goes.
 * BENCH_DATABASE_URL is required; BENCH_CONNECTIONS (200), BENCH_SECONDS (60), BENCH_POOL_SIZE (10), BENCH_CONTACTS (10000).
 */
if (!process.env.BENCH_DATABASE_URL) {
  console.error('bench:load needs a real server: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:load');
  process.exit(2);
}
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 10_000);
const JWT_SECRET = 'bench-secret-that-is-long-enough-0123456789';

const bench = await openBenchDatabase();
const synthetic = generateContacts(CONTACTS, 7);
const ids = await loadSyntheticContacts(bench.database.db, synthetic);
const queries = synthetic.slice(0, 500).map((c) => c.name.split(' ').slice(0, 2).join(' '));
const token = (await buildApp({ db: bench.database.db, jwtSecret: JWT_SECRET })).jwt.sign({ sub: bench.admin.id, role: 'admin' });

const child = fork(fileURLToPath(new URL('./load-server-process.ts', import.meta.url)), {
  execArgv: ['--import', 'tsx'],
  env: { ...process.env, BENCH_SERVER_DATABASE_URL: bench.url!, BENCH_SERVER_JWT_SECRET: JWT_SECRET },
});
const ask = <T>(message: string) =>
  new Promise<T>((resolve) => {
    child.once('message', resolve as never);
    child.send(message);
  });
const { address } = await new Promise<{ address: string }>((resolve) => child.once('message', resolve as never));

interface Context {
  contactId?: string;
  version?: number;
}
let nextContact = 0;
let nextQuery = 0;
let created = 0;
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

async function run(connections: number, seconds: number) {
  return autocannon({
    url: address,
    connections,
    duration: seconds,
    headers,
    requests: [
      {
        setupRequest: (req, context: Context) => {
          context.contactId ??= ids[nextContact++ % ids.length];
          return { ...req, method: 'GET', path: `/api/search?q=${encodeURIComponent(queries[nextQuery++ % queries.length])}&limit=10` };
        },
      },
      { method: 'GET', path: '/api/contacts?limit=25' },
      {
        setupRequest: (req, context: Context) => ({ ...req, method: 'GET', path: `/api/contacts/${context.contactId}` }),
        onResponse: (status, body, context: Context) => {
          if (status === 200) context.version = (JSON.parse(body) as { version: number }).version;
        },
      },
      {
        setupRequest: (req, context: Context) => ({
          ...req,
          method: 'PATCH',
          path: `/api/contacts/${context.contactId}`,
          body: JSON.stringify({ version: context.version, tags: ['load', `round-${context.version}`] }),
        }),
      },
      {
        setupRequest: (req) => ({
          ...req,
          method: 'POST',
          path: '/api/contacts',
          body: JSON.stringify({ kind: 'activist', name: `ناشط الحمل ${(created += 1)}`, governorates: ['IQ-BG'] }),
        }),
      },
    ],
  });
}

interface Report {
  phases: [string, { count: number; total: number; beforeHandler: number; handler: number; after: number }][];
  sqlMs: number;
  queries: number;
  poolWaitingAverage: number;
  eventLoopDelayP99Ms: number;
  poolSize: number;
}

const f = (n: number) => n.toFixed(1);
function print(label: string, result: autocannon.Result, report: Report) {
  console.log(
    `\n${label}: ${result.requests.total} requests in ${result.duration.toFixed(0)} s — ${Math.round(result.requests.average)} req/s`,
  );
  console.log(
    `  latency p50 ${result.latency.p50} ms · p90 ${result.latency.p90} ms · p99 ${result.latency.p99} ms · max ${result.latency.max} ms`,
  );
  console.log(`  errors ${result.errors} · timeouts ${result.timeouts} · non-2xx ${result.non2xx}`);
  const all = report.phases.reduce((a, [, p]) => ({ count: a.count + p.count, total: a.total + p.total }), { count: 0, total: 0 });
  console.log(
    `  server side (pool ${report.poolSize}): event-loop delay p99 ${f(report.eventLoopDelayP99Ms)} ms, on average ${f(report.poolWaitingAverage)} requests waiting for a connection, ${report.queries} SQL statements (${f(report.sqlMs / Math.max(1, report.queries))} ms each)`,
  );
  console.log(
    `  where a request's time goes (mean ms: total = before handler [session + user check + parse + validation] + handler [service + SQL] + reply [serialise + send]):`,
  );
  for (const [route, p] of report.phases.sort((a, b) => b[1].count - a[1].count)) {
    console.log(
      `    ${route.padEnd(28)} ${String(p.count).padStart(7)}  ${f(p.total / p.count).padStart(7)} = ${f(p.beforeHandler / p.count).padStart(6)} + ${f(p.handler / p.count).padStart(6)} + ${f(p.after / p.count).padStart(5)}`,
    );
  }
  console.log(`  SQL time per request: ${f(report.sqlMs / Math.max(1, all.count))} ms of ${f(all.total / Math.max(1, all.count))} ms`);
}

console.log(
  `bench:load — ${CONTACTS.toLocaleString('en')} contacts on ${bench.label}; mix per connection: search, list, get, patch, create`,
);
await run(10, 5); // warm-up: JIT, connections, caches
await ask('reset');
const baseline = await run(4, Math.min(15, SECONDS));
print('baseline, 4 connections', baseline, await ask<Report>('report'));
await ask('reset');
const load = await run(CONNECTIONS, SECONDS);
print(`load, ${CONNECTIONS} connections`, load, await ask<Report>('report'));
console.log(
  `\ngoal: p99 ≤ 200 ms with 0 errors at ${CONNECTIONS} connections — ${load.latency.p99 <= 200 && load.errors + load.non2xx === 0 ? 'met' : 'NOT met'}`,
);

child.send('close');
await new Promise((resolve) => child.once('exit', resolve));
await bench.close();
