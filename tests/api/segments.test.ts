import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor, created, expectProblem, fieldsOf, type Json } from '../helpers/api-requests.js';

/** Saved segments: personal or shared, live (re-evaluated with the caller's scope), versioned, audited. */

let t: TestApp;
let scoped: { token: string; id: string };

const asScoped = (options: { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: Json }) =>
  t.app.inject({ ...options, headers: { authorization: `Bearer ${scoped.token}` } });

beforeAll(async () => {
  t = await createTestApp();
  const account = await t.addUser('staff', ['IQ-AN']);
  scoped = { token: account.token, id: account.user.id };
  await created(t, '/api/contacts', { kind: 'activist', name: 'شريحة أنبار أولى', governorates: ['IQ-AN'], tags: ['شريحة', 'شباب'] });
  await created(t, '/api/contacts', { kind: 'activist', name: 'شريحة أنبار ثانية', governorates: ['IQ-AN'], tags: ['شريحة'] });
  await created(t, '/api/contacts', { kind: 'activist', name: 'شريحة بغداد', governorates: ['IQ-BG'], tags: ['شريحة', 'شباب'] });
});
afterAll(() => t.close());

describe('segments', () => {
  it('saves a personal segment with its live count, visible to its owner only', async () => {
    const segment = await created(
      t,
      '/api/segments',
      { name: 'شباب الشريحة', filter: { tags: ['شريحة', 'شباب'], tagsMode: 'all' } },
      'staff',
    );
    expect(segment).toMatchObject({ name: 'شباب الشريحة', shared: false, mine: true, canEdit: true, count: 2, version: 1 });
    expect(segment.owner.id).toBe(t.users.staff.id);
    const others = await t.request('coordinator', { method: 'GET', url: '/api/segments' });
    expect((others.json().items as Json[]).map((s) => s.id)).not.toContain(segment.id);
    expectProblem(await t.request('admin', { method: 'GET', url: `/api/segments/${segment.id}` }), 404, 'NOT_FOUND');
    expectProblem(await t.request('admin', { method: 'GET', url: `/api/contacts?segment=${segment.id}` }), 404, 'NOT_FOUND');

    // Live: a contact added afterwards is in it at once.
    await created(t, '/api/contacts', { kind: 'activist', name: 'شريحة بغداد ثانية', governorates: ['IQ-BG'], tags: ['شباب', 'شريحة'] });
    const mine = await t.request('staff', { method: 'GET', url: '/api/segments' });
    expect((mine.json().items as Json[]).find((s) => s.id === segment.id)!.count).toBe(3);
    const contacts = await t.request('staff', { method: 'GET', url: `/api/contacts?segment=${segment.id}&sort=-name` });
    expect(contacts.json().total).toBe(3);
    // A filter given beside the segment overrides the segment's own field.
    const narrowed = await t.request('staff', { method: 'GET', url: `/api/contacts?segment=${segment.id}&governorate=IQ-AN` });
    expect((narrowed.json().items as Json[]).map((i) => i.name)).toEqual(['شريحة أنبار أولى']);
  });

  it('shares a segment with everyone, each seeing it within their own governorates', async () => {
    const shared = await created(t, '/api/segments', { name: 'كل الشريحة', shared: true, filter: { tags: ['شريحة'] } }, 'coordinator');
    expect(shared.count).toBe(4);
    const viewer = await t.request('viewer', { method: 'GET', url: `/api/segments/${shared.id}` });
    expect(viewer.json()).toMatchObject({ count: 4, mine: false, canEdit: false });
    const fromAnbar = await asScoped({ method: 'GET', url: `/api/segments/${shared.id}` });
    expect(fromAnbar.json().count).toBe(2);
    const listed = await asScoped({ method: 'GET', url: `/api/contacts?segment=${shared.id}` });
    expect((listed.json().items as Json[]).map((i) => i.name).sort()).toEqual(['شريحة أنبار أولى', 'شريحة أنبار ثانية']);
  });

  it('lets only the owner or an administrator change or delete a shared segment', async () => {
    const shared = await created(t, '/api/segments', { name: 'مشتركة', shared: true, filter: { kind: 'activist' } }, 'staff');
    const byOther = await t.request('coordinator', {
      method: 'PATCH',
      url: `/api/segments/${shared.id}`,
      payload: { version: 1, name: 'غيرها' },
    });
    expectProblem(byOther, 403, 'FORBIDDEN');
    expectProblem(await t.request('coordinator', { method: 'DELETE', url: `/api/segments/${shared.id}` }), 403, 'FORBIDDEN');
    const byAdmin = await t.request('admin', {
      method: 'PATCH',
      url: `/api/segments/${shared.id}`,
      payload: { version: 1, name: 'مشتركة معدلة' },
    });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect(byAdmin.json()).toMatchObject({ name: 'مشتركة معدلة', version: 2, canEdit: true });
    expect((await t.request('admin', { method: 'DELETE', url: `/api/segments/${shared.id}?version=2` })).statusCode).toBe(204);
    expectProblem(await t.request('staff', { method: 'GET', url: `/api/segments/${shared.id}` }), 404, 'NOT_FOUND');
  });

  it('keeps viewers to personal segments', async () => {
    expectProblem(
      await t.request('viewer', { method: 'POST', url: '/api/segments', payload: { name: 'عرض', shared: true, filter: {} } }),
      403,
      'FORBIDDEN',
    );
    await created(t, '/api/segments', { name: 'عرض شخصي', filter: { kind: 'activist' } }, 'viewer');
  });

  it('refuses a filter the contacts list would refuse: 400 naming the field, nothing saved', async () => {
    const before = (await t.request('staff', { method: 'GET', url: '/api/segments' })).json().items.length;
    for (const [filter, field] of [
      [{ kind: 'astronaut' }, 'filter.kind'],
      [{ sort: 'name' }, 'filter'],
      [{ governorate: ['IQ-XX'] }, 'filter.governorate'],
    ] as const) {
      const res = await t.request('staff', { method: 'POST', url: '/api/segments', payload: { name: 'خطأ', filter } });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(
        fieldsOf(res).some((f) => f.startsWith(field)),
        JSON.stringify(res.json()),
      ).toBe(true);
    }
    const reversed = await t.request('staff', {
      method: 'POST',
      url: '/api/segments',
      payload: { name: 'خطأ', filter: { createdFrom: '2026-05-01', createdTo: '2026-01-01' } },
    });
    expectProblem(reversed, 400, 'VALIDATION_FAILED');
    expect((await t.request('staff', { method: 'GET', url: '/api/segments' })).json().items).toHaveLength(before);
  });

  it('refuses a stale version with 409 and leaves the segment as it was', async () => {
    const segment = await created(t, '/api/segments', { name: 'نسخة', filter: { kind: 'activist' } }, 'staff');
    const first = await t.request('staff', {
      method: 'PATCH',
      url: `/api/segments/${segment.id}`,
      payload: { version: 1, filter: { tags: ['شباب'] } },
    });
    expect(first.statusCode).toBe(200);
    const stale = await t.request('staff', { method: 'PATCH', url: `/api/segments/${segment.id}`, payload: { version: 1, name: 'قديمة' } });
    expectProblem(stale, 409, 'CONFLICT');
    expectProblem(await t.request('staff', { method: 'DELETE', url: `/api/segments/${segment.id}?version=1` }), 409, 'CONFLICT');
    const now = (await t.request('staff', { method: 'GET', url: `/api/segments/${segment.id}` })).json();
    expect(now).toMatchObject({ name: 'نسخة', version: 2, filter: { tags: ['شباب'] } });
  });

  it('audits creation, change and deletion, naming the changed fields', async () => {
    const segment = await created(t, '/api/segments', { name: 'مدققة', filter: { kind: 'activist' } }, 'staff');
    await t.request('staff', { method: 'PATCH', url: `/api/segments/${segment.id}`, payload: { version: 1, name: 'مدققة ثانية' } });
    await t.request('staff', { method: 'DELETE', url: `/api/segments/${segment.id}` });
    const audit = await auditFor(t, segment.id);
    expect(audit.map((a) => [a.action, a.entity_type, a.user_id])).toEqual([
      ['create', 'segment', t.users.staff.id],
      ['update', 'segment', t.users.staff.id],
      ['delete', 'segment', t.users.staff.id],
    ]);
    expect(audit[1].changed_fields).toEqual(['name']);
  });
});
