import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, type Json } from '../helpers/api-requests.js';

/**
 * Issue 14, item 8: check-in took arrivals weeks before the event with no warning. Arrivals (check-in and walk-ins)
 * on a day that is not one of the event's days, Baghdad time, answer 409 OUTSIDE_EVENT_DAYS unless confirmed.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const DAY = 24 * 3600 * 1000;
let counter = 0;

/** An event `offsetDays` from now (0 = around this very minute), with one invited person. */
async function eventWithInvitation(offsetDays: number) {
  const at = Date.now() + offsetDays * DAY;
  const e = await created(t, '/api/events', {
    title: 'الجلسة الختامية',
    type: 'closing_session',
    startsAt: new Date(at - 60_000).toISOString(),
    endsAt: new Date(at + 60_000).toISOString(),
  });
  const person = await created(t, '/api/contacts', { kind: 'activist', name: `قادم ${++counter}`, governorates: ['IQ-BG'] });
  const added = await created(t, `/api/events/${e.id}/invitations`, { contactIds: [person.id], status: 'invited' });
  return { e, invitation: added.added[0] as Json };
}

const checkIn = (eventId: string, inv: Json, query = '', as: 'staff' | 'viewer' = 'staff') =>
  t.request(as, {
    method: 'POST',
    url: `/api/events/${eventId}/invitations/${inv.id}/check-in${query}`,
    payload: { version: inv.version },
  });

const statusOf = async (eventId: string, id: string) =>
  ((await t.request('staff', { method: 'GET', url: `/api/events/${eventId}/invitations` })).json().items as Json[]).find(
    (i) => i.id === id,
  )!.status;

describe('check-in outside the event’s days', () => {
  it('checks in on the event’s day without asking', async () => {
    const { e, invitation } = await eventWithInvitation(0);
    const res = await checkIn(e.id, invitation);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: invitation.id, status: 'attended' });
  });

  it('refuses a check-in weeks before the event with 409 OUTSIDE_EVENT_DAYS, and records it once confirmed', async () => {
    const { e, invitation } = await eventWithInvitation(21);
    const res = await checkIn(e.id, invitation);
    expectProblem(res, 409, 'OUTSIDE_EVENT_DAYS');
    expect(res.json().detail).toMatch(/Baghdad time/);
    expect(await statusOf(e.id, invitation.id)).toBe('invited');
    const confirmed = await checkIn(e.id, invitation, '?confirmOutsideEventDays=true');
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().status).toBe('attended');
  });

  it('asks the day after too (typing in the paper sheet), and still checks roles, versions and transitions', async () => {
    const { e, invitation } = await eventWithInvitation(-1);
    expectProblem(await checkIn(e.id, invitation), 409, 'OUTSIDE_EVENT_DAYS');
    expectProblem(await checkIn(e.id, invitation, '?confirmOutsideEventDays=true', 'viewer'), 403, 'FORBIDDEN');
    expectProblem(
      await checkIn(e.id, { ...invitation, version: invitation.version + 5 }, '?confirmOutsideEventDays=true'),
      409,
      'CONFLICT',
    );
    expectProblem(await checkIn(e.id, { ...invitation, id: e.id }, '?confirmOutsideEventDays=true'), 404, 'NOT_FOUND');
  });

  it('refuses a walk-in outside the event’s days unless confirmed; nothing is saved', async () => {
    const { e } = await eventWithInvitation(14);
    const contact = { name: 'زائر مبكر جدًا', kind: 'activist', governorates: ['IQ-BG'] };
    const walkIn = (query = '') =>
      t.request('staff', { method: 'POST', url: `/api/events/${e.id}/walk-ins${query}`, payload: { contact } });
    expectProblem(await walkIn(), 409, 'OUTSIDE_EVENT_DAYS');
    const none = await t.database.db.selectFrom('contact').select('id').where('name', '=', contact.name).execute();
    expect(none).toEqual([]);
    const ok = await walkIn('?confirmOutsideEventDays=true');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'attended', walkIn: true });
    const today = await eventWithInvitation(0);
    const other = { ...contact, name: 'زائر في يومه' };
    const res = await t.request('staff', { method: 'POST', url: `/api/events/${today.e.id}/walk-ins`, payload: { contact: other } });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('guards marking attended from the list too (PATCH and bulk), and lets other changes through', async () => {
    const { e, invitation } = await eventWithInvitation(10);
    const patch = (query = '', body: Json = { version: invitation.version, status: 'attended' }) =>
      t.request('staff', { method: 'PATCH', url: `/api/events/${e.id}/invitations/${invitation.id}${query}`, payload: body });
    const bulk = (query = '') =>
      t.request('staff', {
        method: 'POST',
        url: `/api/events/${e.id}/invitations/bulk${query}`,
        payload: { invitationIds: [invitation.id], status: 'attended' },
      });
    expectProblem(await patch(), 409, 'OUTSIDE_EVENT_DAYS');
    expectProblem(await bulk(), 409, 'OUTSIDE_EVENT_DAYS');
    expect(await statusOf(e.id, invitation.id)).toBe('invited');
    const confirmedNow = await patch('', { version: invitation.version, status: 'confirmed' });
    expect(confirmedNow.statusCode, confirmedNow.body).toBe(200);
    const ok = await bulk('?confirmOutsideEventDays=true');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await statusOf(e.id, invitation.id)).toBe('attended');
  });
});
