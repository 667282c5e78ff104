import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_TRANSITIONS, type InvitationStatus } from '../../server/src/domain/events/vocabulary.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor, created, expectProblem, fieldsOf, type Json } from '../helpers/api-requests.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let counter = 0;
const person = (governorates: string[] = ['IQ-BG'], extra: Json = {}) =>
  created(t, '/api/contacts', { kind: 'activist', name: `ناشط ${++counter}`, governorates, ...extra });
const organisation = (name: string, governorates: string[] = ['IQ-BG']) =>
  created(t, '/api/contacts', { kind: 'organization', subtype: 'local_ngo', name, governorates });
const event = (extra: Json = {}) =>
  created(t, '/api/events', {
    title: 'ورشة الحوكمة المحلية',
    type: 'workshop',
    startsAt: '2026-05-01T08:00:00.000Z',
    endsAt: '2026-05-01T14:00:00.000Z',
    ...extra,
  });
const add = (eventId: string, payload: Json, as: 'staff' | 'viewer' | 'coordinator' = 'staff') =>
  t.request(as, { method: 'POST', url: `/api/events/${eventId}/invitations`, payload });
// These tests are about transitions on an event in the past; the day check on arrivals has its own tests
// (event-check-in-days.test.ts), so they confirm it.
const patch = (eventId: string, inv: Json, payload: Json) =>
  t.request('staff', {
    method: 'PATCH',
    url: `/api/events/${eventId}/invitations/${inv.id}?confirmOutsideEventDays=true`,
    payload: { version: inv.version, ...payload },
  });
const list = async (eventId: string, query = '', as: 'staff' | 'coordinator' = 'staff') =>
  (await t.request(as, { method: 'GET', url: `/api/events/${eventId}/invitations${query}` })).json();

describe('adding invitations', () => {
  it('adds one or many, as proposed participants by default, with history and audit', async () => {
    const e = await event();
    const [a, b] = [await person(), await person(['IQ-AN'])];
    const res = await add(e.id, { contactIds: [a.id, b.id] });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.added).toHaveLength(2);
    expect(body.added[0]).toMatchObject({ status: 'proposed', role: 'participant', walkIn: false, groupId: null, version: 1 });
    expect(body.skipped).toEqual([]);
    expect(body.capacityStatus).toEqual({ capacity: null, active: 2, remaining: null, exceeded: false });
    const withHistory = await list(e.id, '?history=true');
    expect(withHistory.items[0].history).toMatchObject([{ fromStatus: null, toStatus: 'proposed', changedBy: { id: t.users.staff.id } }]);
    expect((await auditFor(t, e.id)).map((r) => r.action)).toEqual(['create', 'update']);
  });

  it('refuses the same contact twice (409 INVITATION_EXISTS, nothing added) unless skipExisting', async () => {
    const e = await event();
    const [a, b] = [await person(), await person()];
    await created(t, `/api/events/${e.id}/invitations`, { contactIds: [a.id] });
    const again = await add(e.id, { contactIds: [b.id, a.id] });
    expectProblem(again, 409, 'INVITATION_EXISTS');
    expect(fieldsOf(again)).toEqual([a.id]);
    expect((await list(e.id)).total).toBe(1);
    const skipping = await add(e.id, { contactIds: [b.id, a.id], skipExisting: true });
    expect(skipping.statusCode).toBe(201);
    expect(skipping.json().skipped).toEqual([{ contactId: a.id, reason: 'already_on_list' }]);
    expect(skipping.json().added.map((i: Json) => i.contact.id)).toEqual([b.id]);
  });

  it('refuses the same person as a representative and as themselves, either way round', async () => {
    const e = await event();
    const org = await organisation('منظمة الأمل');
    const other = await organisation('منظمة النور');
    const rep = await person(['IQ-BG'], { gender: 'female' });
    const first = await add(e.id, { items: [{ contactId: org.id, representativeId: rep.id }] });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().added[0]).toMatchObject({ contact: { id: org.id }, representative: { id: rep.id, gender: 'female' } });
    expectProblem(await add(e.id, { contactIds: [rep.id] }), 409, 'INVITATION_EXISTS');
    const viaOther = await add(e.id, { items: [{ contactId: other.id, representativeId: rep.id }] });
    expectProblem(viaOther, 409, 'INVITATION_EXISTS');
    expect(fieldsOf(viaOther)).toEqual([rep.id]);
    const e2 = await event();
    await created(t, `/api/events/${e2.id}/invitations`, { contactIds: [rep.id] });
    expectProblem(await add(e2.id, { items: [{ contactId: org.id, representativeId: rep.id }] }), 409, 'INVITATION_EXISTS');
    const inOneRequest = await add(e2.id, {
      items: [
        { contactId: org.id, representativeId: (await person()).id },
        { contactId: other.id, representativeId: rep.id },
      ],
    });
    expectProblem(inOneRequest, 409, 'INVITATION_EXISTS');
    expect((await list(e2.id)).total).toBe(1);
  });

  it('changes the representative later, refusing someone already on the list', async () => {
    const e = await event({ quotas: [{ dimension: 'gender', value: 'female', minCount: 1 }] });
    const team = await created(t, '/api/contacts', { kind: 'volunteer_team', name: 'فريق الرافدين', governorates: ['IQ-BG'] });
    const [man, woman, listed] = [
      await person(['IQ-BG'], { gender: 'male' }),
      await person(['IQ-BG'], { gender: 'female' }),
      await person(),
    ];
    const added = await created(t, `/api/events/${e.id}/invitations`, {
      items: [{ contactId: team.id, representativeId: man.id }, { contactId: listed.id }],
    });
    const inv = added.added.find((i: Json) => i.contact.id === team.id);
    expect(added.quotaStatus[0]).toMatchObject({ count: 0, state: 'short' });
    expectProblem(await patch(e.id, inv, { representativeId: listed.id }), 409, 'INVITATION_EXISTS');
    const changed = await patch(e.id, inv, { representativeId: woman.id });
    expect(changed.json()).toMatchObject({ representative: { id: woman.id } });
    const detail = (await t.request('staff', { method: 'GET', url: `/api/events/${e.id}` })).json();
    expect(detail.quotaStatus[0]).toMatchObject({ count: 1, state: 'met' });
  });

  it('only lets an organisation or team be represented, by a person', async () => {
    const e = await event();
    const org = await organisation('منظمة السلام');
    const [a, b] = [await person(), await person()];
    const res = await add(e.id, {
      items: [
        { contactId: a.id, representativeId: b.id },
        { contactId: org.id, representativeId: (await organisation('جهة أخرى')).id },
      ],
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.json().errors.map((x: Json) => [x.field, x.code])).toEqual([
      ['items.0.representativeId', 'not_allowed'],
      ['items.1.representativeId', 'not_a_person'],
    ]);
  });

  it('refuses to exceed capacity unless allowOverCapacity, counting only the active list', async () => {
    const e = await event({ capacity: 2 });
    const people = [await person(), await person(), await person()];
    const two = await created(t, `/api/events/${e.id}/invitations`, { contactIds: [people[0].id, people[1].id] });
    const over = await add(e.id, { contactIds: [people[2].id] });
    expectProblem(over, 409, 'CAPACITY_EXCEEDED');
    expect((await list(e.id)).total).toBe(2);
    const declined = two.added[0];
    await patch(e.id, declined, { status: 'invited' });
    await patch(e.id, { ...declined, version: 2 }, { status: 'declined' });
    expect((await add(e.id, { contactIds: [people[2].id] })).statusCode).toBe(201);
    const e2 = await event({ capacity: 1 });
    const forced = await add(e2.id, { contactIds: [people[0].id, people[1].id], allowOverCapacity: true });
    expect(forced.statusCode).toBe(201);
    expect(forced.json().capacityStatus).toEqual({ capacity: 1, active: 2, remaining: 0, exceeded: true });
  });

  it('adds in bulk from a filter: kind, governorates, tags and organisation membership', async () => {
    const e = await event();
    const org = await organisation('شبكة شباب الأنبار', ['IQ-AN']);
    const tagged = await person(['IQ-DQ'], { tags: ['شباب', 'انتخابات'] });
    await person(['IQ-DQ'], { tags: ['شباب'] });
    const member = await person(['IQ-KA']);
    const holder = await person(['IQ-KA']);
    await created(t, '/api/relationships', { type: 'member_of', fromContactId: member.id, toContactId: org.id });
    await created(t, '/api/positions', { personId: holder.id, organizationId: org.id, title: 'منسق' });
    const byTags = await add(e.id, { filter: { governorates: ['IQ-DQ'], tags: ['شباب', 'انتخابات'], kind: 'activist' } });
    expect(byTags.json().added.map((i: Json) => i.contact.id)).toEqual([tagged.id]);
    const byMembership = await add(e.id, { filter: { memberOf: org.id }, role: 'speaker' });
    expect(
      byMembership
        .json()
        .added.map((i: Json) => i.contact.id)
        .sort(),
    ).toEqual([member.id, holder.id].sort());
    expect(byMembership.json().added[0].role).toBe('speaker');
    const holderRow = byMembership.json().added.find((i: Json) => i.contact.id === holder.id);
    expect(holderRow.contact.organisation).toEqual({ id: org.id, name: org.name });
    expectProblem(await add(e.id, {}), 400, 'VALIDATION_FAILED');
  });

  it('lets viewers read the list but not change it', async () => {
    const e = await event();
    const a = await person();
    expectProblem(await add(e.id, { contactIds: [a.id] }, 'viewer'), 403, 'FORBIDDEN');
    expect((await t.request('viewer', { method: 'GET', url: `/api/events/${e.id}/invitations` })).statusCode).toBe(200);
  });
});

const PATHS: Record<InvitationStatus, InvitationStatus[]> = {
  proposed: [],
  invited: ['invited'],
  confirmed: ['invited', 'confirmed'],
  declined: ['invited', 'declined'],
  attended: ['invited', 'attended'],
  no_show: ['invited', 'confirmed', 'no_show'],
  cancelled: ['cancelled'],
};

async function invitationAt(eventId: string, status: InvitationStatus): Promise<Json> {
  const p = await person();
  let inv = (await created(t, `/api/events/${eventId}/invitations`, { contactIds: [p.id] })).added[0];
  for (const step of PATHS[status]) {
    const res = await patch(eventId, inv, { status: step });
    expect(res.statusCode, res.body).toBe(200);
    inv = res.json();
  }
  return inv;
}

describe('status transitions', () => {
  it('allows every documented move, stamping who and when and writing the history', async () => {
    const e = await event();
    for (const [from, targets] of Object.entries(STATUS_TRANSITIONS) as [InvitationStatus, InvitationStatus[]][]) {
      for (const to of targets) {
        const inv = await invitationAt(e.id, from);
        const res = await patch(e.id, inv, { status: to });
        expect(res.statusCode, `${from}->${to}: ${res.body}`).toBe(200);
        expect(res.json()).toMatchObject({ status: to, statusChangedBy: { id: t.users.staff.id } });
        const history = await t.database.db
          .selectFrom('invitation_status_change')
          .select(['from_status', 'to_status', 'changed_by'])
          .where('invitation_id', '=', inv.id)
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow();
        expect(history).toEqual({ from_status: from, to_status: to, changed_by: t.users.staff.id });
      }
    }
  });

  it('refuses invalid moves with 409 INVALID_STATUS_TRANSITION naming from and to, changing nothing', async () => {
    const e = await event();
    const samples: [InvitationStatus, InvitationStatus][] = [
      ['proposed', 'attended'],
      ['proposed', 'confirmed'],
      ['attended', 'no_show'],
      ['attended', 'cancelled'],
      ['cancelled', 'invited'],
      ['declined', 'attended'],
      ['no_show', 'confirmed'],
    ];
    for (const [from, to] of samples) {
      const inv = await invitationAt(e.id, from);
      const res = await patch(e.id, inv, { status: to });
      expectProblem(res, 409, 'INVALID_STATUS_TRANSITION');
      expect(res.json().errors).toEqual([{ field: inv.id, code: 'invalid_transition', message: `${from}->${to}` }]);
      const after = (await list(e.id)).items.find((i: Json) => i.id === inv.id);
      expect(after).toMatchObject({ status: from, version: inv.version });
    }
  });

  it('refuses a stale version and accepts the same status as no change', async () => {
    const e = await event();
    const inv = await invitationAt(e.id, 'invited');
    expectProblem(await patch(e.id, { ...inv, version: 1 }, { role: 'speaker' }), 409, 'CONFLICT');
    const same = await patch(e.id, inv, { status: 'invited', role: 'speaker' });
    expect(same.json()).toMatchObject({ status: 'invited', role: 'speaker', statusChangedAt: inv.statusChangedAt });
  });

  it('changes a selection in bulk, all or nothing, listing every invalid one', async () => {
    const e = await event();
    const proposed = [await invitationAt(e.id, 'proposed'), await invitationAt(e.id, 'proposed')];
    const attended = await invitationAt(e.id, 'attended');
    const cancelled = await invitationAt(e.id, 'cancelled');
    const bulk = (invitationIds: string[], payload: Json) =>
      t.request('staff', { method: 'POST', url: `/api/events/${e.id}/invitations/bulk`, payload: { invitationIds, ...payload } });
    const refused = await bulk([...proposed.map((i) => i.id), attended.id, cancelled.id], { status: 'invited' });
    expectProblem(refused, 409, 'INVALID_STATUS_TRANSITION');
    expect(fieldsOf(refused).sort()).toEqual([attended.id, cancelled.id].sort());
    expect((await list(e.id, '?status=invited')).total).toBe(0);
    const ok = await bulk(
      proposed.map((i) => i.id),
      { status: 'invited', role: 'government_guest' },
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().items.map((i: Json) => [i.status, i.role])).toEqual([
      ['invited', 'government_guest'],
      ['invited', 'government_guest'],
    ]);
    const other = await event();
    const foreign = await invitationAt(other.id, 'proposed');
    expectProblem(await bulk([proposed[0].id, foreign.id], { status: 'cancelled' }), 404, 'NOT_FOUND');
  });

  it('removes an invitation, with a version check', async () => {
    const e = await event();
    const inv = await invitationAt(e.id, 'invited');
    const del = (v: number) => t.request('staff', { method: 'DELETE', url: `/api/events/${e.id}/invitations/${inv.id}?version=${v}` });
    expectProblem(await del(1), 409, 'CONFLICT');
    expect((await del(inv.version)).statusCode).toBe(204);
    expect((await list(e.id)).total).toBe(0);
    expect((await auditFor(t, inv.id)).map((r) => r.action)).toEqual(['update', 'delete']);
  });
});

describe('privacy', () => {
  it('masks restricted phones for staff, shows them to coordinators', async () => {
    const e = await event();
    const secret = await created(
      t,
      '/api/contacts',
      { kind: 'activist', name: 'ناشطة محمية', governorates: ['IQ-BG'], phones: ['07701234567'], sensitivity: 'restricted' },
      'coordinator',
    );
    const open = await person(['IQ-BG'], { phones: ['07801234567'] });
    await created(t, `/api/events/${e.id}/invitations`, { contactIds: [secret.id, open.id] });
    const staff = await list(e.id);
    const byId = (l: Json, id: string) => l.items.find((i: Json) => i.contact.id === id).contact;
    expect(byId(staff, secret.id)).toMatchObject({ phone: null, phoneHidden: true, sensitivity: 'restricted' });
    expect(byId(staff, open.id)).toMatchObject({ phone: '+9647801234567', phoneHidden: false });
    expect(byId(await list(e.id, '', 'coordinator'), secret.id)).toMatchObject({ phone: '+9647701234567', phoneHidden: false });
  });

  it("hides invitations of contacts outside a scoped user's governorates but counts them", async () => {
    const e = await event({ quotas: [{ dimension: 'governorate', value: 'IQ-NI', minCount: 1 }] });
    const inScope = await person(['IQ-BA']);
    const outside = await person(['IQ-NI']);
    const added = await created(t, `/api/events/${e.id}/invitations`, { contactIds: [inScope.id, outside.id] });
    const hiddenInv = added.added.find((i: Json) => i.contact.id === outside.id);
    const { token } = await t.addUser('staff', ['IQ-BA']);
    const as = (opts: Json) => t.app.inject({ ...opts, headers: { authorization: `Bearer ${token}` } } as never);
    const res = await as({ method: 'GET', url: `/api/events/${e.id}/invitations` });
    expect(res.json()).toMatchObject({ total: 1, hidden: 1, items: [{ contact: { id: inScope.id } }] });
    const detail = (await as({ method: 'GET', url: `/api/events/${e.id}` })).json();
    expect(detail.quotaStatus[0]).toMatchObject({ value: 'IQ-NI', count: 1, state: 'met' });
    expectProblem(
      await as({ method: 'PATCH', url: `/api/events/${e.id}/invitations/${hiddenInv.id}`, payload: { version: 1, status: 'invited' } }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await as({ method: 'POST', url: `/api/events/${e.id}/invitations`, payload: { contactIds: [(await person(['IQ-NI'])).id] } }),
      404,
      'NOT_FOUND',
    );
  });
});
