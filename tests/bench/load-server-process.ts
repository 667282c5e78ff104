import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../../server/src/app.js';
import { openPostgres } from '../../server/src/db/database.js';

/**
 * The API server for bench:load, in a process of its own (as in production, clients are elsewhere), instrumented to
 * say where a request's time goes: before the handler (session check with its user lookup, body parsing, validation),
 * in the handler (services and SQL), SQL alone, serialisation and sending, event-loop delay, and pool waits.
 */
const databaseUrl = process.env.BENCH_SERVER_DATABASE_URL!;
const poolSize = Number(process.env.BENCH_POOL_SIZE ?? 10);
let sqlMs = 0;
let queries = 0;
const database = openPostgres(databaseUrl, poolSize, {
  log: (event) => {
    sqlMs += event.queryDurationMillis;
    queries += 1;
  },
});
const app = await buildApp({ db: database.db, jwtSecret: process.env.BENCH_SERVER_JWT_SECRET! });

interface Phases {
  count: number;
  total: number;
  beforeHandler: number;
  handler: number;
  after: number;
}
const phases = new Map<string, Phases>();
const started = new WeakMap<object, { handler: number; sent?: number }>();
app.addHook('preHandler', async (request) => {
  started.set(request, { handler: performance.now() });
});
app.addHook('onSend', async (request, _reply, payload) => {
  const mark = started.get(request);
  if (mark) mark.sent = performance.now();
  return payload;
});
app.addHook('onResponse', async (request, reply) => {
  const mark = started.get(request);
  if (!mark?.sent) return;
  const total = reply.elapsedTime;
  const key = `${request.method} ${request.routeOptions.url}`;
  const p = phases.get(key) ?? { count: 0, total: 0, beforeHandler: 0, handler: 0, after: 0 };
  const end = performance.now();
  p.count += 1;
  p.total += total;
  p.handler += mark.sent - mark.handler;
  p.after += end - mark.sent;
  p.beforeHandler += total - (end - mark.handler);
  phases.set(key, p);
});

const loop = monitorEventLoopDelay({ resolution: 10 });
let waitingSamples = 0;
let waitingSum = 0;
const sampler = setInterval(() => {
  waitingSum += database.poolStats!().waiting;
  waitingSamples += 1;
}, 20);

const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.send!({ address });
async function onMessage(message: unknown) {
  if (message === 'reset') {
    phases.clear();
    sqlMs = 0;
    queries = 0;
    waitingSum = 0;
    waitingSamples = 0;
    loop.reset();
    loop.enable();
    process.send!({ reset: true });
    return;
  }
  if (message === 'report') {
    process.send!({
      phases: [...phases],
      sqlMs,
      queries,
      poolWaitingAverage: waitingSamples ? waitingSum / waitingSamples : 0,
      eventLoopDelayP99Ms: loop.percentile(99) / 1e6,
      poolSize,
    });
    return;
  }
  if (message !== 'close') return;
  clearInterval(sampler);
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('message', (message) => void onMessage(message));
