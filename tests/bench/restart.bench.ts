import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import pg from 'pg';
import { percentile } from '../helpers/search-quality.js';

/**
 * Restarts the real PostgreSQL server in the middle of a mixed write/read load against the product started as in
 * production (`server/src/main.ts start`), then reports: did the process live, what did clients get during the
 * outage, how long until requests succeeded again, and is every acknowledged write in the database. The figures
 * before the restart are the same run's baseline. Needs root (pg_ctlcluster) and BENCH_DATABASE_URL; touches only
 * 127.0.0.1.
 */
const serverUrl = process.env.BENCH_DATABASE_URL;
if (!serverUrl) {
  console.error('bench:restart restarts a real PostgreSQL server: set BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres');
  process.exit(2);
}
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 30) * 1000;
const RESTART_AT_MS = 8000;
const WORKERS = 32;
const PORT = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${PORT}`;

const name = `cd_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
await admin.end();
const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();

const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'start'], {
  env: {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(PORT),
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_EMAIL: 'bench@example.org',
    ADMIN_PASSWORD: 'bench-password-123',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let serverExit: string | null = null;
server.on('exit', (code, signal) => (serverExit = `exit code ${code} signal ${signal}`));
const serverErrors: string[] = [];
server.stderr.on('data', (chunk: Buffer) => serverErrors.push(chunk.toString()));

async function waitForServer() {
  for (let i = 0; i < 240; i += 1) {
    if (serverExit) throw new Error(`server exited before it answered: ${serverExit}\n${serverErrors.join('')}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('server did not start within 2 minutes');
}
await waitForServer();
const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'bench@example.org', password: 'bench-password-123' }),
});
const { token } = (await login.json()) as { token: string };
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

interface Sample {
  at: number;
  ms: number;
  status: number;
  code?: string;
  write: boolean;
}
const samples: Sample[] = [];
const acknowledged: string[] = [];
const started = performance.now();
let counter = 0;

async function worker() {
  while (performance.now() - started < DURATION_MS) {
    const write = Math.random() < 0.6;
    const t0 = performance.now();
    let status: number;
    let code: string | undefined;
    try {
      const i = (counter += 1);
      const res = write
        ? await fetch(`${base}/api/contacts`, {
            method: 'POST',
            headers,
            body: JSON.stringify({
              kind: 'activist',
              name: `ناشط حمل ${i}`,
              governorates: ['IQ-BG'],
              phones: [`0771 ${String(i).padStart(7, '0')}`],
            }),
          })
        : await fetch(`${base}/api/contacts?limit=20`, { headers });
      status = res.status;
      const body = (await res.json()) as { id?: string; code?: string };
      code = body.code;
      if (write && status === 201 && body.id) acknowledged.push(body.id);
    } catch {
      status = 0;
    }
    samples.push({ at: t0 - started, ms: performance.now() - t0, status, code, write });
  }
}

const cluster = readdirSync('/etc/postgresql').sort().at(-1)!;
const restart = { from: 0, to: 0 };
// Asynchronous, so the load keeps going while PostgreSQL stops and starts.
// BENCH_OUTAGE_SECONDS=n stops PostgreSQL for n seconds instead of restarting it at once.
const OUTAGE_MS = Number(process.env.BENCH_OUTAGE_SECONDS ?? 0) * 1000;
const pgCtl = (action: string) => promisify(execFile)('pg_ctlcluster', ['--skip-systemctl-redirect', cluster, 'main', action]);
const restarter = new Promise((resolve) => setTimeout(resolve, RESTART_AT_MS)).then(async () => {
  restart.from = performance.now() - started;
  if (OUTAGE_MS > 0) {
    await pgCtl('stop');
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    await pgCtl('start');
  } else {
    await pgCtl('restart');
  }
  restart.to = performance.now() - started;
});
await Promise.all([restarter, ...Array.from({ length: WORKERS }, worker)]);

const ok = (s: Sample) => s.status >= 200 && s.status < 300;
const phase = (from: number, to: number) => {
  const inPhase = samples.filter((s) => s.at >= from && s.at < to);
  const times = inPhase.filter(ok).map((s) => s.ms);
  const seconds = (to - from) / 1000;
  return { requests: inPhase.length, rps: Math.round(times.length / seconds), p50: percentile(times, 50), p99: percentile(times, 99) };
};
const failures = samples.filter((s) => !ok(s));
const lastFailure = failures.reduce((latest, s) => Math.max(latest, s.at + s.ms), 0);
const byOutcome = new Map<string, number>();
for (const s of failures) {
  const key = s.status === 0 ? 'no answer' : `${s.status}${s.code ? ' ' + s.code : ''}`;
  byOutcome.set(key, (byOutcome.get(key) ?? 0) + 1);
}

const check = new pg.Client({ connectionString: databaseUrl });
await check.connect();
const { rows } = await check.query<{ n: string }>('SELECT count(*) AS n FROM contact WHERE id = ANY($1::uuid[])', [acknowledged]);
await check.end();
const aliveAfter =
  serverExit === null &&
  (await fetch(`${base}/api/health`).then(
    (r) => r.ok,
    () => false,
  ));

const f = (n: number) => n.toFixed(1);
const before = phase(0, restart.from);
const after = phase(Math.max(lastFailure, restart.to), DURATION_MS);
console.log(
  `\nbench:restart — ${WORKERS} clients, ${DURATION_MS / 1000} s mixed load (60% create, 40% list), PostgreSQL ${cluster} ${OUTAGE_MS ? `stopped for ${OUTAGE_MS / 1000} s` : 'restarted'} at ${f(restart.from / 1000)} s (back after ${f((restart.to - restart.from) / 1000)} s)`,
);
console.log(`  before the restart (baseline): ${before.rps} ok req/s, p50 ${f(before.p50)} ms, p99 ${f(before.p99)} ms`);
console.log(`  after recovery:                ${after.rps} ok req/s, p50 ${f(after.p50)} ms, p99 ${f(after.p99)} ms`);
console.log(
  `  failed requests: ${failures.length} of ${samples.length} — ${[...byOutcome].map(([k, n]) => `${k}: ${n}`).join(', ') || 'none'}`,
);
console.log(`  requests succeed again ${f(Math.max(0, lastFailure - restart.to) / 1000)} s after PostgreSQL was back`);
console.log(`  acknowledged writes: ${acknowledged.length}, present afterwards: ${rows[0].n}`);
console.log(`  server process: ${aliveAfter ? 'alive and healthy' : `DOWN (${serverExit ?? 'not answering'})`}`);

server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));
const drop = new pg.Client({ connectionString: serverUrl });
await drop.connect();
await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await drop.end();
const sound = aliveAfter && Number(rows[0].n) === acknowledged.length && !byOutcome.has('500 INTERNAL');
process.exit(sound ? 0 : 1);
