import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, fieldsOf, type Json } from '../helpers/api-requests.js';

/**
 * A group's facilitator and an account limited to some governorates (issue 14). Like the invitations such an account
 * cannot see, a facilitator outside its governorates is not named to it (facilitator null, facilitatorHidden true);
 * it cannot name one (404 for the contact, as when adding one to the list), nor replace, remove or delete the group
 * of one it cannot see (409 OUT_OF_SCOPE_INVITATIONS, as the other group actions touching such people).
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
  created(t, '/api/contacts', { kind: 'activist', name: `ميسّر ${++counter}`, governorates: [governorate] }, 'admin');

async function setup() {
  const e = await created(
    t,
    '/api/events',
    { title: 'الجلسة الختامية', type: 'closing_session', startsAt: '2026-06-10T09:00:00.000Z', endsAt: '2026-06-10T15:00:00.000Z' },
    'admin',
  );
  const anbar = await person('IQ-AN');
  const baghdad = await person('IQ-BG');
  await created(t, `/api/events/${e.id}/invitations`, { contactIds: [anbar.id, baghdad.id], role: 'facilitator' }, 'admin');
  const group = await created(t, `/api/events/${e.id}/groups`, { name: 'المجموعة الأولى', facilitatorId: anbar.id }, 'admin');
  return { eventId: e.id, anbar, baghdad, group };
}

describe('a facilitator outside a scoped account’s governorates', () => {
  it('is not named in the groups list, the one group or the split result', async () => {
    const s = await setup();
    const list = await as({ method: 'GET', url: `/api/events/${s.eventId}/groups` });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.body).not.toContain(s.anbar.name);
    expect(list.json().items[0]).toMatchObject({ facilitator: null, facilitatorHidden: true });
    const split = await as({ method: 'POST', url: `/api/events/${s.eventId}/groups/auto-split`, payload: { mode: 'confirmed' } });
    expect(split.statusCode, split.body).toBe(200);
    expect(split.json().groups[0]).toMatchObject({ facilitator: null, facilitatorHidden: true });
    // Renaming the group leaves the facilitator alone and does not name them either.
    const renamed = await as({
      method: 'PATCH',
      url: `/api/events/${s.eventId}/groups/${s.group.id}`,
      payload: { version: s.group.version, name: 'الأولى' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'الأولى', facilitator: null, facilitatorHidden: true });
    // Everyone else still sees them.
    const admin = await t.request('admin', { method: 'GET', url: `/api/events/${s.eventId}/groups` });
    expect(admin.json().items[0]).toMatchObject({ facilitator: { id: s.anbar.id, name: s.anbar.name }, facilitatorHidden: false });
  });

  it('cannot be named by the scoped account: 404 for the contact, on create and on update', async () => {
    const s = await setup();
    expectProblem(
      await as({ method: 'POST', url: `/api/events/${s.eventId}/groups`, payload: { name: 'ب', facilitatorId: s.anbar.id } }),
      404,
      'NOT_FOUND',
    );
    const own = await as({ method: 'POST', url: `/api/events/${s.eventId}/groups`, payload: { name: 'ب', facilitatorId: s.baghdad.id } });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ facilitator: { id: s.baghdad.id }, facilitatorHidden: false });
    expectProblem(
      await as({
        method: 'PATCH',
        url: `/api/events/${s.eventId}/groups/${own.json().id}`,
        payload: { version: own.json().version, facilitatorId: s.anbar.id },
      }),
      404,
      'NOT_FOUND',
    );
    // A contact not on the list is still a 400 on facilitatorId, when the account may see it.
    const stranger = await person('IQ-BG');
    const res = await as({ method: 'POST', url: `/api/events/${s.eventId}/groups`, payload: { name: 'ج', facilitatorId: stranger.id } });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res)).toEqual(['facilitatorId']);
  });

  it('cannot be replaced or removed by the scoped account, nor their group deleted', async () => {
    const s = await setup();
    for (const facilitatorId of [s.baghdad.id, null]) {
      const res = await as({
        method: 'PATCH',
        url: `/api/events/${s.eventId}/groups/${s.group.id}`,
        payload: { version: s.group.version, facilitatorId },
      });
      expectProblem(res, 409, 'OUT_OF_SCOPE_INVITATIONS');
    }
    expectProblem(await as({ method: 'DELETE', url: `/api/events/${s.eventId}/groups/${s.group.id}` }), 409, 'OUT_OF_SCOPE_INVITATIONS');
    const admin = await t.request('admin', { method: 'GET', url: `/api/events/${s.eventId}/groups` });
    expect(admin.json().items[0]).toMatchObject({ id: s.group.id, facilitator: { id: s.anbar.id }, version: 1 });
  });
});
