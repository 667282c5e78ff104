import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, fieldsOf, type Json } from '../helpers/api-requests.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const GOVS = ['IQ-BG', 'IQ-AN', 'IQ-NA', 'IQ-BB'];
let counter = 0;
const contact = (body: Json) => created(t, '/api/contacts', { name: `جهة ${++counter}`, ...body });

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

async function event() {
  return created(t, '/api/events', {
    title: 'الجلسة الختامية',
    type: 'closing_session',
    startsAt: '2026-06-10T09:00:00.000Z',
    endsAt: '2026-06-10T15:00:00.000Z',
  });
}

/** People in organisations (through current positions), all invited and confirmed as participants. */
async function confirmedList(eventId: string, orgSizes: number[], random: () => number) {
  const people: { id: string; org: string }[] = [];
  for (const size of orgSizes) {
    const org = await contact({ kind: 'organization', subtype: 'local_ngo', governorates: ['IQ-BG'] });
    for (let i = 0; i < size; i++) {
      const p = await contact({
        kind: random() < 0.5 ? 'activist' : 'government_focal_point',
        governorates: [GOVS[Math.floor(random() * 4)]],
      });
      await created(t, '/api/positions', { personId: p.id, organizationId: org.id, title: 'عضو' });
      people.push({ id: p.id, org: org.id });
    }
  }
  const added = await created(t, `/api/events/${eventId}/invitations`, { contactIds: people.map((p) => p.id), status: 'invited' });
  const res = await t.request('staff', {
    method: 'POST',
    url: `/api/events/${eventId}/invitations/bulk`,
    payload: { invitationIds: added.added.map((i: Json) => i.id), status: 'confirmed' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return people;
}

const split = (eventId: string) =>
  t.request('staff', { method: 'POST', url: `/api/events/${eventId}/groups/auto-split`, payload: { mode: 'confirmed' } });

describe('working groups', () => {
  it('creates, renames and deletes groups; the facilitator must be on the list', async () => {
    const e = await event();
    const facilitator = await contact({ kind: 'activist', governorates: ['IQ-BG'] });
    const stranger = await contact({ kind: 'activist', governorates: ['IQ-BG'] });
    await created(t, `/api/events/${e.id}/invitations`, { contactIds: [facilitator.id], role: 'facilitator' });
    const bad = await t.request('staff', {
      method: 'POST',
      url: `/api/events/${e.id}/groups`,
      payload: { name: 'الدروس المستفادة', facilitatorId: stranger.id },
    });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(bad)).toEqual(['facilitatorId']);
    const g = await created(t, `/api/events/${e.id}/groups`, { name: 'الدروس المستفادة', facilitatorId: facilitator.id, size: 15 });
    expect(g).toMatchObject({
      name: 'الدروس المستفادة',
      facilitator: { id: facilitator.id, name: facilitator.name },
      size: 15,
      memberCount: 0,
      version: 1,
    });
    const renamed = await t.request('staff', {
      method: 'PATCH',
      url: `/api/events/${e.id}/groups/${g.id}`,
      payload: { version: 1, name: 'التحديات' },
    });
    expect(renamed.json()).toMatchObject({ name: 'التحديات', version: 2 });
    expectProblem(
      await t.request('staff', { method: 'PATCH', url: `/api/events/${e.id}/groups/${g.id}`, payload: { version: 1, name: 'x' } }),
      409,
      'CONFLICT',
    );
    expectProblem(
      await t.request('viewer', { method: 'POST', url: `/api/events/${e.id}/groups`, payload: { name: 'x' } }),
      403,
      'FORBIDDEN',
    );
    expect((await t.request('staff', { method: 'DELETE', url: `/api/events/${e.id}/groups/${g.id}?version=2` })).statusCode).toBe(204);
    expect((await t.request('viewer', { method: 'GET', url: `/api/events/${e.id}/groups` })).json().items).toEqual([]);
  });

  it('refuses to split without groups', async () => {
    const e = await event();
    expectProblem(await split(e.id), 409, 'NO_GROUPS');
  });

  it('splits confirmed participants evenly, colleagues apart, others left out; a person can then be moved by hand', async () => {
    const random = prng(42);
    for (let run = 0; run < 3; run++) {
      const e = await event();
      const groupCount = 3 + run;
      const groups = [];
      for (let g = 0; g < groupCount; g++) groups.push(await created(t, `/api/events/${e.id}/groups`, { name: `مجموعة ${g + 1}` }));
      const orgSizes = Array.from({ length: 4 + run }, () => 1 + Math.floor(random() * groupCount));
      const people = await confirmedList(e.id, orgSizes, random);
      const speaker = await contact({ kind: 'activist', governorates: ['IQ-BG'] });
      await created(t, `/api/events/${e.id}/invitations`, { contactIds: [speaker.id], role: 'speaker', status: 'invited' });

      const res = await split(e.id);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ assigned: people.length, unassigned: 0 });
      const sizes = body.groups.map((g: Json) => g.memberCount);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      for (const g of body.groups) {
        expect(Object.values(g.mix.kind as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(g.memberCount);
      }
      const list = (await t.request('staff', { method: 'GET', url: `/api/events/${e.id}/invitations` })).json().items as Json[];
      const orgOf = new Map(people.map((p) => [p.id, p.org]));
      const seen = new Set<string>();
      for (const inv of list) {
        if (inv.contact.id === speaker.id) {
          expect(inv.groupId).toBeNull();
          continue;
        }
        const key = `${inv.groupId}|${orgOf.get(inv.contact.id)}`;
        expect(seen.has(key), `two colleagues in one group (run ${run})`).toBe(false);
        seen.add(key);
      }
      const moved = list.find((i) => i.contact.id !== speaker.id)!;
      const target = groups.find((g) => g.id !== moved.groupId)!;
      const res2 = await t.request('staff', {
        method: 'PATCH',
        url: `/api/events/${e.id}/invitations/${moved.id}`,
        payload: { version: moved.version, groupId: target.id },
      });
      expect(res2.json().groupId).toBe(target.id);
    }
  });

  it('respects group sizes as caps', async () => {
    const e = await event();
    await created(t, `/api/events/${e.id}/groups`, { name: 'أ', size: 2 });
    await created(t, `/api/events/${e.id}/groups`, { name: 'ب', size: 3 });
    await confirmedList(e.id, [1, 1, 1, 1, 1, 1, 1], prng(3));
    const body = (await split(e.id)).json();
    expect(body).toMatchObject({ assigned: 5, unassigned: 2 });
    expect(body.groups.map((g: Json) => g.memberCount)).toEqual([2, 3]);
    expect((await t.request('staff', { method: 'GET', url: `/api/events/${e.id}/groups` })).json().unassigned).toBe(2);
  });
});
