import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor, created, expectProblem, type Json } from '../helpers/api-requests.js';

/**
 * WhatsApp click-to-chat (issue 11, items 3, 6, 7): the walk-through renders each message with its reply link and a
 * wa.me address, leaves out whom we cannot or may not write to, and "mark as sent" invites, logs and audits once.
 */

let t: TestApp;
let basrahStaff: (opts: Json) => Promise<LightMyRequestResponse>;
beforeAll(async () => {
  t = await createTestApp();
  const { token } = await t.addUser('staff', ['IQ-BA']);
  basrahStaff = (opts) => t.app.inject({ ...opts, headers: { authorization: `Bearer ${token}` } } as never);
});
afterAll(() => t.close());

const person = async (name: string, phones: string[], extra: Json = {}) =>
  (await created(t, '/api/contacts', { kind: 'activist', name, governorates: ['IQ-BG'], phones, ...extra }, 'admin')).id as string;

/** One event, five invitees: a mobile, a landline, a restricted contact's mobile, nobody's phone, and one in Basrah. */
async function setUp() {
  const event = await created(
    t,
    '/api/events',
    {
      title: 'الجلسة الختامية',
      type: 'closing_session',
      startsAt: '2027-03-10T06:00:00.000Z',
      endsAt: '2027-03-10T12:00:00.000Z',
      venue: 'فندق بابل',
    },
    'admin',
  );
  const c = {
    mobile: await person('زينب علي', ['015551234', '07701234567']),
    landline: await person('حسن كريم', ['015557777']),
    restricted: await person('سارة ناشطة', ['07809876543'], { sensitivity: 'restricted' }),
    none: await person('علي بلا هاتف', []),
    basrah: await person('مريم البصرية', ['07711112222'], { governorates: ['IQ-BA'] }),
  };
  const added = await created(t, `/api/events/${event.id}/invitations`, { contactIds: Object.values(c) }, 'admin');
  const inv = Object.fromEntries(
    Object.entries(c).map(([k, id]) => [k, (added.added as Json[]).find((i) => i.contact.id === id)!.id as string]),
  ) as Record<keyof typeof c, string>;
  return { eventId: event.id as string, contacts: c, inv };
}

const whatsapp = (
  eventId: string,
  invitationIds: string[],
  as: 'staff' | 'coordinator' | 'viewer' = 'staff',
  purpose = 'invitation',
  language = 'ar',
) => t.request(as, { method: 'POST', url: `/api/events/${eventId}/outreach/whatsapp`, payload: { invitationIds, purpose, language } });
const sent = (eventId: string, messageId: string, as: 'staff' | 'viewer' = 'staff') =>
  t.request(as, { method: 'POST', url: `/api/events/${eventId}/outreach/${messageId}/sent` });
const invitationsOf = async (eventId: string, query = '') =>
  (await t.request('staff', { method: 'GET', url: `/api/events/${eventId}/invitations${query}` })).json().items as Json[];

describe('WhatsApp walk-through', () => {
  it('renders each message with its reply link into a wa.me address, and skips whom it cannot reach', async () => {
    const { eventId, inv } = await setUp();
    const res = await whatsapp(eventId, [inv.mobile, inv.landline, inv.restricted, inv.none]);
    expect(res.statusCode, res.body).toBe(200);
    const { items, skipped } = res.json() as { items: Json[]; skipped: Json[] };
    expect(items).toHaveLength(1);
    const [m] = items;
    expect(m).toMatchObject({ invitationId: inv.mobile, name: 'زينب علي', phone: '+964 770 123 4567', status: 'prepared' });
    expect(m.body).toContain('السلام عليكم زينب علي،\n');
    expect(m.body).toContain('«الجلسة الختامية»');
    expect(m.body).toMatch(/http:\/\/localhost(:\d+)?\/r\/[A-Za-z0-9_-]{32}/);
    // The first Iraqi mobile, not the landline listed before it; digits only; Arabic and newlines encoded.
    expect(m.waUrl.startsWith('https://wa.me/9647701234567?text=')).toBe(true);
    const text = (m.waUrl as string).split('?text=')[1];
    expect(text).not.toMatch(/[\s\u0600-\u06FF]/);
    expect(text).toContain('%0A');
    expect(decodeURIComponent(text)).toBe(m.body);
    expect(skipped).toEqual([
      { invitationId: inv.landline, name: 'حسن كريم', reason: 'no_mobile' },
      { invitationId: inv.restricted, name: 'سارة ناشطة', reason: 'phone_hidden' },
      { invitationId: inv.none, name: 'علي بلا هاتف', reason: 'no_mobile' },
    ]);
    // The same message prepared again the same day is the same row.
    const again = (await whatsapp(eventId, [inv.mobile])).json().items[0];
    expect(again.messageId).toBe(m.messageId);
    const rows = await t.database.db
      .selectFrom('outreach_message')
      .select(['channel', 'status', 'dedupe_key'])
      .where('invitation_id', '=', inv.mobile)
      .execute();
    expect(rows).toEqual([
      { channel: 'whatsapp', status: 'prepared', dedupe_key: expect.stringMatching(/^invitation:\d{4}-\d{2}-\d{2}$/) },
    ]);
  });

  it("uses a restricted contact's number for roles that may see it, and the English template on request", async () => {
    const { eventId, inv } = await setUp();
    const res = await whatsapp(eventId, [inv.restricted], 'coordinator', 'reminder', 'en');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items[0].waUrl).toMatch(/^https:\/\/wa\.me\/9647809876543\?text=Dear%20/);
    expect(res.json().items[0].body).toContain('A reminder of "الجلسة الختامية"');
  });

  it('writes in Sorani Kurdish on request: the Kurdish text, Kurdish month names, the Kurdish governorate name', async () => {
    const { eventId, inv } = await setUp();
    const res = await whatsapp(eventId, [inv.mobile], 'staff', 'invitation', 'ku');
    expect(res.statusCode, res.body).toBe(200);
    const [m] = res.json().items as Json[];
    expect(m.body).toContain('سڵاو زينب علي،\n');
    expect(m.body).toContain('«الجلسة الختامية»');
    // 10 March 2027, Baghdad time: Sorani month name (ئازار), not the Arabic one (آذار).
    expect(m.body).toContain('ئازار');
    expect(m.body).not.toContain('آذار');
    expect(m.body).toMatch(/\/r\/[A-Za-z0-9_-]{32}/);
    const rows = await t.database.db.selectFrom('outreach_message').select('language').where('invitation_id', '=', inv.mobile).execute();
    expect(rows).toEqual([{ language: 'ku' }]);
  });

  it('writes to the representative of an invited office', async () => {
    const { eventId } = await setUp();
    const office = (
      await created(
        t,
        '/api/contacts',
        { kind: 'organization', subtype: 'local_ngo', name: 'منظمة الأمل', governorates: ['IQ-BG'], phones: ['07700000001'] },
        'admin',
      )
    ).id;
    const rep = await person('نور المندوبة', ['07500000002']);
    const added = await created(
      t,
      `/api/events/${eventId}/invitations`,
      { items: [{ contactId: office, representativeId: rep }] },
      'admin',
    );
    const m = (await whatsapp(eventId, [added.added[0].id])).json().items[0];
    expect(m).toMatchObject({ name: 'نور المندوبة', phone: '+964 750 000 0002' });
  });

  it("keeps to the caller's governorates and refuses viewers", async () => {
    const { eventId, inv } = await setUp();
    const payload = { invitationIds: [inv.basrah, inv.mobile], purpose: 'invitation', language: 'ar' };
    expectProblem(await basrahStaff({ method: 'POST', url: `/api/events/${eventId}/outreach/whatsapp`, payload }), 404, 'NOT_FOUND');
    const own = await basrahStaff({
      method: 'POST',
      url: `/api/events/${eventId}/outreach/whatsapp`,
      payload: { ...payload, invitationIds: [inv.basrah] },
    });
    expect(own.json().items[0].waUrl).toMatch(/^https:\/\/wa\.me\/9647711112222\?/);
    expectProblem(await whatsapp(eventId, [inv.mobile], 'viewer'), 403, 'FORBIDDEN');
    const messageId = own.json().items[0].messageId;
    expectProblem(await sent(eventId, messageId, 'viewer'), 403, 'FORBIDDEN');
    expectProblem(await sent(eventId, '00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
    for (const what of ['numbers', 'vcard']) {
      expectProblem(
        await t.request('viewer', {
          method: 'POST',
          url: `/api/events/${eventId}/outreach/${what}`,
          payload: { invitationIds: [inv.mobile] },
        }),
        403,
        'FORBIDDEN',
      );
    }
  });

  it('mark as sent: the invitation becomes invited, the message is on the timeline and audited, and only once', async () => {
    const { eventId, contacts, inv } = await setUp();
    const m = (await whatsapp(eventId, [inv.mobile])).json().items[0];
    const first = await sent(eventId, m.messageId);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ messageId: m.messageId, invitationId: inv.mobile, status: 'sent', invitationStatus: 'invited' });
    const interactionId = first.json().interactionId;
    expect(interactionId).toEqual(expect.any(String));

    const timeline = (await t.request('staff', { method: 'GET', url: `/api/interactions?contact=${contacts.mobile}` })).json()
      .items as Json[];
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({
      id: interactionId,
      kind: 'message',
      summary: 'واتساب: دعوة إلى «الجلسة الختامية»',
      loggedBy: t.users.staff.id,
      occurredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      participants: [{ id: contacts.mobile }],
    });
    const invitation = (await invitationsOf(eventId)).find((i) => i.id === inv.mobile)!;
    expect(invitation.status).toBe('invited');
    expect(invitation.outreach).toMatchObject({
      lastMessage: { channel: 'whatsapp', purpose: 'invitation', status: 'sent' },
      lastSentAt: expect.any(String),
    });
    expect((await auditFor(t, m.messageId)).map((a) => `${a.entity_type}:${a.action}`)).toEqual(['outreach_message:update']);
    expect((await auditFor(t, inv.mobile)).map((a) => `${a.entity_type}:${a.action}`)).toContain('invitation:update');

    const second = await sent(eventId, m.messageId);
    expect(second.json()).toMatchObject({ status: 'sent', sentAt: first.json().sentAt, interactionId: null });
    expect((await t.request('staff', { method: 'GET', url: `/api/interactions?contact=${contacts.mobile}` })).json().items).toHaveLength(1);
    expect(await auditFor(t, m.messageId)).toHaveLength(1);
    // Opening the walk-through again shows it as already sent.
    expect((await whatsapp(eventId, [inv.mobile])).json().items[0]).toMatchObject({ messageId: m.messageId, status: 'sent' });
  });

  it('shows link openings and link replies on the list, filters by outreach, and counts link replies in the summary', async () => {
    const { eventId, inv } = await setUp();
    const m = (await whatsapp(eventId, [inv.mobile, inv.basrah])).json().items as Json[];
    await sent(eventId, m[0].messageId);
    await sent(eventId, m[1].messageId);
    // What the public reply page records (another module writes these): an opening and an answer by link.
    const db = t.database.db;
    await db
      .updateTable('invitation_link')
      .set({ open_count: 2, first_opened_at: new Date('2026-12-01T10:00:00Z'), last_opened_at: new Date() })
      .where('invitation_id', '=', inv.basrah)
      .execute();
    await db.updateTable('invitation').set({ status: 'confirmed' }).where('id', '=', inv.basrah).execute();
    await db
      .insertInto('invitation_status_change')
      .values({ invitation_id: inv.basrah, from_status: 'invited', to_status: 'confirmed', source: 'reply_link' })
      .execute();

    const all = await invitationsOf(eventId);
    const basrah = all.find((i) => i.id === inv.basrah)!;
    expect(basrah.outreach).toMatchObject({
      link: { openCount: 2, firstOpenedAt: '2026-12-01T10:00:00.000Z' },
      repliedViaLink: { status: 'confirmed' },
    });
    expect(all.find((i) => i.id === inv.landline)!.outreach).toEqual({
      lastMessage: null,
      lastSentAt: null,
      link: null,
      repliedViaLink: null,
    });

    const ids = async (filter: string) => (await invitationsOf(eventId, `?outreach=${filter}`)).map((i) => i.id).sort();
    expect(await ids('replied_via_link')).toEqual([inv.basrah]);
    expect(await ids('contacted_no_reply')).toEqual([inv.mobile]);
    expect(await ids('not_contacted')).toEqual([inv.landline, inv.restricted, inv.none].sort());
    expectProblem(
      await t.request('staff', { method: 'GET', url: `/api/events/${eventId}/invitations?outreach=whatever` }),
      400,
      'VALIDATION_FAILED',
    );

    const summary = (await t.request('viewer', { method: 'GET', url: `/api/events/${eventId}/summary` })).json();
    expect(summary.replies).toMatchObject({ viaLink: 1, confirmed: 1 });
  });

  it('reads the outreach status of a whole list in a fixed number of queries', async () => {
    const { eventId } = await setUp();
    const queries: string[] = [];
    const db = t.database.db;
    const spy = db.withPlugin({
      transformQuery: (args) => (queries.push(args.node.kind), args.node),
      transformResult: async (args) => args.result,
    });
    const { outreachStatusOf } = await import('../../server/src/modules/outreach/outreach-status.js');
    const ids = (await invitationsOf(eventId)).map((i) => i.id as string);
    const status = await outreachStatusOf(spy, ids);
    expect(status.size).toBe(ids.length);
    expect(queries).toHaveLength(1);
  });
});

describe('numbers, vCard and reminder audiences', () => {
  it('copies the reachable numbers, audited as an export, with the same skipped rules', async () => {
    const { eventId, inv } = await setUp();
    const res = await t.request('staff', {
      method: 'POST',
      url: `/api/events/${eventId}/outreach/numbers`,
      payload: { invitationIds: [inv.mobile, inv.restricted, inv.landline] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      { invitationId: inv.mobile, name: 'زينب علي', phone: '+9647701234567', display: '+964 770 123 4567' },
    ]);
    expect(res.json().skipped.map((s: Json) => s.reason)).toEqual(['phone_hidden', 'no_mobile']);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity_type', '=', 'outreach_message')
      .where('action', '=', 'export')
      .execute();
    expect(audit.some((a) => (a.details as Json).format === 'numbers' && (a.details as Json).eventId === eventId)).toBe(true);
    expect(JSON.stringify(audit)).not.toContain('7701234567');
  });

  it('downloads a vCard 3.0 file with one card per reachable person, Arabic names in UTF-8', async () => {
    const { eventId, inv } = await setUp();
    const res = await t.request('coordinator', {
      method: 'POST',
      url: `/api/events/${eventId}/outreach/vcard`,
      payload: { invitationIds: [inv.mobile, inv.restricted, inv.none] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/vcard; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="contacts.vcf"');
    expect(res.headers['x-skipped']).toBe('1');
    const cards = res.body.split('END:VCARD\r\n').filter(Boolean);
    expect(cards).toHaveLength(2);
    expect(cards[0]).toBe(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:زينب علي\r\nN:زينب علي;;;;\r\nTEL;TYPE=CELL:+9647701234567\r\nNOTE:الجلسة الختامية\r\n',
    );
    expect(cards[1]).toContain('TEL;TYPE=CELL:+9647809876543');
    const staffFile = await t.request('staff', {
      method: 'POST',
      url: `/api/events/${eventId}/outreach/vcard`,
      payload: { invitationIds: [inv.restricted] },
    });
    expect(staffFile.body).toBe('');
    expect(staffFile.headers['x-skipped']).toBe('1');
  });

  it("picks the reminder audiences: invited without an answer, or confirmed, within the caller's governorates", async () => {
    const { eventId, inv } = await setUp();
    await t.request('admin', {
      method: 'POST',
      url: `/api/events/${eventId}/invitations/bulk`,
      payload: { invitationIds: Object.values(inv), status: 'invited' },
    });
    await t.request('admin', {
      method: 'POST',
      url: `/api/events/${eventId}/invitations/bulk`,
      payload: { invitationIds: [inv.landline, inv.basrah], status: 'confirmed' },
    });
    const audience = async (who: string, as: 'viewer' | 'staff' = 'staff') =>
      (
        (await t.request(as, { method: 'GET', url: `/api/events/${eventId}/outreach/audience?for=${who}` })).json()
          .invitationIds as string[]
      ).sort();
    expect(await audience('no_reply')).toEqual([inv.mobile, inv.restricted, inv.none].sort());
    expect(await audience('confirmed', 'viewer')).toEqual([inv.landline, inv.basrah].sort());
    const scoped = await basrahStaff({ method: 'GET', url: `/api/events/${eventId}/outreach/audience?for=confirmed` });
    expect(scoped.json().invitationIds).toEqual([inv.basrah]);
    expectProblem(
      await t.request('staff', { method: 'GET', url: `/api/events/${eventId}/outreach/audience?for=everyone` }),
      400,
      'VALIDATION_FAILED',
    );
  });
});
