import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor, created, expectProblem, fieldsOf, type Json } from '../helpers/api-requests.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const closing = {
  title: 'الجلسة الختامية لبرنامج تعزيز الديمقراطية',
  type: 'closing_session',
  startsAt: '2026-06-10T09:00:00.000Z',
  endsAt: '2026-06-10T15:00:00.000Z',
  governorate: 'IQ-BG',
  venue: 'فندق بغداد',
  capacity: 50,
  quotas: [
    { dimension: 'governorate', value: 'IQ-BG', minCount: 20, maxCount: 20 },
    { dimension: 'governorate', value: 'IQ-AN', minCount: 10, maxCount: 10 },
    { dimension: 'kind', value: 'government_focal_point', minCount: 8 },
    { dimension: 'gender', value: 'female', minShare: 0.4 },
  ],
};

const person = (name: string, governorates: string[], extra: Json = {}) =>
  created(t, '/api/contacts', { kind: 'activist', name, governorates, ...extra });

describe('events', () => {
  it('creates an event with its quotas, all short at first, audited', async () => {
    const e = await created(t, '/api/events', closing);
    expect(e).toMatchObject({
      title: closing.title,
      type: 'closing_session',
      governorate: 'IQ-BG',
      capacity: 50,
      version: 1,
      counts: { proposed: 0, invited: 0, no_show: 0 },
      capacityStatus: { capacity: 50, active: 0, remaining: 50, exceeded: false },
    });
    expect(e.quotas).toHaveLength(4);
    expect(e.quotaStatus.map((q: Json) => [q.value, q.state, q.missing])).toEqual([
      ['IQ-AN', 'short', 10],
      ['IQ-BG', 'short', 20],
      ['government_focal_point', 'short', 8],
      ['female', 'short', 1],
    ]);
    expect(await auditFor(t, e.id)).toMatchObject([{ action: 'create', entity_type: 'event' }]);
  });

  it('refuses invalid quotas and dates with the failing fields', async () => {
    const res = await t.request('staff', {
      method: 'POST',
      url: '/api/events',
      payload: {
        ...closing,
        endsAt: '2026-06-09T09:00:00.000Z',
        quotas: [
          { dimension: 'governorate', value: 'IQ-XX', minCount: 1 },
          { dimension: 'kind', value: 'activist' },
          { dimension: 'gender', value: 'female', minCount: 5, maxCount: 2 },
          { dimension: 'gender', value: 'female', minShare: 0.5 },
        ],
      },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res).sort()).toEqual(['endsAt', 'quotas.0.value', 'quotas.1', 'quotas.2.maxCount', 'quotas.3.value'].sort());
    const share = await t.request('staff', {
      method: 'POST',
      url: '/api/events',
      payload: { ...closing, quotas: [{ dimension: 'gender', value: 'female', minShare: 1.5 }] },
    });
    expectProblem(share, 400, 'VALIDATION_FAILED');
    expect(await t.database.db.selectFrom('event').select('id').where('title', '=', 'x').execute()).toEqual([]);
  });

  it('shows quota status met, short and over as the list changes', async () => {
    const e = await created(t, '/api/events', {
      ...closing,
      capacity: null,
      quotas: [
        { dimension: 'governorate', value: 'IQ-NA', minCount: 2, maxCount: 2 },
        { dimension: 'gender', value: 'female', minShare: 0.5 },
        { dimension: 'kind', value: 'activist', maxCount: 3 },
      ],
    });
    const women = [
      await person('زينب النجفية', ['IQ-NA'], { gender: 'female' }),
      await person('مريم علي', ['IQ-NA'], { gender: 'female' }),
    ];
    const men = [await person('علي حسين', ['IQ-NA'], { gender: 'male' }), await person('حسن كريم', ['IQ-BG'], { gender: 'male' })];
    await created(t, `/api/events/${e.id}/invitations`, { contactIds: [women[0].id, men[0].id] });
    let detail = (await t.request('viewer', { method: 'GET', url: `/api/events/${e.id}` })).json();
    expect(detail.quotaStatus.map((q: Json) => [q.value, q.count, q.state])).toEqual([
      ['IQ-NA', 2, 'met'],
      ['activist', 2, 'met'],
      ['female', 1, 'met'],
    ]);
    await created(t, `/api/events/${e.id}/invitations`, { contactIds: [women[1].id, men[1].id], allowOverQuota: true });
    detail = (await t.request('viewer', { method: 'GET', url: `/api/events/${e.id}` })).json();
    expect(detail.quotaStatus.map((q: Json) => [q.value, q.count, q.state])).toEqual([
      ['IQ-NA', 3, 'over'],
      ['activist', 4, 'over'],
      ['female', 2, 'met'],
    ]);
    // Declined people leave the active list: counts and shares follow.
    const list = (await t.request('staff', { method: 'GET', url: `/api/events/${e.id}/invitations` })).json();
    const womanInvite = list.items.find((i: Json) => i.contact.id === women[1].id);
    const ids = list.items.map((i: Json) => i.id);
    await t.request('staff', {
      method: 'POST',
      url: `/api/events/${e.id}/invitations/bulk`,
      payload: { invitationIds: ids, status: 'invited' },
    });
    const declined = await t.request('staff', {
      method: 'PATCH',
      url: `/api/events/${e.id}/invitations/${womanInvite.id}`,
      payload: { version: womanInvite.version + 1, status: 'declined' },
    });
    expect(declined.statusCode, declined.body).toBe(200);
    detail = (await t.request('viewer', { method: 'GET', url: `/api/events/${e.id}` })).json();
    expect(detail.quotaStatus.map((q: Json) => [q.value, q.count, q.activeTotal, q.state, q.missing])).toEqual([
      ['IQ-NA', 2, 3, 'met', 0],
      ['activist', 3, 3, 'met', 0],
      ['female', 1, 3, 'short', 1],
    ]);
  });

  it('updates with a version, replaces quotas as a whole, and refuses a stale version', async () => {
    const e = await created(t, '/api/events', closing);
    const res = await t.request('staff', {
      method: 'PATCH',
      url: `/api/events/${e.id}`,
      payload: { version: 1, title: 'ورشة', capacity: null, quotas: [{ dimension: 'kind', value: 'organization', minCount: 3 }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      title: 'ورشة',
      capacity: null,
      version: 2,
      quotas: [{ dimension: 'kind', value: 'organization', minCount: 3, maxCount: null, minShare: null }],
    });
    const stale = await t.request('staff', { method: 'PATCH', url: `/api/events/${e.id}`, payload: { version: 1, title: 'x' } });
    expectProblem(stale, 409, 'CONFLICT');
    expect((await t.request('staff', { method: 'GET', url: `/api/events/${e.id}` })).json().title).toBe('ورشة');
  });

  it('lists with filters and status counts', async () => {
    const w = await created(t, '/api/events', {
      ...closing,
      title: 'Workshop on local councils',
      type: 'workshop',
      governorate: 'IQ-BB',
      startsAt: '2025-02-01T08:00:00.000Z',
      endsAt: '2025-02-01T12:00:00.000Z',
      quotas: [],
    });
    const p = await person('سجاد بابل', ['IQ-BB']);
    await created(t, `/api/events/${w.id}/invitations`, { contactIds: [p.id], status: 'invited' });
    const res = await t.request('viewer', {
      method: 'GET',
      url: '/api/events?type=workshop&governorate=IQ-BB&from=2025-02-01&to=2025-02-01&q=LOCAL',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, items: [{ id: w.id, total: 1, counts: { invited: 1, proposed: 0 } }] });
    const none = await t.request('viewer', { method: 'GET', url: '/api/events?from=2025-02-02&type=workshop&governorate=IQ-BB' });
    expect(none.json().total).toBe(0);
  });

  it('lets viewers read but not write, and only coordinators and admins delete', async () => {
    const e = await created(t, '/api/events', closing);
    expectProblem(await t.request('viewer', { method: 'POST', url: '/api/events', payload: closing }), 403, 'FORBIDDEN');
    expectProblem(
      await t.request('viewer', { method: 'PATCH', url: `/api/events/${e.id}`, payload: { version: 1, title: 'x' } }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await t.request('staff', { method: 'DELETE', url: `/api/events/${e.id}` }), 403, 'FORBIDDEN');
    expectProblem(await t.request('coordinator', { method: 'DELETE', url: `/api/events/${e.id}?version=9` }), 409, 'CONFLICT');
    expect((await t.request('coordinator', { method: 'DELETE', url: `/api/events/${e.id}?version=1` })).statusCode).toBe(204);
    expectProblem(await t.request('viewer', { method: 'GET', url: `/api/events/${e.id}` }), 404, 'NOT_FOUND');
    expect((await auditFor(t, e.id)).map((a) => a.action)).toEqual(['create', 'delete']);
    expectProblem(await t.request(null, { method: 'GET', url: '/api/events' }), 401, 'UNAUTHORIZED');
  });

  it('summarises replies and attendance by governorate and kind', async () => {
    const e = await created(t, '/api/events', { ...closing, quotas: [] });
    const people = await Promise.all(
      ['أ', 'ب', 'ج', 'د', 'ه'].map((n, i) => person(`مشارك ${n}`, [i < 3 ? 'IQ-BG' : 'IQ-AN'], { gender: i % 2 ? 'male' : 'female' })),
    );
    const add = await created(t, `/api/events/${e.id}/invitations`, { contactIds: people.map((p) => p.id), status: 'invited' });
    const byContact = new Map(add.added.map((i: Json) => [i.contact.id, i.id]));
    const [a, b, c, d] = people.map((p) => byContact.get(p.id) as string);
    const bulk = (ids: string[], status: string) =>
      t.request('staff', {
        method: 'POST',
        url: `/api/events/${e.id}/invitations/bulk?confirmOutsideEventDays=true`,
        payload: { invitationIds: ids, status },
      });
    expect((await bulk([a, b, c], 'confirmed')).statusCode).toBe(200);
    expect((await bulk([d], 'declined')).statusCode).toBe(200);
    expect((await bulk([a, b], 'attended')).statusCode).toBe(200);
    expect((await bulk([c], 'no_show')).statusCode).toBe(200);
    const s = (await t.request('viewer', { method: 'GET', url: `/api/events/${e.id}/summary` })).json();
    expect(s.replies).toEqual({
      invited: 5,
      confirmed: 0,
      declined: 1,
      noReply: 1,
      attended: 2,
      noShow: 1,
      proposed: 0,
      cancelled: 0,
      viaLink: 0,
    });
    const byGov = Object.fromEntries(s.byGovernorate.map((r: Json) => [r.value, r]));
    expect(byGov['IQ-BG']).toMatchObject({ attended: 2, noShow: 1, active: 2 });
    expect(byGov['IQ-AN']).toMatchObject({ attended: 0, active: 1 });
    expect(s.byKind).toEqual([{ value: 'activist', active: 3, confirmed: 0, attended: 2, noShow: 1 }]);
  });
});
