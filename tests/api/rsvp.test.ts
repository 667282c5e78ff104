import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, type Json } from '../helpers/api-requests.js';

/**
 * The invitee's side of a reply link (issue 11): the public page's data and the answer. No session; the token is the
 * credential, and it opens exactly one invitation and nothing around it.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ replyLimits: { answersPerToken: 1000 } });
});
afterAll(() => t.close());

let counter = 0;
const FUTURE = { startsAt: '2027-03-10T06:00:00.000Z', endsAt: '2027-03-10T12:00:00.000Z' };

async function eventWith(n: number, opts: { status?: string; startsAt?: string; endsAt?: string; app?: TestApp } = {}) {
  const app = opts.app ?? t;
  const e = await created(
    app,
    '/api/events',
    {
      title: 'الجلسة الختامية',
      type: 'closing_session',
      startsAt: opts.startsAt ?? FUTURE.startsAt,
      endsAt: opts.endsAt ?? FUTURE.endsAt,
      governorate: 'IQ-BG',
      venue: 'فندق بابل',
      contactPhone: '0770 123 4567',
    },
    'admin',
  );
  const contactIds = [];
  for (let i = 0; i < n; i++) {
    const c = await created(
      app,
      '/api/contacts',
      { kind: 'activist', name: `ناشطة ${++counter}`, governorates: ['IQ-BG'], phones: ['07811112222'] },
      'admin',
    );
    contactIds.push(c.id as string);
  }
  const added = await created(app, `/api/events/${e.id}/invitations`, { contactIds, status: opts.status ?? 'invited' }, 'admin');
  const ids: string[] = added.added.map((i: Json) => i.id as string);
  const links = await app.request('staff', {
    method: 'POST',
    url: `/api/events/${e.id}/invitations/links`,
    payload: { invitationIds: ids },
  });
  expect(links.statusCode, links.body).toBe(200);
  const tokens = (links.json().items as Json[]).map((l) => (l.url as string).split('/r/')[1]);
  return { eventId: e.id as string, ids, tokens, contactIds };
}

const view = (token: string, app = t) => app.app.inject({ method: 'GET', url: `/api/rsvp/${token}` });
const answer = (token: string, response: 'attend' | 'decline', note?: string, app = t) =>
  app.app.inject({ method: 'POST', url: `/api/rsvp/${token}`, payload: { response, ...(note === undefined ? {} : { note }) } });

async function statusOf(eventId: string, id: string): Promise<Json> {
  const res = await t.request('admin', { method: 'GET', url: `/api/events/${eventId}/invitations?history=true` });
  return (res.json().items as Json[]).find((i) => i.id === id)!;
}

describe('public reply page data', () => {
  it('shows only what the invitation says: exact keys, no ids, no phones of contacts, no other invitee', async () => {
    const { tokens, ids, eventId } = await eventWith(2);
    const res = await view(tokens[0]);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['answer', 'canAnswer', 'checkInCode', 'event', 'name', 'note']);
    expect(Object.keys(body.event).sort()).toEqual(['contactPhone', 'date', 'endsAt', 'governorate', 'startsAt', 'time', 'title', 'venue']);
    expect(body).toMatchObject({
      answer: 'awaiting',
      canAnswer: true,
      checkInCode: null,
      note: null,
      event: { title: 'الجلسة الختامية', venue: 'فندق بابل', contactPhone: '+9647701234567', governorate: { ar: 'بغداد', en: 'Baghdad' } },
    });
    expect(body.event.date.ar).toContain('آذار');
    expect(body.event.date.en).toBe('Wednesday, 10 March 2027');
    expect(body.event.time.en).toBe('9:00 am – 3:00 pm');
    const invitations = (await t.request('admin', { method: 'GET', url: `/api/events/${eventId}/invitations` })).json().items as Json[];
    const mine = invitations.find((i) => i.id === ids[0])!;
    const other = invitations.find((i) => i.id === ids[1])!;
    expect(body.name).toBe(mine.contact.name);
    for (const secret of [other.contact.name, ids[0], ids[1], eventId, mine.contact.id, '7811112222']) {
      expect(res.body).not.toContain(secret);
    }
  });

  it("names the representative when someone attends in the organisation's place, never the organisation", async () => {
    const e = await created(t, '/api/events', { title: 'ورشة', type: 'workshop', ...FUTURE }, 'admin');
    const org = await created(
      t,
      '/api/contacts',
      { kind: 'organization', subtype: 'local_ngo', name: 'منظمة الأمل', governorates: ['IQ-BG'] },
      'admin',
    );
    const rep = await created(t, '/api/contacts', { kind: 'activist', name: 'الممثل البديل', governorates: ['IQ-BG'] }, 'admin');
    const added = await created(
      t,
      `/api/events/${e.id}/invitations`,
      { items: [{ contactId: org.id, representativeId: rep.id }], status: 'invited' },
      'admin',
    );
    const links = await t.request('staff', {
      method: 'POST',
      url: `/api/events/${e.id}/invitations/links`,
      payload: { invitationIds: [added.added[0].id] },
    });
    const res = await view((links.json().items[0].url as string).split('/r/')[1]);
    expect(res.json().name).toBe('الممثل البديل');
    expect(res.body).not.toContain('منظمة الأمل');
  });

  it('counts openings on the link for staff', async () => {
    const { tokens, ids, eventId } = await eventWith(1);
    await view(tokens[0]);
    await view(tokens[0]);
    const inv = await statusOf(eventId, ids[0]);
    expect(inv.replyLink).toMatchObject({ openCount: 2, repliedAt: null });
    expect(inv.replyLink.firstOpenedAt).not.toBeNull();
  });

  it('answers 404 for a malformed or unknown token and 410 for a revoked, re-issued, cancelled or ended one', async () => {
    expectProblem(await view('short'), 400, 'VALIDATION_FAILED');
    expectProblem(await view('A'.repeat(32)), 404, 'REPLY_LINK_UNKNOWN');
    expectProblem(await answer('A'.repeat(32), 'attend'), 404, 'REPLY_LINK_UNKNOWN');

    const { tokens, ids, eventId } = await eventWith(4);
    const revoke = await t.request('staff', { method: 'DELETE', url: `/api/events/${eventId}/invitations/${ids[0]}/link` });
    expect(revoke.statusCode).toBe(204);
    expectProblem(await view(tokens[0]), 410, 'REPLY_LINK_GONE');
    expectProblem(await answer(tokens[0], 'attend'), 410, 'REPLY_LINK_GONE');

    await t.request('staff', {
      method: 'POST',
      url: `/api/events/${eventId}/invitations/links`,
      payload: { invitationIds: [ids[1]], reissue: true },
    });
    expectProblem(await view(tokens[1]), 410, 'REPLY_LINK_GONE');

    const inv = await statusOf(eventId, ids[2]);
    await t.request('admin', {
      method: 'PATCH',
      url: `/api/events/${eventId}/invitations/${ids[2]}`,
      payload: { version: inv.version, status: 'cancelled' },
    });
    expectProblem(await view(tokens[2]), 410, 'REPLY_LINK_GONE');

    await t.database.db
      .updateTable('event')
      .set({ starts_at: new Date('2025-01-01T06:00:00Z'), ends_at: new Date('2025-01-01T12:00:00Z') })
      .where('id', '=', eventId)
      .execute();
    expectProblem(await view(tokens[3]), 410, 'REPLY_LINK_GONE');
  });

  it('never answers with a stack trace', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/rsvp/${'B'.repeat(32)}`,
      payload: '{"response":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/at .*\.ts|node_modules|stack/i);
  });
});

describe('answering through the link', () => {
  it('moves invited -> confirmed -> declined -> confirmed, and invited -> declined', async () => {
    const { tokens, ids, eventId } = await eventWith(2);
    for (const [response, expected, status] of [
      ['attend', 'attending', 'confirmed'],
      ['decline', 'declined', 'declined'],
      ['attend', 'attending', 'confirmed'],
    ] as const) {
      const res = await answer(tokens[0], response);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().answer).toBe(expected);
      expect((await statusOf(eventId, ids[0])).status).toBe(status);
    }
    expect((await answer(tokens[1], 'decline')).json().answer).toBe('declined');
    expect((await statusOf(eventId, ids[1])).status).toBe('declined');
  });

  it('carries the check-in code for the QR at the door only while the invitee will attend', async () => {
    const { tokens, ids, eventId } = await eventWith(1);
    const staffView = (await t.request('admin', { method: 'GET', url: `/api/events/${eventId}/invitations` })).json().items as Json[];
    const code = staffView.find((i) => i.id === ids[0])!.checkInCode as string;
    expect(code).toMatch(/\S{4,}/);
    expect((await view(tokens[0])).json().checkInCode).toBeNull();
    expect((await answer(tokens[0], 'attend')).json().checkInCode).toBe(code);
    expect((await view(tokens[0])).json().checkInCode).toBe(code);
    expect((await answer(tokens[0], 'decline')).json().checkInCode).toBeNull();
  });

  it('the same answer again is a no-op: 200, no new history, same version', async () => {
    const { tokens, ids, eventId } = await eventWith(1);
    await answer(tokens[0], 'attend');
    const before = await statusOf(eventId, ids[0]);
    const again = await answer(tokens[0], 'attend');
    expect(again.statusCode).toBe(200);
    const after = await statusOf(eventId, ids[0]);
    expect(after.version).toBe(before.version);
    expect(after.history).toHaveLength(before.history.length);
  });

  it('a proposed invitation whose link was sent records "invited" and then the answer, both via the link', async () => {
    const { tokens, ids, eventId } = await eventWith(1, { status: 'proposed' });
    expect((await answer(tokens[0], 'attend', 'نعم')).statusCode).toBe(200);
    const inv = await statusOf(eventId, ids[0]);
    expect(inv.status).toBe('confirmed');
    expect(inv.history.map((h: Json) => [h.fromStatus, h.toStatus, h.source, h.note])).toEqual([
      [null, 'proposed', 'staff', null],
      ['proposed', 'invited', 'reply_link', null],
      ['invited', 'confirmed', 'reply_link', 'نعم'],
    ]);
  });

  it('stores the note cleaned of direction controls, shows it back, history says reply_link with no user, audit row', async () => {
    const { tokens, ids, eventId } = await eventWith(1);
    const res = await answer(tokens[0], 'attend', '  سأتأخر \u202Eقليلاً\u202C  ');
    expect(res.json().note).toBe('سأتأخر قليلاً');
    expect((await view(tokens[0])).json().note).toBe('سأتأخر قليلاً');
    const inv = await statusOf(eventId, ids[0]);
    expect(inv.statusChangedBy).toBeNull();
    expect(inv.history.at(-1)).toMatchObject({
      fromStatus: 'invited',
      toStatus: 'confirmed',
      source: 'reply_link',
      note: 'سأتأخر قليلاً',
      changedBy: null,
    });
    expect(inv.history[0].source).toBe('staff');
    expect(inv.replyLink).toMatchObject({ replyNote: 'سأتأخر قليلاً' });
    expect(inv.replyLink.repliedAt).not.toBeNull();
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['user_id', 'action', 'details'])
      .where('entity_type', '=', 'invitation')
      .where('entity_id', '=', ids[0])
      .where('action', '=', 'update')
      .execute();
    expect(audit).toEqual([{ user_id: null, action: 'update', details: { eventId, via: 'reply_link', from: 'invited', to: 'confirmed' } }]);
  });

  it('refuses a note over 300 characters and an unknown answer', async () => {
    const { tokens } = await eventWith(1);
    expectProblem(await answer(tokens[0], 'attend', 'x'.repeat(301)), 400, 'VALIDATION_FAILED');
    expectProblem(
      await t.app.inject({ method: 'POST', url: `/api/rsvp/${tokens[0]}`, payload: { response: 'maybe' } }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await answer(tokens[0], 'attend', 'x'.repeat(300))).statusCode).toBe(200);
  });

  it('is not refused by quota maximums: the invitee is already on the list', async () => {
    const { tokens, ids, eventId } = await eventWith(2);
    const ev = (await t.request('admin', { method: 'GET', url: `/api/events/${eventId}` })).json();
    const upd = await t.request('admin', {
      method: 'PATCH',
      url: `/api/events/${eventId}`,
      payload: { version: ev.version, capacity: 1, quotas: [{ dimension: 'governorate', value: 'IQ-BG', maxCount: 1 }] },
    });
    expect(upd.statusCode, upd.body).toBe(200);
    await answer(tokens[0], 'decline');
    expect((await answer(tokens[0], 'attend')).statusCode).toBe(200);
    expect((await answer(tokens[1], 'attend')).statusCode).toBe(200);
    expect((await statusOf(eventId, ids[0])).status).toBe('confirmed');
  });

  it('closes answering once the event has started (409 REPLY_CLOSED) while the page stays viewable', async () => {
    const { tokens, ids, eventId } = await eventWith(1, { startsAt: '2020-01-01T06:00:00.000Z', endsAt: '2099-01-01T12:00:00.000Z' });
    const page = await view(tokens[0]);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ canAnswer: false, answer: 'awaiting' });
    expectProblem(await answer(tokens[0], 'attend'), 409, 'REPLY_CLOSED');
    expect((await statusOf(eventId, ids[0])).status).toBe('invited');
  });

  it('200 concurrent answers to different links all land', async () => {
    const { tokens, ids, eventId } = await eventWith(200);
    const responses = await Promise.all(tokens.map((tok, i) => answer(tok, i % 2 ? 'decline' : 'attend')));
    expect(responses.map((r) => r.statusCode)).toEqual(tokens.map(() => 200));
    const list = (await t.request('admin', { method: 'GET', url: `/api/events/${eventId}/invitations` })).json().items as Json[];
    const byId = new Map(list.map((i) => [i.id, i.status]));
    expect(ids.map((id, i) => byId.get(id) === (i % 2 ? 'declined' : 'confirmed')).every(Boolean)).toBe(true);
  }, 120_000);
});

describe('rate limits', () => {
  it('refuses answers past the per-link and per-address limits with 429 and Retry-After', async () => {
    const limited = await createTestApp({ replyLimits: { answersPerToken: 3, answersPerAddress: 5, viewsPerAddress: 4 } });
    try {
      const { tokens } = await eventWith(3, { app: limited });
      for (let i = 0; i < 3; i++) expect((await answer(tokens[0], i % 2 ? 'decline' : 'attend', undefined, limited)).statusCode).toBe(200);
      const perToken = await answer(tokens[0], 'attend', undefined, limited);
      expectProblem(perToken, 429, 'RATE_LIMITED');
      expect(Number(perToken.headers['retry-after'])).toBeGreaterThan(0);
      // Another link from the same address: 4 answers counted so far, the 5th still passes, the 6th is refused.
      expect((await answer(tokens[1], 'attend', undefined, limited)).statusCode).toBe(200);
      expectProblem(await answer(tokens[2], 'attend', undefined, limited), 429, 'RATE_LIMITED');

      for (let i = 0; i < 4; i++) expect((await view(tokens[1], limited)).statusCode).toBe(200);
      const views = await view(tokens[1], limited);
      expectProblem(views, 429, 'RATE_LIMITED');
      expect(views.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});

describe('event contact phone', () => {
  it('is normalised, shown to staff, cleared with null, and refused when not a phone', async () => {
    const e = await created(t, '/api/events', { title: 'ورشة', type: 'workshop', ...FUTURE, contactPhone: '٠٧٧٠١٢٣٤٥٦٧' }, 'admin');
    expect(e.contactPhone).toBe('+9647701234567');
    const cleared = await t.request('admin', {
      method: 'PATCH',
      url: `/api/events/${e.id}`,
      payload: { version: e.version, contactPhone: null },
    });
    expect(cleared.json().contactPhone).toBeNull();
    const bad = await t.request('admin', {
      method: 'PATCH',
      url: `/api/events/${e.id}`,
      payload: { version: cleared.json().version, contactPhone: 'call me' },
    });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(bad.json().errors[0].field).toBe('contactPhone');
  });
});

describe('logs', () => {
  it('never write a reply token: the path is logged with the token masked', async () => {
    const { tokens } = await eventWith(1);
    const lines: string[] = [];
    const stream = new Writable({
      write: (chunk, _enc, done) => {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await buildApp({
      db: t.database.db,
      jwtSecret: 'test-secret-that-is-long-enough-0123456789',
      logger: { level: 'info', stream },
      replyLimits: { answersPerAddress: 10_000, viewsPerAddress: 10_000 },
    });
    try {
      expect((await logged.inject({ method: 'GET', url: `/api/rsvp/${tokens[0]}` })).statusCode).toBe(200);
      expect((await logged.inject({ method: 'POST', url: `/api/rsvp/${tokens[0]}`, payload: { response: 'attend' } })).statusCode).toBe(
        200,
      );
      await logged.inject({ method: 'GET', url: `/r/${tokens[0]}?x=1` });
    } finally {
      await logged.close();
    }
    const log = lines.join('');
    expect(log).toContain('/api/rsvp/:token');
    expect(log).toContain('/r/:token');
    expect(log).not.toContain(tokens[0]);
  });
});
