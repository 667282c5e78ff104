/**
 * Email part of the outreach benchmark (issue 11): 500 invitation emails through the real service path — POST
 * /api/events/:id/outreach/email, reply links, rendering, the .ics, SMTP to a local smtp-server, one outcome row and
 * status change per message — timed until the job reports done and every message has arrived. Beside it, from the
 * same run, a baseline: 500 nodemailer sends of one such message straight to the same server (same pool size),
 * without the service. The gap is what links, rendering, calendar files and the bookkeeping cost per message.
 * Environment: BENCH_DATABASE_URL (a real server; unset = embedded PGlite), BENCH_EMAILS (500).
 * Run alone: npx tsx tests/bench/outreach-email.ts
 */
import { pathToFileURL } from 'node:url';
import nodemailer from 'nodemailer';
import { buildApp } from '../../server/src/app.js';
import { buildEmail } from '../../server/src/modules/outreach/email-message.js';
import { startSmtpTestServer } from '../helpers/smtp-test-server.js';
import { openBenchDatabase } from './bench-database.js';

const EMAILS = Number(process.env.BENCH_EMAILS ?? 500);
const FROM = 'Organisation <events@org.example>';
const perSecond = (n: number, ms: number) => `${((n * 1000) / ms).toFixed(0)} messages/s`;

export async function runEmailBench(): Promise<void> {
  const bench = await openBenchDatabase();
  const smtp = await startSmtpTestServer();
  const app = await buildApp({
    db: bench.database.db,
    jwtSecret: 'bench-secret-that-is-long-enough-0123456789',
    mail: { url: smtp.url, from: FROM },
  });
  try {
    await app.ready();
    const headers = { authorization: `Bearer ${app.jwt.sign({ sub: bench.admin.id, role: 'admin' })}` };
    const call = async (method: 'POST' | 'GET', url: string, payload?: Record<string, unknown>) => {
      const res = await app.inject({ method, url, headers, payload });
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const event = await call('POST', '/api/events', {
      title: 'الجلسة الختامية لبرنامج تعزيز الديمقراطية',
      type: 'closing_session',
      startsAt: '2031-03-10T06:00:00.000Z',
      endsAt: '2031-03-10T12:00:00.000Z',
      venue: 'فندق بابل',
      governorate: 'IQ-BG',
    });
    const invitationIds: string[] = [];
    for (let from = 0; from < EMAILS; from += 500) {
      const contactIds = [];
      for (let i = from; i < Math.min(from + 500, EMAILS); i++) {
        contactIds.push(
          (
            await call('POST', '/api/contacts', {
              kind: 'activist',
              name: `ناشطة رقم ${i + 1}`,
              governorates: ['IQ-BG'],
              emails: [`person${i}@mail.example`],
            })
          ).id,
        );
      }
      const added = await call('POST', `/api/events/${event.id}/invitations`, { contactIds });
      invitationIds.push(...added.added.map((i: { id: string }) => i.id));
    }

    const started = performance.now();
    const { jobId } = await call('POST', `/api/events/${event.id}/outreach/email`, {
      invitationIds,
      purpose: 'invitation',
      language: 'ar',
    });
    const accepted = performance.now() - started;
    let job;
    do {
      await new Promise((r) => setTimeout(r, 1000)); // as often as the page asks
      job = await call('GET', `/api/events/${event.id}/outreach/email/${jobId}`);
    } while (!job.done);
    await smtp.waitFor(EMAILS);
    const serviceMs = performance.now() - started;
    const sample = smtp.messages[0];

    // Baseline: the same kind of message (text, HTML, .ics), sent straight, EMAILS times, four connections.
    smtp.messages.length = 0;
    const transport = nodemailer.createTransport({ url: smtp.url, pool: true, maxConnections: 4 });
    const message = buildEmail({
      from: FROM,
      to: { name: 'ناشطة', address: 'baseline@mail.example' },
      subject: sample.subject ?? '',
      body: sample.text ?? '',
      link: null,
      language: 'ar',
      calendar: { name: 'event.ics', fallbackName: 'event.ics', body: sample.attachments[0].content.toString('utf8') },
    });
    const baseStart = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next++ < EMAILS) await transport.sendMail(message);
      }),
    );
    await smtp.waitFor(EMAILS);
    const baselineMs = performance.now() - baseStart;
    transport.close();

    console.log(`\nEmail sending (${bench.label}), ${EMAILS} invitations`);
    console.log(
      `  service path: ${(serviceMs / 1000).toFixed(2)} s, ${perSecond(EMAILS, serviceMs)} (202 after ${accepted.toFixed(0)} ms); job: sent ${job.sent}, failed ${job.failed}, skipped ${job.skipped}`,
    );
    console.log(`  baseline (nodemailer straight, same message): ${(baselineMs / 1000).toFixed(2)} s, ${perSecond(EMAILS, baselineMs)}`);
    console.log(
      `  received: ${job.sent === EMAILS ? 'all' : `${job.sent} of ${EMAILS}`} through the service, all ${EMAILS} in the baseline`,
    );
    if (job.sent !== EMAILS) throw new Error(`only ${job.sent} of ${EMAILS} emails were sent`);
  } finally {
    await app.close();
    await smtp.close();
    await bench.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runEmailBench().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
