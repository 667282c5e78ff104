import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, type Json } from '../helpers/api-requests.js';

/**
 * Working groups and an account limited to some governorates (issue 17, item 10). A group action run by such an
 * account must never move or unassign invitations it cannot see. Where it would have to (an auto-split over
 * confirmed participants it cannot see, deleting a group that holds some of them), it is refused with a 409 that
 * says why, and nothing changes: a coordinator expects a split or a delete to cover the whole group, not half of it
 * silently.
 */

let t: TestApp;
let as: (opts: Json) => Promise<LightMyRequestResponse>;
beforeAll(async () => {
  t = await createTestApp();
  const { token } = await t.addUser('staff', ['IQ-BG']);
  as = (opts) => t.app.inject({ ...opts, headers: { authorization: `Bearer ${token}` } } as never);
});
afterAll(() => t.close());

let counter = 0;
const person = (governorate: string) =>
  created(t, '/api/contacts', { kind: 'activist', name: `ناشط ${++counter}`, governorates: [governorate] }, 'admin');

interface Setup {
  eventId: string;
  groups: Json[];
  baghdad: Json[];
  anbar: Json[];
}

/** An event with two groups and participants from Baghdad and Anbar, all with `status`; admin adds them. */
async function setup(status: 'confirmed' | 'invited'): Promise<Setup> {
  const e = await created(
    t,
    '/api/events',
    { title: 'الجلسة الختامية', type: 'closing_session', startsAt: '2026-06-10T09:00:00.000Z', endsAt: '2026-06-10T15:00:00.000Z' },
    'admin',
  );
  const groups = [
    await created(t, `/api/events/${e.id}/groups`, { name: 'المجموعة الأولى' }, 'admin'),
    await created(t, `/api/events/${e.id}/groups`, { name: 'المجموعة الثانية' }, 'admin'),
  ];
  const contacts = [];
  for (let i = 0; i < 4; i++) contacts.push(await person('IQ-BG'), await person('IQ-AN'));
  const added = await created(t, `/api/events/${e.id}/invitations`, { contactIds: contacts.map((c) => c.id), status: 'invited' }, 'admin');
  const ids = added.added.map((i: Json) => i.id);
  if (status === 'confirmed') {
    const res = await t.request('admin', {
      method: 'POST',
      url: `/api/events/${e.id}/invitations/bulk`,
      payload: { invitationIds: ids, status },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const list = await invitations(e.id);
  return {
    eventId: e.id,
    groups,
    baghdad: list.filter((i) => i.contact.governorates.includes('IQ-BG')),
    anbar: list.filter((i) => i.contact.governorates.includes('IQ-AN')),
  };
}

async function invitations(eventId: string): Promise<Json[]> {
  const res = await t.request('admin', { method: 'GET', url: `/api/events/${eventId}/invitations` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

/** invitation id -> group id, as the admin reads them. */
async function assignment(eventId: string): Promise<Map<string, string | null>> {
  return new Map((await invitations(eventId)).map((i) => [i.id, i.groupId]));
}

/** The admin puts every invitation in a group, alternating, each Anbar one in a known group. */
async function adminAssigns(s: Setup) {
  const all = [...s.baghdad, ...s.anbar];
  for (const [n, inv] of all.entries()) {
    const res = await t.request('admin', {
      method: 'PATCH',
      url: `/api/events/${s.eventId}/invitations/${inv.id}`,
      payload: { version: inv.version, groupId: s.groups[n % 2].id },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  return assignment(s.eventId);
}

const outOfScope = (s: Setup, before: Map<string, string | null>) => s.anbar.map((i) => [i.id, before.get(i.id)]);

describe('group actions by an account limited to Baghdad, on an event with Anbar participants', () => {
  it('the scoped account sees only its own invitations', async () => {
    const s = await setup('confirmed');
    const res = await as({ method: 'GET', url: `/api/events/${s.eventId}/invitations` });
    expect(res.json()).toMatchObject({ total: 4, hidden: 4 });
  });

  it('auto-split is refused with 409 OUT_OF_SCOPE_INVITATIONS when confirmed participants are outside the scope; nobody moves', async () => {
    const s = await setup('confirmed');
    const admin = await t.request('admin', {
      method: 'POST',
      url: `/api/events/${s.eventId}/groups/auto-split`,
      payload: { mode: 'confirmed' },
    });
    expect(admin.json()).toMatchObject({ assigned: 8, unassigned: 0 });
    const before = await assignment(s.eventId);

    const res = await as({ method: 'POST', url: `/api/events/${s.eventId}/groups/auto-split`, payload: { mode: 'confirmed' } });
    expectProblem(res, 409, 'OUT_OF_SCOPE_INVITATIONS');
    expect(res.json().detail).toMatch(/4 .*outside your governorates/);
    expect(await assignment(s.eventId)).toEqual(before);
  });

  it('auto-split by the scoped account moves only its own people when the hidden invitations are not split (not confirmed)', async () => {
    const s = await setup('invited');
    const before = await adminAssigns(s);
    const mine = s.baghdad.map((i) => i.id);
    const confirm = await as({
      method: 'POST',
      url: `/api/events/${s.eventId}/invitations/bulk`,
      payload: { invitationIds: mine, status: 'confirmed' },
    });
    expect(confirm.statusCode, confirm.body).toBe(200);

    const res = await as({ method: 'POST', url: `/api/events/${s.eventId}/groups/auto-split`, payload: { mode: 'confirmed' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ assigned: 4, unassigned: 0 });
    const after = await assignment(s.eventId);
    expect(s.anbar.map((i) => [i.id, after.get(i.id)])).toEqual(outOfScope(s, before));
    for (const id of mine) expect(after.get(id)).not.toBeNull();
  });

  it('deleting a group that holds Anbar invitations is refused with 409 OUT_OF_SCOPE_INVITATIONS; the group and its members stay', async () => {
    const s = await setup('confirmed');
    const before = await adminAssigns(s);
    const group = s.groups[1];
    expect([...before.values()].filter((g) => g === group.id).length).toBe(4);

    const res = await as({ method: 'DELETE', url: `/api/events/${s.eventId}/groups/${group.id}?version=${group.version}` });
    expectProblem(res, 409, 'OUT_OF_SCOPE_INVITATIONS');
    expect(res.json().detail).toMatch(/2 .*outside your governorates/);
    expect(await assignment(s.eventId)).toEqual(before);
    const groups = (await t.request('admin', { method: 'GET', url: `/api/events/${s.eventId}/groups` })).json().items as Json[];
    expect(groups.map((g) => g.id)).toContain(group.id);

    // The admin may delete it: every member is unassigned.
    const admin = await t.request('admin', { method: 'DELETE', url: `/api/events/${s.eventId}/groups/${group.id}` });
    expect(admin.statusCode).toBe(204);
    const after = await assignment(s.eventId);
    for (const [id, g] of before) expect(after.get(id)).toBe(g === group.id ? null : g);
  });

  it('the scoped account may delete a group whose members it all sees', async () => {
    const s = await setup('confirmed');
    const before = await adminAssigns(s);
    const own = await as({ method: 'POST', url: `/api/events/${s.eventId}/groups`, payload: { name: 'مجموعة بغداد' } });
    expect(own.statusCode, own.body).toBe(201);
    const inv = s.baghdad[0];
    const current = (await invitations(s.eventId)).find((i) => i.id === inv.id)!;
    const moved = await as({
      method: 'PATCH',
      url: `/api/events/${s.eventId}/invitations/${inv.id}`,
      payload: { version: current.version, groupId: own.json().id },
    });
    expect(moved.statusCode, moved.body).toBe(200);

    const res = await as({ method: 'DELETE', url: `/api/events/${s.eventId}/groups/${own.json().id}` });
    expect(res.statusCode, res.body).toBe(204);
    const after = await assignment(s.eventId);
    expect(after.get(inv.id)).toBeNull();
    expect(s.anbar.map((i) => [i.id, after.get(i.id)])).toEqual(outOfScope(s, before));
  });

  it('moving an Anbar invitation by hand answers 404, one at a time or in bulk', async () => {
    const s = await setup('confirmed');
    const before = await adminAssigns(s);
    const hidden = (await invitations(s.eventId)).find((i) => i.id === s.anbar[0].id)!;
    const target = s.groups.find((g) => g.id !== hidden.groupId)!;
    expectProblem(
      await as({
        method: 'PATCH',
        url: `/api/events/${s.eventId}/invitations/${hidden.id}`,
        payload: { version: hidden.version, groupId: target.id },
      }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await as({
        method: 'PATCH',
        url: `/api/events/${s.eventId}/invitations/${hidden.id}`,
        payload: { version: hidden.version, groupId: null },
      }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await as({
        method: 'POST',
        url: `/api/events/${s.eventId}/invitations/bulk`,
        payload: { invitationIds: [s.baghdad[0].id, hidden.id], groupId: target.id },
      }),
      404,
      'NOT_FOUND',
    );
    expect(await assignment(s.eventId)).toEqual(before);
  });
});
