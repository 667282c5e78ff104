import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor, created, expectProblem, type Json } from '../helpers/api-requests.js';

/** Issue 11, item 8: a badge's check-in code, scanned or typed at the door, checks the person in and says who it is. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const DAY = 24 * 3600 * 1000;
let counter = 0;

/** An event `offsetDays` from now (0 = today) with one person on the list in `status`, in a working group. */
async function eventWith(status: 'invited' | 'confirmed' = 'invited', offsetDays = 0, governorates = ['IQ-BG']) {
  const at = Date.now() + offsetDays * DAY;
  const e = await created(t, '/api/events', {
    title: `ورشة المساءلة ${++counter}`,
    type: 'workshop',
    startsAt: new Date(at - 60_000).toISOString(),
    endsAt: new Date(at + 60_000).toISOString(),
  });
  const person = await created(t, '/api/contacts', { kind: 'activist', name: `زينب علي ${counter}`, governorates });
  let [inv] = (await created(t, `/api/events/${e.id}/invitations`, { contactIds: [person.id], status: 'invited' })).added as Json[];
  const group = await created(t, `/api/events/${e.id}/groups`, { name: 'المجموعة الأولى' });
  inv = (await patch(e.id, inv, { groupId: group.id, ...(status === 'confirmed' ? { status } : {}) })).json();
  return { e, inv, person, group };
}

const patch = (eventId: string, inv: Json, changes: Json) =>
  t.request('staff', {
    method: 'PATCH',
    url: `/api/events/${eventId}/invitations/${inv.id}`,
    payload: { version: inv.version, ...changes },
  });

const scan = (eventId: string, code: string, as: Parameters<TestApp['request']>[0] = 'staff', extra: Json = {}) =>
  t.request(as, { method: 'POST', url: `/api/events/${eventId}/check-in/scan`, payload: { code, ...extra } });

/** The code as someone might type it on an Arabic phone keyboard: Arabic-Indic digits, lower case, a dash and spaces. */
const typedArabic = (code: string) =>
  ` ${code.slice(0, 4)} - ${code.slice(4)} `.toLowerCase().replace(/[0-9]/g, (d) => String.fromCodePoint(0x0660 + Number(d)));

describe('POST /api/events/:id/check-in/scan', () => {
  it('gives every invitation a short unique code and checks the person in by it, saying who it is', async () => {
    const { e, inv, person, group } = await eventWith('confirmed');
    expect(inv.checkInCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    const res = await scan(e.id, inv.checkInCode);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      result: 'checked_in',
      invitation: { id: inv.id, status: 'attended', contact: { id: person.id, name: person.name }, checkInCode: inv.checkInCode },
      group: { id: group.id, name: 'المجموعة الأولى' },
    });
    const audit = await auditFor(t, inv.id);
    expect(audit.at(-1)).toMatchObject({ action: 'update', details: { eventId: e.id, from: 'confirmed', to: 'attended' } });
  });

  it('reads a typed code with Arabic-Indic or Eastern digits, lower case, spaces and dashes', async () => {
    // Codes without digits cannot show the digit mapping: draw events until both kinds of typing are exercised.
    for (const eastern of [false, true]) {
      let made = await eventWith();
      while (!/[0-9]/.test(made.inv.checkInCode)) made = await eventWith();
      const typed = eastern
        ? made.inv.checkInCode.replace(/[0-9]/g, (d: string) => String.fromCodePoint(0x06f0 + Number(d))).replace(/(.{4})/, '$1–')
        : typedArabic(made.inv.checkInCode);
      const res = await scan(made.e.id, typed);
      expect(res.statusCode, `${typed}: ${res.body}`).toBe(200);
      expect(res.json()).toMatchObject({ result: 'checked_in', invitation: { id: made.inv.id } });
    }
  });

  it('answers an already checked-in person with already_checked_in and changes nothing', async () => {
    const { e, inv } = await eventWith();
    expect((await scan(e.id, inv.checkInCode)).json().result).toBe('checked_in');
    const before = await auditFor(t, inv.id);
    const again = await scan(e.id, inv.checkInCode);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ result: 'already_checked_in', invitation: { status: 'attended', version: inv.version + 1 } });
    expect(await auditFor(t, inv.id)).toHaveLength(before.length);
    const history = await t.database.db
      .selectFrom('invitation_status_change')
      .select('to_status')
      .where('invitation_id', '=', inv.id)
      .execute();
    expect(history.filter((h) => h.to_status === 'attended')).toHaveLength(1);
  });

  it('checks in once when two doors scan the same badge at the same moment', async () => {
    const { e, inv } = await eventWith('confirmed');
    const results = await Promise.all([scan(e.id, inv.checkInCode), scan(e.id, inv.checkInCode)]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(results.map((r) => r.json().result).sort()).toEqual(['already_checked_in', 'checked_in']);
    const history = await t.database.db
      .selectFrom('invitation_status_change')
      .select('to_status')
      .where('invitation_id', '=', inv.id)
      .execute();
    expect(history.filter((h) => h.to_status === 'attended')).toHaveLength(1);
  });

  it("refuses another event's code with 409 CHECK_IN_CODE_OTHER_EVENT naming that event", async () => {
    const here = await eventWith();
    const there = await eventWith();
    const res = await scan(here.e.id, there.inv.checkInCode);
    expectProblem(res, 409, 'CHECK_IN_CODE_OTHER_EVENT');
    expect(res.json().detail).toContain(there.e.title);
    expect(res.json().errors).toEqual([{ field: 'code', code: 'other_event', message: there.e.title }]);
  });

  it('refuses cancelled and declined invitations with 409 INVITATION_CANCELLED', async () => {
    const { e, inv } = await eventWith();
    const cancelled = (await patch(e.id, inv, { status: 'cancelled' })).json();
    expectProblem(await scan(e.id, cancelled.checkInCode), 409, 'INVITATION_CANCELLED');
    const other = await eventWith();
    await patch(other.e.id, other.inv, { status: 'declined' });
    const res = await scan(other.e.id, other.inv.checkInCode);
    expectProblem(res, 409, 'INVITATION_CANCELLED');
    expect(res.json().errors[0]).toMatchObject({ code: 'declined' });
  });

  it('answers unknown and malformed codes with 404 CHECK_IN_CODE_UNKNOWN, an unknown event with 404', async () => {
    const { e } = await eventWith();
    expectProblem(await scan(e.id, '2222-2222'), 404, 'CHECK_IN_CODE_UNKNOWN');
    expectProblem(await scan(e.id, 'not a code at all'), 404, 'CHECK_IN_CODE_UNKNOWN');
    expectProblem(await scan(e.id, ''), 400, 'VALIDATION_FAILED');
    expectProblem(await scan('00000000-0000-4000-8000-000000000000', 'ABCDEFGH'), 404, 'NOT_FOUND');
  });

  it("treats a code outside a governorate-limited user's scope as unknown, and checks in within it", async () => {
    const basra = await t.addUser('staff', ['IQ-BA']);
    const as = (eventId: string, code: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/events/${eventId}/check-in/scan`,
        headers: { authorization: `Bearer ${basra.token}` },
        payload: { code },
      });
    const outside = await eventWith('invited', 0, ['IQ-BG']);
    expectProblem(await as(outside.e.id, outside.inv.checkInCode), 404, 'CHECK_IN_CODE_UNKNOWN');
    const inside = await eventWith('invited', 0, ['IQ-BA']);
    // Another event's code in scope is named; one out of scope is not even said to exist.
    expectProblem(await as(inside.e.id, outside.inv.checkInCode), 404, 'CHECK_IN_CODE_UNKNOWN');
    const res = await as(inside.e.id, inside.inv.checkInCode);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result).toBe('checked_in');
  });

  it('refuses viewers with 403 and leaves the invitation as it was', async () => {
    const { e, inv } = await eventWith();
    expectProblem(await scan(e.id, inv.checkInCode, 'viewer'), 403, 'FORBIDDEN');
    expectProblem(await scan(e.id, inv.checkInCode, null), 401, 'UNAUTHORIZED');
    const list = (await t.request('viewer', { method: 'GET', url: `/api/events/${e.id}/invitations` })).json();
    expect(list.items[0]).toMatchObject({ status: 'invited', checkInCode: inv.checkInCode });
  });

  it("asks for a confirmation outside the event's days, and records the arrival once confirmed", async () => {
    const { e, inv } = await eventWith('confirmed', 10);
    expectProblem(await scan(e.id, inv.checkInCode), 409, 'OUTSIDE_EVENT_DAYS');
    const res = await scan(e.id, inv.checkInCode, 'staff', { confirmOutsideEventDays: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ result: 'checked_in', invitation: { status: 'attended' } });
  });
});
