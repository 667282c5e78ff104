import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem } from '../helpers/api-requests.js';

/** node-ical gives a property as its text, or as {val, params} when it carries parameters. */
const textOf = (value: string | { val: string } | undefined) => (typeof value === 'string' ? value : (value?.val ?? ''));

/** Calendar files (issue 11, item 5): for staff from the event page, and for the invitee from their reply link. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ mail: { url: 'smtp://127.0.0.1:25', from: 'Organisation <events@org.example>' } });
});
afterAll(() => t.close());

async function eventWithInvitee() {
  const e = await created(
    t,
    '/api/events',
    {
      title: 'ورشة الحوكمة',
      type: 'workshop',
      startsAt: '2027-05-02T07:30:00.000Z',
      endsAt: '2027-05-02T11:00:00.000Z',
      venue: 'قاعة الرافدين',
      governorate: 'IQ-BA',
      description: 'جدول الأعمال يرسل لاحقًا',
    },
    'admin',
  );
  const contact = await created(t, '/api/contacts', { kind: 'activist', name: 'علي حسن', governorates: ['IQ-BA'] }, 'admin');
  const added = await created(t, `/api/events/${e.id}/invitations`, { contactIds: [contact.id] }, 'admin');
  const invitationId = added.added[0].id as string;
  const links = await t.request('staff', {
    method: 'POST',
    url: `/api/events/${e.id}/invitations/links`,
    payload: { invitationIds: [invitationId] },
  });
  const url = links.json().items[0].url as string;
  return { event: e, invitationId, url, token: url.split('/r/')[1] };
}

const veventOf = (body: string) => Object.values(ical.sync.parseICS(body)).find((c) => c?.type === 'VEVENT') as VEvent;

describe('calendar files', () => {
  it('gives any signed-in role the event as text/calendar in Baghdad time, as an attachment with an ASCII and a UTF-8 name', async () => {
    const { event } = await eventWithInvitee();
    const res = await t.request('viewer', { method: 'GET', url: `/api/events/${event.id}/calendar.ics` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="event-2027-05-02.ics"; filename*=UTF-8''${encodeURIComponent('ورشة الحوكمة.ics')}`,
    );
    expect(res.body).toContain('METHOD:PUBLISH');
    expect(res.body).toContain('DTSTART;TZID=Asia/Baghdad:20270502T103000');
    expect(res.body).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Asia\/Baghdad[\s\S]*TZOFFSETTO:\+0300/);
    const vevent = veventOf(res.body);
    expect(vevent.start.getTime()).toBe(Date.parse('2027-05-02T07:30:00.000Z'));
    expect(vevent.end?.getTime()).toBe(Date.parse('2027-05-02T11:00:00.000Z'));
    expect(vevent.summary).toBe('ورشة الحوكمة');
    expect(vevent.location).toBe('قاعة الرافدين، البصرة');
    expect(vevent.uid).toBe(`event-${event.id}@stakeholder-directory`);
    expect((vevent.organizer as unknown as { val: string }).val).toBe('mailto:events@org.example');
    const en = await t.request('viewer', { method: 'GET', url: `/api/events/${event.id}/calendar.ics?lang=en` });
    expect(veventOf(en.body).location).toBe('قاعة الرافدين, Basrah');
  });

  it('keeps the UID and raises SEQUENCE when the time changes (not for other edits)', async () => {
    const { event } = await eventWithInvitee();
    const get = async () => veventOf((await t.request('staff', { method: 'GET', url: `/api/events/${event.id}/calendar.ics` })).body);
    const before = await get();
    const v1 = (
      await t.request('admin', {
        method: 'PATCH',
        url: `/api/events/${event.id}`,
        payload: { version: event.version, title: 'ورشة الحوكمة المحلية' },
      })
    ).json();
    expect(String((await get()).sequence)).toBe('0');
    const moved = await t.request('admin', {
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      payload: { version: v1.version, endsAt: '2027-05-02T12:00:00.000Z' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await get();
    expect(after.uid).toBe(before.uid);
    expect(String(after.sequence)).toBe('1');
    expect(after.end?.getTime()).toBe(Date.parse('2027-05-02T12:00:00.000Z'));
  });

  it('gives the invitee their file from the reply link, without a session, with their link in it', async () => {
    const { url, token } = await eventWithInvitee();
    const res = await t.request(null, { method: 'GET', url: `/api/rsvp/${token}/calendar.ics` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="event-2027-05-02\.ics"; filename\*=UTF-8''/);
    const vevent = veventOf(res.body);
    expect(textOf(vevent.description)).toContain(url);
    expect(textOf(vevent.description)).toContain('جدول الأعمال');
  });

  it('answers 404 for unknown tokens and events, 410 for a revoked link', async () => {
    const { event, invitationId, token } = await eventWithInvitee();
    expectProblem(await t.request(null, { method: 'GET', url: '/api/rsvp/not-a-token/calendar.ics' }), 404, 'REPLY_LINK_UNKNOWN');
    expectProblem(await t.request(null, { method: 'GET', url: `/api/rsvp/${'A'.repeat(32)}/calendar.ics` }), 404, 'REPLY_LINK_UNKNOWN');
    expectProblem(await t.request('staff', { method: 'GET', url: `/api/events/${crypto.randomUUID()}/calendar.ics` }), 404, 'NOT_FOUND');
    expectProblem(await t.request(null, { method: 'GET', url: `/api/events/${event.id}/calendar.ics` }), 401, 'UNAUTHORIZED');
    await t.request('staff', { method: 'DELETE', url: `/api/events/${event.id}/invitations/${invitationId}/link` });
    expectProblem(await t.request(null, { method: 'GET', url: `/api/rsvp/${token}/calendar.ics` }), 410, 'REPLY_LINK_GONE');
  });
});
