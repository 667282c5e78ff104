import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, type Json } from '../helpers/api-requests.js';

/**
 * The team activity feed (issue 13, item 4): this week in my governorates — new contacts, meetings logged, focal points
 * replaced, events held — newest first, each with who did it and the ids to link to, scoped and paged.
 */

let t: TestApp;
let basrahToken: string;
const ids = {} as Record<string, string>;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  basrahToken = (await t.addUser('staff', ['IQ-BA'])).token;
  const contact = async (key: string, body: Json) => (ids[key] = (await created(t, '/api/contacts', body, 'staff')).id);
  await contact('old', { kind: 'activist', name: 'قديم', governorates: ['IQ-BG'] });
  await t.database.db
    .updateTable('contact')
    .set({ created_at: new Date(Date.now() - 10 * 86_400_000) })
    .where('id', '=', ids.old)
    .execute();
  await contact('office', { kind: 'organization', subtype: 'government_body', name: 'دائرة شؤون المرأة', governorates: ['IQ-BA'] });
  await contact('before', { kind: 'government_focal_point', name: 'المديرة السابقة', governorates: ['IQ-BA'] });
  await contact('after', { kind: 'government_focal_point', name: 'المدير الجديد', governorates: ['IQ-BA'] });
  await contact('baghdad', { kind: 'activist', name: 'ناشطة بغداد', governorates: ['IQ-BG'] });
  await created(
    t,
    '/api/positions',
    {
      personId: ids.before,
      organizationId: ids.office,
      title: 'مديرة',
      isFocalPoint: true,
      startDate: '2024-01-01',
      endDate: '2026-11-30',
    },
    'coordinator',
  );
  ids.position = (
    await created(
      t,
      '/api/positions',
      { personId: ids.after, organizationId: ids.office, title: 'مدير', isFocalPoint: true, startDate: '2026-12-01' },
      'coordinator',
    )
  ).id;
  ids.meeting = (
    await created(
      t,
      '/api/interactions',
      { kind: 'meeting', occurredOn: '2026-12-01', summary: 'اجتماع', contactIds: [ids.baghdad] },
      'admin',
    )
  ).id;
  ids.held = (
    await created(
      t,
      '/api/events',
      { title: 'ورشة البصرة', type: 'workshop', startsAt: hoursAgo(30), endsAt: hoursAgo(26), governorate: 'IQ-BA' },
      'staff',
    )
  ).id;
  ids.coming = (
    await created(
      t,
      '/api/events',
      {
        title: 'ورشة قادمة',
        type: 'workshop',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 90_000_000).toISOString(),
        governorate: 'IQ-BA',
      },
      'staff',
    )
  ).id;
});
afterAll(() => t.close());

const feed = async (query = '', token?: string) => {
  const res = token
    ? await t.app.inject({ method: 'GET', url: `/api/activity${query}`, headers: { authorization: `Bearer ${token}` } })
    : await t.request('viewer', { method: 'GET', url: `/api/activity${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Json;
};

describe('activity feed', () => {
  it('lists this week: new contacts, meetings logged, a focal point replaced, an event held — not the old nor the coming', async () => {
    const result = await feed();
    const kinds = result.items.map((i: Json) => `${i.kind}:${i.contact?.id ?? i.subject?.id}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        `contact_created:${ids.office}`,
        `contact_created:${ids.baghdad}`,
        `interaction_logged:${ids.baghdad}`,
        `focal_point_replaced:${ids.office}`,
        `event_held:${ids.held}`,
      ]),
    );
    expect(kinds.join()).not.toContain(ids.old);
    expect(kinds.join()).not.toContain(ids.coming);
    expect(result.total).toBe(result.items.length);
    const replaced = result.items.find((i: Json) => i.kind === 'focal_point_replaced');
    expect(replaced).toMatchObject({
      by: { id: t.users.coordinator.id },
      contact: { id: ids.office, name: 'دائرة شؤون المرأة' },
      subject: { id: ids.after, name: 'المدير الجديد' },
      previous: { id: ids.before, name: 'المديرة السابقة' },
    });
    const meeting = result.items.find((i: Json) => i.kind === 'interaction_logged');
    expect(meeting).toMatchObject({ by: { id: t.users.admin.id }, subject: { id: ids.meeting, name: 'meeting' } });
    const held = result.items.find((i: Json) => i.kind === 'event_held');
    expect(held).toMatchObject({ by: { id: t.users.staff.id }, subject: { id: ids.held, name: 'ورشة البصرة' } });
    const times = result.items.map((i: Json) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await feed('?days=30')).items.some((i: Json) => i.contact?.id === ids.old)).toBe(true);
  });

  it('keeps a scoped account to its governorates and pages', async () => {
    const basrah = await feed('', basrahToken);
    const touched = basrah.items.map((i: Json) => i.contact?.id ?? i.subject?.id);
    expect(touched).toContain(ids.office);
    expect(touched).toContain(ids.held);
    expect(touched).not.toContain(ids.baghdad);
    expect(basrah.items.some((i: Json) => i.kind === 'interaction_logged')).toBe(false);
    const first = await feed('?limit=2');
    const second = await feed('?limit=2&offset=2');
    expect(first.items).toHaveLength(2);
    expect(first.total).toBeGreaterThan(3);
    expect(second.items[0]).not.toEqual(first.items[0]);
    expectProblem(await t.request('viewer', { method: 'GET', url: '/api/activity?days=0' }), 400, 'VALIDATION_FAILED');
    expect((await t.app.inject({ method: 'GET', url: '/api/activity' })).statusCode).toBe(401);
  });
});
