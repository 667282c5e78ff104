import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app.js';
import { WEB_BUILD_DIR } from '../../server/src/web-build.js';
import { HAS_CHROMIUM, launchBrowser } from '../helpers/browser.js';
import { openBenchDatabase } from './bench-database.js';

/**
 * Issue 11, the invitee's reply page:
 * 1. bytes on the first load of /r/<token> in Chromium (HTML + every JS/CSS file it loads; the API answer apart),
 *    raw, gzip and brotli — goal ≤ 150 KB compressed;
 * 2. 200 concurrent answers to 200 different links over real HTTP: time, errors (goal 0), lost answers (goal 0:
 *    every status right afterwards), beside a same-run baseline of 200 answers one after the other.
 * On BENCH_DATABASE_URL when set, else embedded PGlite. Needs the built web app (npm run build:web) for part 1.
 */
const JWT_SECRET = 'bench-secret-that-is-long-enough-0123456789';
const ANSWERS = 200;
const GOAL_KB = 150;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function seedLinks(app: FastifyInstance, headers: Record<string, string>, count: number, title: string) {
  const call = async (method: 'POST', url: string, payload: unknown) => {
    const res = await app.inject({ method, url, headers, payload: payload as never });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const event = await call('POST', '/api/events', {
    title,
    type: 'closing_session',
    startsAt: '2031-03-10T06:00:00.000Z',
    endsAt: '2031-03-10T12:00:00.000Z',
    venue: 'فندق بابل، بغداد',
    governorate: 'IQ-BG',
    contactPhone: '07701234567',
  });
  const contactIds: string[] = [];
  for (let i = 0; i < count; i++) {
    contactIds.push((await call('POST', '/api/contacts', { kind: 'activist', name: `${title} ${i + 1}`, governorates: ['IQ-BG'] })).id);
  }
  const added = await call('POST', `/api/events/${event.id}/invitations`, { contactIds, status: 'invited' });
  const ids: string[] = added.added.map((i: { id: string }) => i.id);
  const links = await call('POST', `/api/events/${event.id}/invitations/links`, { invitationIds: ids });
  const tokenOf = new Map((links.items as { invitationId: string; url: string }[]).map((l) => [l.invitationId, l.url.split('/r/')[1]!]));
  return {
    eventId: event.id as string,
    items: ids.map((id, i) => ({ id, token: tokenOf.get(id)!, response: i % 3 === 2 ? 'decline' : 'attend' })),
  };
}

async function pageWeight(baseUrl: string, token: string): Promise<void> {
  if (!existsSync(path.join(WEB_BUILD_DIR, 'index.html'))) {
    console.log('page weight: skipped, the web app is not built (npm run build:web)');
    return;
  }
  if (!HAS_CHROMIUM) {
    console.log('page weight: skipped, no Chromium');
    return;
  }
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const files: { url: string; bytes: Buffer }[] = [];
    let api = 0;
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin !== baseUrl) return;
      pending.push(
        response.body().then(
          (body) => {
            if (url.pathname.startsWith('/api/')) api += body.length;
            else files.push({ url: url.pathname.replace(token, ':token'), bytes: body });
          },
          () => undefined,
        ),
      );
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/r/${token}`, { waitUntil: 'networkidle' });
    await page.locator('h1').waitFor();
    await Promise.all(pending);
    const raw = files.reduce((n, f) => n + f.bytes.length, 0);
    const gzip = files.reduce((n, f) => n + gzipSync(f.bytes, { level: 9 }).length, 0);
    const brotli = files.reduce((n, f) => n + brotliCompressSync(f.bytes).length, 0);
    console.log(`\nFirst load of /r/<token> at 390 px: ${files.length} files (HTML, JS, CSS)`);
    for (const f of files.sort((a, b) => b.bytes.length - a.bytes.length).slice(0, 8))
      console.log(`  ${kb(f.bytes.length).padStart(9)}  ${f.url}`);
    console.log(
      `  raw ${kb(raw)}, gzip ${kb(gzip)}, brotli ${kb(brotli)}  (goal ≤ ${GOAL_KB} KB compressed: ${gzip <= GOAL_KB * 1024 ? 'met' : 'MISSED'})`,
    );
    console.log(`  plus the API answer: ${kb(api)} raw`);
  } finally {
    await browser.close();
  }
}

interface Outcome {
  ms: number;
  errors: number;
  statuses: Record<number, number>;
}

async function answerAll(baseUrl: string, items: { token: string; response: string }[], concurrent: boolean): Promise<Outcome> {
  const statuses: Record<number, number> = {};
  const one = async (item: { token: string; response: string }) => {
    try {
      const res = await fetch(`${baseUrl}/api/rsvp/${item.token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ response: item.response, note: 'bench' }),
      });
      await res.arrayBuffer();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    } catch {
      statuses[0] = (statuses[0] ?? 0) + 1;
    }
  };
  const started = performance.now();
  if (concurrent) await Promise.all(items.map(one));
  else for (const item of items) await one(item);
  const ms = performance.now() - started;
  const errors = Object.entries(statuses).reduce((n, [status, count]) => n + (status === '200' ? 0 : count), 0);
  return { ms, errors, statuses };
}

async function lostAnswers(app: FastifyInstance, eventId: string, items: { id: string; response: string }[]) {
  const rows = await app.db.selectFrom('invitation').select(['id', 'status']).where('event_id', '=', eventId).execute();
  const status = new Map(rows.map((r) => [r.id, r.status]));
  return items.filter((i) => status.get(i.id) !== (i.response === 'attend' ? 'confirmed' : 'declined')).length;
}

export async function runReplyBench(): Promise<void> {
  const bench = await openBenchDatabase();
  // Every request of the bench comes from one address: the per-address limits would refuse most of them.
  const app = await buildApp({
    db: bench.database.db,
    jwtSecret: JWT_SECRET,
    webRoot: WEB_BUILD_DIR,
    replyLimits: { answersPerAddress: 1_000_000, viewsPerAddress: 1_000_000 },
  });
  try {
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const headers = { authorization: `Bearer ${app.jwt.sign({ sub: bench.admin.id, role: 'admin' })}` };
    console.log(`Reply links bench on ${bench.label}`);
    const sequential = await seedLinks(app, headers, ANSWERS, 'خط الأساس');
    const concurrent = await seedLinks(app, headers, ANSWERS, 'متزامن');

    await pageWeight(baseUrl, concurrent.items[0]!.token);

    const base = await answerAll(baseUrl, sequential.items, false);
    const lostBase = await lostAnswers(app, sequential.eventId, sequential.items);
    const run = await answerAll(baseUrl, concurrent.items, true);
    const lost = await lostAnswers(app, concurrent.eventId, concurrent.items);
    const line = (label: string, o: Outcome, lostCount: number) =>
      `  ${label.padEnd(26)} ${o.ms.toFixed(0).padStart(6)} ms  ${((ANSWERS / o.ms) * 1000).toFixed(0).padStart(5)}/s  errors ${o.errors}  lost ${lostCount}  ${JSON.stringify(o.statuses)}`;
    console.log(`\n${ANSWERS} answers to ${ANSWERS} different links over HTTP (goal: 0 errors, 0 lost)`);
    console.log(line('baseline: one at a time', base, lostBase));
    console.log(line('all at once', run, lost));
  } finally {
    await app.close();
    await bench.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runReplyBench();
