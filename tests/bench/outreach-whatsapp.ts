/**
 * WhatsApp walk-through at event scale (issue 11): an event of 1,000 invitations, each with an Iraqi mobile, then
 *  - prepareWhatsApp for all 1,000 through the service (first run: creates 1,000 reply links and prepared rows;
 *    second run: the same day, so links and rows are reused), in messages per second;
 *  - beside a baseline: the same 1,000 texts with renderTemplate alone (no database, no links, no wa.me encoding).
 * Environment: BENCH_DATABASE_URL (a real server; unset = embedded PGlite). Run: npx tsx tests/bench/outreach-whatsapp.ts
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { DEFAULT_TEMPLATES, renderTemplate } from '../../server/src/domain/outreach/message-template.js';
import { insertInvitations } from '../../server/src/modules/events/invitations.repository.js';
import { ReplyLinkTokens } from '../../server/src/modules/outreach/reply-link-tokens.js';
import { prepareWhatsApp } from '../../server/src/modules/outreach/whatsapp.service.js';
import { openBenchDatabase } from './bench-database.js';

const INVITATIONS = 1000;
const BASELINE_RUNS = 20;

const rate = (n: number, ms: number) => `${ms.toFixed(1)} ms, ${Math.round((n / ms) * 1000).toLocaleString('en')} messages/s`;

export async function runWhatsAppBench(): Promise<void> {
  const bench = await openBenchDatabase();
  try {
    const db = bench.database.db;
    const contacts = await db
      .insertInto('contact')
      .values(
        Array.from({ length: INVITATIONS }, (_, i) => ({
          kind: 'activist' as const,
          name: `ناشطة رقم ${i + 1}`,
          phones: [`+96477${String(10_000_000 + i).padStart(8, '0')}`],
        })),
      )
      .returning('id')
      .execute();
    await db
      .insertInto('contact_governorate')
      .values(contacts.map((c) => ({ contact_id: c.id, governorate_code: 'IQ-BG' })))
      .execute();
    const event = await db
      .insertInto('event')
      .values({
        title: 'الجلسة الختامية',
        type: 'closing_session',
        starts_at: new Date('2031-03-10T06:00:00Z'),
        ends_at: new Date('2031-03-10T12:00:00Z'),
        venue: 'فندق بابل',
        governorate_code: 'IQ-BG',
        created_by: bench.admin.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ids = await insertInvitations(
      db,
      contacts.map((c) => ({
        event_id: event.id,
        contact_id: c.id,
        representative_id: null,
        role: 'participant' as const,
        status: 'invited' as const,
        walk_in: false,
        suggestion_reason: null,
        status_changed_by: bench.admin.id,
        created_by: bench.admin.id,
      })),
    );
    const ctx = { tokens: new ReplyLinkTokens('bench-secret-that-is-long-enough-0123456789'), origin: 'https://crm.example.org' };
    const input = { invitationIds: ids, purpose: 'invitation' as const, language: 'ar' as const };

    const timed = async () => {
      const started = performance.now();
      const result = await prepareWhatsApp(db, bench.admin, event.id, input, ctx);
      if (result.items.length !== INVITATIONS) throw new Error(`expected ${INVITATIONS} messages, got ${result.items.length}`);
      return performance.now() - started;
    };
    const first = await timed();
    const again = await timed();

    const template = DEFAULT_TEMPLATES.invitation.ar.body;
    let baseline = Infinity;
    for (let run = 0; run < BASELINE_RUNS; run += 1) {
      const started = performance.now();
      for (let i = 0; i < INVITATIONS; i += 1) {
        renderTemplate(template, {
          name: `ناشطة رقم ${i + 1}`,
          event: 'الجلسة الختامية',
          date: 'الاثنين، 10 آذار 2031',
          time: '9:00 ص – 3:00 م',
          venue: 'فندق بابل',
          governorate: 'بغداد',
          link: `https://crm.example.org/r/${String(i).padStart(32, 'x')}`,
          phone: '',
        });
      }
      baseline = Math.min(baseline, performance.now() - started);
    }

    console.log(`WhatsApp walk-through, ${INVITATIONS} invitations, ${bench.label}`);
    console.log(`  prepareWhatsApp, first (new links and rows): ${rate(INVITATIONS, first)}`);
    console.log(`  prepareWhatsApp, again (same day, reused):   ${rate(INVITATIONS, again)}`);
    console.log(`  baseline renderTemplate alone (best of ${BASELINE_RUNS}): ${rate(INVITATIONS, baseline)}`);
  } finally {
    await bench.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runWhatsAppBench();
