import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor, created, expectProblem, fieldsOf, type Json } from '../helpers/api-requests.js';

/**
 * Issue 14, item 6: groups keep the order they were created in (الأولى، الثانية، الثالثة — not alphabetical), and
 * can be reordered: one place up or down, or the whole order at once.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const NAMES = ['المجموعة الأولى', 'المجموعة الثانية', 'المجموعة الثالثة'];

async function eventWithGroups(names = NAMES) {
  const e = await created(t, '/api/events', {
    title: 'الجلسة الختامية',
    type: 'closing_session',
    startsAt: '2026-06-10T09:00:00.000Z',
    endsAt: '2026-06-10T15:00:00.000Z',
  });
  const groups = [];
  for (const name of names) groups.push(await created(t, `/api/events/${e.id}/groups`, { name }));
  return { e, groups };
}

async function names(eventId: string, as: 'staff' | 'viewer' = 'viewer') {
  const res = await t.request(as, { method: 'GET', url: `/api/events/${eventId}/groups` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as Json[]).map((g) => [g.name, g.sortOrder]);
}

const move = (eventId: string, groupId: string, direction: string, as: 'staff' | 'viewer' = 'staff') =>
  t.request(as, { method: 'POST', url: `/api/events/${eventId}/groups/${groupId}/move`, payload: { direction } });

describe('group order', () => {
  it('lists groups in creation order, not by name', async () => {
    const { e, groups } = await eventWithGroups();
    expect(groups.map((g) => g.sortOrder)).toEqual([0, 1, 2]);
    expect(await names(e.id)).toEqual([
      [NAMES[0], 0],
      [NAMES[1], 1],
      [NAMES[2], 2],
    ]);
  });

  it('moves a group up or down one place; at either end nothing changes', async () => {
    const { e, groups } = await eventWithGroups();
    const res = await move(e.id, groups[2].id, 'up');
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json().items as Json[]).map((g) => g.name)).toEqual([NAMES[0], NAMES[2], NAMES[1]]);
    expect((await move(e.id, groups[0].id, 'up')).statusCode).toBe(200);
    expect((await move(e.id, groups[1].id, 'down')).statusCode).toBe(200);
    expect(await names(e.id)).toEqual([
      [NAMES[0], 0],
      [NAMES[2], 1],
      [NAMES[1], 2],
    ]);
    // Order is not content: versions stay, so an open edit form is not made stale by a reorder.
    const after = (await t.request('staff', { method: 'GET', url: `/api/events/${e.id}/groups` })).json().items as Json[];
    expect(after.map((g) => g.version)).toEqual([1, 1, 1]);
    expect((await auditFor(t, groups[2].id)).map((a) => a.action)).toEqual(['create', 'update']);
    expect((await auditFor(t, groups[2].id))[1]).toMatchObject({
      changed_fields: ['sort_order'],
      details: { eventId: e.id, from: 2, to: 1 },
    });
  });

  it('sets the whole order at once, refusing a list that is not exactly the event’s groups', async () => {
    const { e, groups } = await eventWithGroups();
    const [a, b, c] = groups.map((g) => g.id);
    const put = (groupIds: string[], as: 'staff' | 'viewer' = 'staff') =>
      t.request(as, { method: 'PUT', url: `/api/events/${e.id}/groups/order`, payload: { groupIds } });
    const res = await put([c!, a!, b!]);
    expect(res.statusCode, res.body).toBe(200);
    expect(await names(e.id)).toEqual([
      [NAMES[2], 0],
      [NAMES[0], 1],
      [NAMES[1], 2],
    ]);
    const other = await eventWithGroups(['أخرى']);
    for (const bad of [
      [a!, b!],
      [a!, b!, b!],
      [a!, b!, other.groups[0].id],
    ]) {
      const refused = await put(bad);
      expectProblem(refused, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(refused)).toEqual(['groupIds']);
    }
    expectProblem(await put([a!, b!, c!], 'viewer'), 403, 'FORBIDDEN');
    expectProblem(await move(e.id, a, 'down', 'viewer'), 403, 'FORBIDDEN');
    expectProblem(await move(e.id, other.groups[0].id, 'down'), 404, 'NOT_FOUND');
  });

  it('creates a group at a given position and moves one there by PATCH; deleting closes the gap', async () => {
    const { e, groups } = await eventWithGroups();
    const first = await created(t, `/api/events/${e.id}/groups`, { name: 'الافتتاح', sortOrder: 0 });
    expect(first.sortOrder).toBe(0);
    expect((await names(e.id)).map(([n]) => n)).toEqual(['الافتتاح', ...NAMES]);
    const patched = await t.request('staff', {
      method: 'PATCH',
      url: `/api/events/${e.id}/groups/${first.id}`,
      payload: { version: first.version, sortOrder: 99 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().sortOrder).toBe(3);
    expect((await t.request('staff', { method: 'DELETE', url: `/api/events/${e.id}/groups/${groups[0].id}` })).statusCode).toBe(204);
    expect(await names(e.id)).toEqual([
      [NAMES[1], 0],
      [NAMES[2], 1],
      ['الافتتاح', 2],
    ]);
  });

  it('keeps positions unique within an event', async () => {
    const { e, groups } = await eventWithGroups();
    await expect(sql`UPDATE event_group SET sort_order = 0 WHERE id = ${groups[1].id}`.execute(t.database.db)).rejects.toThrow();
    expect((await names(e.id)).map(([, n]) => n)).toEqual([0, 1, 2]);
  });
});
