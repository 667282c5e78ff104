import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, type Json } from '../helpers/api-requests.js';

/**
 * Issue 14, item 5: "colleagues apart" covers volunteer teams. Members of one team (member_of relationships) and
 * the representative of an organisation count as colleagues just as position holders do, and an organisation or
 * team invited with nobody representing it is never put in a group.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let counter = 0;
const contact = (body: Json) => created(t, '/api/contacts', { name: `جهة ${++counter}`, ...body });
const activist = () => contact({ kind: 'activist', governorates: ['IQ-BG'] });

async function eventWithGroups(count: number) {
  const e = await created(t, '/api/events', {
    title: 'الجلسة الختامية',
    type: 'closing_session',
    startsAt: '2026-06-10T09:00:00.000Z',
    endsAt: '2026-06-10T15:00:00.000Z',
  });
  for (let g = 0; g < count; g++) await created(t, `/api/events/${e.id}/groups`, { name: `مجموعة ${g + 1}` });
  return e;
}

/** Adds the items, invites and confirms them all as participants. */
async function confirm(eventId: string, items: Json[]) {
  const added = await created(t, `/api/events/${eventId}/invitations`, { items, status: 'invited' });
  const res = await t.request('staff', {
    method: 'POST',
    url: `/api/events/${eventId}/invitations/bulk`,
    payload: { invitationIds: added.added.map((i: Json) => i.id), status: 'confirmed' },
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function split(eventId: string) {
  const res = await t.request('staff', { method: 'POST', url: `/api/events/${eventId}/groups/auto-split`, payload: { mode: 'confirmed' } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/**
 * The team itself on the list with nobody representing it: a walk-in (the invitation form asks who represents an
 * organisation or team, the door does not). The event is in June, so the check-in day is confirmed.
 */
async function teamWalksIn(eventId: string, teamId: string) {
  const res = await t.request('staff', {
    method: 'POST',
    url: `/api/events/${eventId}/walk-ins?confirmOutsideEventDays=true`,
    payload: { contactId: teamId },
  });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json()).toMatchObject({ representative: null, status: 'attended', role: 'participant' });
}

/** attendee id -> group id */
async function groupOfAttendee(eventId: string): Promise<Map<string, string | null>> {
  const items = (await t.request('staff', { method: 'GET', url: `/api/events/${eventId}/invitations` })).json().items as Json[];
  return new Map(items.map((i) => [i.representative?.id ?? i.contact.id, i.groupId]));
}

describe('auto-split and teams', () => {
  it('spreads the members of one volunteer team over the groups, and never seats the team contact itself', async () => {
    const e = await eventWithGroups(4);
    const team = await contact({ kind: 'volunteer_team', governorates: ['IQ-BG'] });
    const members = [];
    for (let i = 0; i < 4; i++) {
      const m = await activist();
      await created(t, '/api/relationships', { type: 'member_of', fromContactId: m.id, toContactId: team.id });
      members.push(m);
    }
    const others = [];
    for (let i = 0; i < 4; i++) others.push(await activist());
    await confirm(
      e.id,
      [...members, ...others].map((c) => ({ contactId: c.id })),
    );
    await teamWalksIn(e.id, team.id);

    const body = await split(e.id);
    expect(body).toMatchObject({ assigned: 8, unassigned: 0 });
    expect(body.groups.map((g: Json) => g.memberCount)).toEqual([2, 2, 2, 2]);
    const groupOf = await groupOfAttendee(e.id);
    expect(groupOf.get(team.id)).toBeNull();
    const teamGroups = members.map((m) => groupOf.get(m.id));
    expect(new Set(teamGroups).size, 'two members of the team share a group').toBe(4);
    // The unplaceable team is not counted as waiting for a group either.
    expect((await t.request('staff', { method: 'GET', url: `/api/events/${e.id}/groups` })).json().unassigned).toBe(0);
  });

  it('takes the team contact out of a group an earlier split or a hand move put it in', async () => {
    const e = await eventWithGroups(2);
    const team = await contact({ kind: 'volunteer_team', governorates: ['IQ-BG'] });
    const a = await activist();
    await confirm(e.id, [{ contactId: a.id }]);
    await teamWalksIn(e.id, team.id);
    const groups = (await t.request('staff', { method: 'GET', url: `/api/events/${e.id}/groups` })).json().items as Json[];
    const inv = ((await t.request('staff', { method: 'GET', url: `/api/events/${e.id}/invitations` })).json().items as Json[]).find(
      (i) => i.contact.id === team.id,
    )!;
    const moved = await t.request('staff', {
      method: 'PATCH',
      url: `/api/events/${e.id}/invitations/${inv.id}`,
      payload: { version: inv.version, groupId: groups[0].id },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await split(e.id)).toMatchObject({ assigned: 1, unassigned: 0 });
    expect((await groupOfAttendee(e.id)).get(team.id)).toBeNull();
  });

  it('keeps a representative apart from the position holders and team members of what they represent', async () => {
    const e = await eventWithGroups(3);
    const ngo = await contact({ kind: 'organization', subtype: 'local_ngo', governorates: ['IQ-BG'] });
    const rep = await activist();
    const staffer = await activist();
    const member = await activist();
    await created(t, '/api/positions', { personId: staffer.id, organizationId: ngo.id, title: 'منسق' });
    await created(t, '/api/relationships', { type: 'member_of', fromContactId: member.id, toContactId: ngo.id });
    // A membership that ended does not make colleagues.
    const former = await activist();
    await created(t, '/api/relationships', {
      type: 'member_of',
      fromContactId: former.id,
      toContactId: ngo.id,
      startDate: '2020-01-01',
      endDate: '2021-01-01',
    });
    const free = [await activist(), await activist()];
    await confirm(e.id, [
      { contactId: ngo.id, representativeId: rep.id },
      { contactId: staffer.id },
      { contactId: member.id },
      { contactId: former.id },
      ...free.map((c) => ({ contactId: c.id })),
    ]);
    await split(e.id);
    const groupOf = await groupOfAttendee(e.id);
    const ngoGroups = [rep, staffer, member].map((p) => groupOf.get(p.id));
    expect(ngoGroups.every((g) => g !== null)).toBe(true);
    expect(new Set(ngoGroups).size, 'two people of the NGO share a group').toBe(3);
  });
});
