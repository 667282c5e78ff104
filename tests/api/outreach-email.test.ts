import { createServer } from 'node:net';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, type Json } from '../helpers/api-requests.js';
import { startSmtpTestServer, type ReceivedMail, type SmtpTestServer } from '../helpers/smtp-test-server.js';

/** node-ical gives a property as its text, or as {val, params} when it carries parameters. */
const textOf = (value: string | { val: string } | undefined) => (typeof value === 'string' ? value : (value?.val ?? ''));

/**
 * Email with a calendar file (issue 11, items 4–5): sent through a real SMTP server on 127.0.0.1, parsed back with
 * mailparser and node-ical. One send per person and message, retries on 4xx only, nothing marked sent that was not.
 */

const FROM = 'Organisation <events@org.example>';
let smtp: SmtpTestServer;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtpTestServer();
  t = await createTestApp({ mail: { url: smtp.url, from: FROM } });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

let counter = 0;
interface Person {
  name?: string;
  email?: string | null;
  restricted?: boolean;
  governorate?: string;
}

async function eventWith(app: TestApp, people: Person[], startsAt = '2027-03-10T06:00:00.000Z') {
  const e = await created(
    app,
    '/api/events',
    {
      title: 'الجلسة الختامية',
      type: 'closing_session',
      startsAt,
      endsAt: '2027-03-10T12:00:00.000Z',
      venue: 'فندق بابل',
      governorate: 'IQ-BG',
    },
    'admin',
  );
  const contactIds = [];
  const emails: (string | null)[] = [];
  for (const p of people) {
    const n = ++counter;
    const email = p.email === undefined ? `person${n}@mail.example` : p.email;
    emails.push(email);
    const contact = await created(
      app,
      '/api/contacts',
      {
        kind: 'activist',
        name: p.name ?? `ناشطة ${n}`,
        governorates: [p.governorate ?? 'IQ-BG'],
        emails: email ? [email] : [],
        sensitivity: p.restricted ? 'restricted' : 'normal',
      },
      'admin',
    );
    contactIds.push(contact.id as string);
  }
  const added = await created(app, `/api/events/${e.id}/invitations`, { contactIds }, 'admin');
  // The answer lists invitations in its own order: match them to the people by contact.
  const ids = contactIds.map((id) => (added.added as Json[]).find((i) => i.contact.id === id)!.id as string);
  return { eventId: e.id as string, ids, emails };
}

const send = (
  app: TestApp,
  eventId: string,
  invitationIds: string[],
  as: 'staff' | 'coordinator' | 'viewer' = 'staff',
  purpose = 'invitation',
) => app.request(as, { method: 'POST', url: `/api/events/${eventId}/outreach/email`, payload: { invitationIds, purpose, language: 'ar' } });

async function finished(app: TestApp, eventId: string, jobId: string): Promise<Json> {
  for (let i = 0; i < 500; i++) {
    const res = await app.request('viewer', { method: 'GET', url: `/api/events/${eventId}/outreach/email/${jobId}` });
    expect(res.statusCode, res.body).toBe(200);
    if (res.json().done) return res.json();
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the email job did not finish');
}

async function sendAndWait(app: TestApp, eventId: string, ids: string[], as: 'staff' | 'coordinator' = 'staff') {
  const res = await send(app, eventId, ids, as);
  expect(res.statusCode, res.body).toBe(202);
  return finished(app, eventId, res.json().jobId as string);
}

const to = (m: ReceivedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0].address;
const mailTo = (address: string | null) => smtp.messages.filter((m) => to(m) === address);
const icsOf = (m: ReceivedMail): VEvent => {
  const attachment = m.attachments.find((a) => a.contentType === 'text/calendar')!;
  return Object.values(ical.sync.parseICS(attachment.content.toString('utf8'))).find((c) => c?.type === 'VEVENT') as VEvent;
};
const messagesOf = (ids: string[]) =>
  t.database.db
    .selectFrom('outreach_message')
    .select(['invitation_id', 'status', 'attempts', 'failure_reason', 'sent_at', 'job_id', 'dedupe_key'])
    .where('invitation_id', 'in', ids)
    .execute();
const statusOf = async (ids: string[]) =>
  (await t.database.db.selectFrom('invitation').select(['id', 'status']).where('id', 'in', ids).execute()).map((r) => r.status);

describe('email with a calendar file', () => {
  it('sends each invitee their message (Arabic subject, text + RTL HTML with the link, the .ics) and moves them to invited', async () => {
    const { eventId, ids, emails } = await eventWith(t, [{ name: 'زينب الموسوي' }, {}]);
    const job = await sendAndWait(t, eventId, ids);
    expect(job).toMatchObject({ total: 2, sent: 2, failed: 0, skipped: 0, pending: 0, done: true });
    expect(job.items.map((i: Json) => i.status)).toEqual(['sent', 'sent']);

    const [mail] = mailTo(emails[0]);
    expect(mail.from!.value[0]).toEqual({ address: 'events@org.example', name: 'Organisation' });
    expect(mail.subject).toBe('دعوة: الجلسة الختامية');
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    const link = (
      await t.request('staff', { method: 'POST', url: `/api/events/${eventId}/invitations/links`, payload: { invitationIds: [ids[0]] } })
    ).json().items[0].url;
    expect(mail.text).toContain('زينب الموسوي');
    expect(mail.text).toContain(link);
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.html).toContain('lang="ar"');
    expect(mail.html).toContain(`<a href="${link}"`);
    expect(mail.html).toContain('زينب الموسوي');

    const event = icsOf(mail);
    expect(event.start.getTime()).toBe(Date.parse('2027-03-10T06:00:00.000Z'));
    expect(event.start.tz).toBe('Asia/Baghdad');
    expect(event.uid).toBe(`event-${eventId}@stakeholder-directory`);
    expect(String(event.sequence)).toBe('0');
    expect(textOf(event.description)).toContain(link);

    expect(await statusOf(ids)).toEqual(['invited', 'invited']);
    const rows = await messagesOf(ids);
    expect(rows.map((r) => [r.status, r.attempts, r.job_id, r.dedupe_key])).toEqual([
      ['sent', 1, job.jobId, 'invitation:0'],
      ['sent', 1, job.jobId, 'invitation:0'],
    ]);
    expect(rows.every((r) => r.sent_at !== null)).toBe(true);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', job.jobId as string)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity_type: 'outreach_message', action: 'create' });
    expect(audit[0].details).toMatchObject({ sent: 2, failed: 0, eventId });
    expect(JSON.stringify(audit[0].details)).not.toContain('@');
  });

  it('skips invitees without email, restricted addresses the sender may not see, and cancelled invitations', async () => {
    const { eventId, ids, emails } = await eventWith(t, [{ email: null }, { restricted: true }, {}, {}]);
    const list = await t.request('admin', { method: 'GET', url: `/api/events/${eventId}/invitations` });
    const version = (list.json().items as Json[]).find((i) => i.id === ids[3])!.version;
    await t.request('admin', {
      method: 'PATCH',
      url: `/api/events/${eventId}/invitations/${ids[3]}`,
      payload: { version, status: 'cancelled' },
    });

    const preview = await t.request('staff', {
      method: 'POST',
      url: `/api/events/${eventId}/outreach/email/preview`,
      payload: { invitationIds: ids, purpose: 'invitation', language: 'ar' },
    });
    expect(preview.json()).toMatchObject({ total: 4, sendable: 1, skipped: { no_email: 1, email_hidden: 1, cancelled: 1 } });

    const job = await sendAndWait(t, eventId, ids);
    expect(job).toMatchObject({ total: 4, sent: 1, skipped: 3 });
    const reasons = Object.fromEntries((job.items as Json[]).map((i) => [i.invitationId, i.reason]));
    expect(reasons).toEqual({ [ids[0]]: 'no_email', [ids[1]]: 'email_hidden', [ids[2]]: null, [ids[3]]: 'cancelled' });
    expect(mailTo(emails[1])).toHaveLength(0);
    expect(mailTo(emails[3])).toHaveLength(0);
    expect(mailTo(emails[2])).toHaveLength(1);

    // A coordinator may see the restricted contact's address, so for them it goes out.
    const again = await sendAndWait(t, eventId, [ids[1]], 'coordinator');
    expect(again).toMatchObject({ sent: 1 });
    expect(mailTo(emails[1])).toHaveLength(1);
  });

  it('never sends the same message twice: a second click reports already_sent; a new event time may be announced again', async () => {
    const { eventId, ids, emails } = await eventWith(t, [{}]);
    await sendAndWait(t, eventId, ids);
    const second = await sendAndWait(t, eventId, ids);
    expect(second).toMatchObject({ sent: 0, skipped: 1, items: [{ status: 'skipped', reason: 'already_sent' }] });
    expect(mailTo(emails[0])).toHaveLength(1);

    const event = (await t.request('admin', { method: 'GET', url: `/api/events/${eventId}` })).json();
    const moved = await t.request('admin', {
      method: 'PATCH',
      url: `/api/events/${eventId}`,
      payload: { version: event.version, startsAt: '2027-03-10T07:00:00.000Z' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await sendAndWait(t, eventId, ids)).toMatchObject({ sent: 1 });
    const [first, update] = mailTo(emails[0]).map(icsOf);
    expect(update.uid).toBe(first.uid);
    expect(Number(update.sequence)).toBeGreaterThan(Number(first.sequence));
    expect(update.start.getTime()).toBe(Date.parse('2027-03-10T07:00:00.000Z'));
  });

  it('frees the messages of a send that died (process gone, job never finished) once it is an hour old', async () => {
    const { eventId, ids, emails } = await eventWith(t, [{}, {}]);
    const first = await sendAndWait(t, eventId, ids.slice(0, 1));
    // A second job claims both and its process dies before sending: rows stay prepared, the job never finishes.
    const db = t.database.db;
    const dead = await db
      .insertInto('outreach_job')
      .values({ event_id: eventId, channel: 'email', purpose: 'invitation', language: 'ar', skipped: '[]', created_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [sentRow] = await messagesOf(ids.slice(0, 1));
    await db
      .insertInto('outreach_message')
      .values({
        event_id: eventId,
        invitation_id: ids[1],
        channel: 'email',
        purpose: 'invitation',
        language: 'ar',
        status: 'prepared',
        dedupe_key: sentRow.dedupe_key,
        job_id: dead.id,
      })
      .execute();
    const progress = (jobId: string) => t.request('viewer', { method: 'GET', url: `/api/events/${eventId}/outreach/email/${jobId}` });
    const preview = () =>
      t.request('staff', {
        method: 'POST',
        url: `/api/events/${eventId}/outreach/email/preview`,
        payload: { invitationIds: ids, purpose: 'invitation', language: 'ar' },
      });

    // Within the hour it may still be running: reported as in progress, and nobody else sends it.
    expect((await progress(dead.id)).json()).toMatchObject({ done: false, pending: 1 });
    expect((await preview()).json()).toMatchObject({ sendable: 0, skipped: { already_sent: 1, in_progress: 1 } });

    await db
      .updateTable('outreach_job')
      .set({ created_at: new Date(Date.now() - 2 * 3600_000) })
      .where('id', '=', dead.id)
      .execute();
    expect((await progress(dead.id)).json()).toMatchObject({
      done: true,
      pending: 0,
      failed: 1,
      items: [{ status: 'failed', reason: expect.stringContaining('interrupted') }],
    });
    expect((await preview()).json()).toMatchObject({ sendable: 1, skipped: { already_sent: 1, in_progress: 0 } });
    const again = await sendAndWait(t, eventId, ids);
    expect(again).toMatchObject({ sent: 1, skipped: 1 });
    expect(mailTo(emails[1])).toHaveLength(1);
    expect(mailTo(emails[0])).toHaveLength(1);
    expect(first).toMatchObject({ sent: 1 });
  });

  it('two clicks at once still send one email', async () => {
    const { eventId, ids, emails } = await eventWith(t, [{}]);
    const [a, b] = await Promise.all([send(t, eventId, ids), send(t, eventId, ids)]);
    const jobs = await Promise.all([a, b].map((r) => finished(t, eventId, r.json().jobId as string)));
    expect(jobs.map((j) => j.sent).sort()).toEqual([0, 1]);
    expect(mailTo(emails[0])).toHaveLength(1);
  });

  it('tries once more after a temporary refusal (451) and sends; a permanent one (550) fails with its reason, not retried', async () => {
    const { eventId, ids, emails } = await eventWith(t, [{}, {}]);
    smtp.refuse.set(emails[0]!, [451]);
    smtp.refuse.set(emails[1]!, [550, 550]);
    const job = await sendAndWait(t, eventId, ids);
    expect(job).toMatchObject({ sent: 1, failed: 1 });
    expect(smtp.tries.get(emails[0]!)).toBe(2);
    expect(smtp.tries.get(emails[1]!)).toBe(1);
    const rows = new Map((await messagesOf(ids)).map((r) => [r.invitation_id, r]));
    expect(rows.get(ids[0])).toMatchObject({ status: 'sent', attempts: 2 });
    expect(rows.get(ids[1])).toMatchObject({ status: 'failed', attempts: 1, sent_at: null });
    expect(rows.get(ids[1])!.failure_reason).toMatch(/550/);
    expect(rows.get(ids[1])!.failure_reason).not.toContain(emails[1]);
    expect((job.items as Json[]).find((i) => i.invitationId === ids[1])!.reason).toMatch(/550/);
    expect(await statusOf([ids[1]])).toEqual(['proposed']);
  });

  it("refuses viewers (403), invitations outside the sender's governorates (404), and unknown jobs (404)", async () => {
    const { eventId, ids } = await eventWith(t, [{ governorate: 'IQ-BG' }]);
    expectProblem(await send(t, eventId, ids, 'viewer'), 403, 'FORBIDDEN');
    const { token } = await t.addUser('staff', ['IQ-BA']);
    const basrah = await t.app.inject({
      method: 'POST',
      url: `/api/events/${eventId}/outreach/email`,
      headers: { authorization: `Bearer ${token}` },
      payload: { invitationIds: ids, purpose: 'invitation', language: 'ar' },
    });
    expectProblem(basrah, 404, 'NOT_FOUND');
    expectProblem(
      await t.request('staff', { method: 'GET', url: `/api/events/${eventId}/outreach/email/${crypto.randomUUID()}` }),
      404,
      'NOT_FOUND',
    );
    expect(await messagesOf(ids)).toHaveLength(0);
  });

  it('says whether mail is configured', async () => {
    const { eventId } = await eventWith(t, []);
    const res = await t.request('viewer', { method: 'GET', url: `/api/events/${eventId}/outreach/email/settings` });
    expect(res.json()).toEqual({ configured: true, from: FROM, hint: null });
  });
});

describe('email without SMTP, or with the SMTP server down', () => {
  let bare: TestApp;
  let down: TestApp;
  beforeAll(async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    [bare, down] = await Promise.all([createTestApp(), createTestApp({ mail: { url: `smtp://127.0.0.1:${port}`, from: FROM } })]);
  });
  afterAll(async () => {
    await bare.close();
    await down.close();
  });

  it('answers 409 MAIL_NOT_CONFIGURED with the set-up hint', async () => {
    const { eventId, ids } = await eventWith(bare, [{}]);
    const res = await send(bare, eventId, ids);
    expectProblem(res, 409, 'MAIL_NOT_CONFIGURED');
    expect(res.json().detail).toMatch(/SMTP_URL.*MAIL_FROM/);
    const settings = (await bare.request('staff', { method: 'GET', url: `/api/events/${eventId}/outreach/email/settings` })).json();
    expect(settings).toMatchObject({ configured: false, from: null });
    expect(settings.hint).toMatch(/SMTP_URL/);
  });

  it('records each message as failed with the reason when the server cannot be reached, none as sent', async () => {
    const { eventId, ids } = await eventWith(down, [{}, {}]);
    const job = await sendAndWait(down, eventId, ids);
    expect(job).toMatchObject({ sent: 0, failed: 2, done: true });
    const rows = await down.database.db
      .selectFrom('outreach_message')
      .select(['status', 'attempts', 'failure_reason', 'sent_at'])
      .where('invitation_id', 'in', ids)
      .execute();
    expect(rows.map((r) => [r.status, r.attempts, r.sent_at])).toEqual([
      ['failed', 2, null],
      ['failed', 2, null],
    ]);
    expect(rows[0].failure_reason).toMatch(/ECONNREFUSED|connect/i);
    expect(await down.database.db.selectFrom('invitation').select('status').where('id', 'in', ids).execute()).toEqual([
      { status: 'proposed' },
      { status: 'proposed' },
    ]);
  }, 20_000);
});
