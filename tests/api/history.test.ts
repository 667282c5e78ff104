import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, type Json } from '../helpers/api-requests.js';

/**
 * Change history per record (issue 12, item 1): each change with who, when, and the old and new value of every field,
 * written with the change; restricted details and contacts outside the caller's governorates stay hidden.
 */
let t: TestApp;
let basraToken: string;
beforeAll(async () => {
  t = await createTestApp();
  basraToken = (await t.addUser('coordinator', ['IQ-BA'])).token;
});
afterAll(() => t.close());

const history = async (url: string, as: 'admin' | 'coordinator' | 'staff' | 'viewer' = 'staff') => {
  const res = await t.request(as, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Json[]; nextBefore: string | null };
};
const fieldOf = (entry: Json, field: string) => (entry.fields as Json[]).find((f) => f.field === field);
const patch = (url: string, payload: Json, as: 'staff' | 'admin' = 'staff') => t.request(as, { method: 'PATCH', url, payload });

describe('change history', () => {
  it('shows a contact created and changed: who, when, each field old → new, newest first', async () => {
    const c = await created(t, '/api/contacts', {
      kind: 'activist',
      name: 'سجل التغييرات',
      governorates: ['IQ-BG'],
      phones: ['07701110001'],
    });
    const res = await patch(`/api/contacts/${c.id}`, { version: c.version, phones: ['07701110002'], tags: ['شباب'] });
    expect(res.statusCode, res.body).toBe(200);

    const { items } = await history(`/api/contacts/${c.id}/history`, 'viewer');
    expect(items.map((e) => e.action)).toEqual(['update', 'create']);
    const [update, create] = items;
    expect(update).toMatchObject({ user: { name: expect.any(String) }, entity: { type: 'contact', id: c.id } });
    expect(fieldOf(update, 'phones')).toEqual({ field: 'phones', old: ['+9647701110001'], new: ['+9647701110002'], hidden: false });
    expect(fieldOf(update, 'tags')).toMatchObject({ old: [], new: ['شباب'] });
    expect(fieldOf(update, 'name')).toBeUndefined();
    expect(fieldOf(create, 'name')).toMatchObject({ old: null, new: 'سجل التغييرات' });
    expect(fieldOf(create, 'governorates')).toMatchObject({ new: ['IQ-BG'] });
    expect(Date.parse(update.at)).toBeGreaterThanOrEqual(Date.parse(create.at));
  });

  it("hides a restricted contact's phones and notes from roles that may not see them, and shows them to a coordinator", async () => {
    const c = await created(
      t,
      '/api/contacts',
      {
        kind: 'activist',
        name: 'ناشطة محمية',
        governorates: ['IQ-BG'],
        phones: ['07701110003'],
        notes: 'تهديد سابق',
        sensitivity: 'restricted',
      },
      'admin',
    );
    expect(
      (
        await patch(
          `/api/contacts/${c.id}`,
          { version: c.version, phones: ['07701110004'], notes: 'انتقلت', name: 'ناشطة محمية جداً' },
          'admin',
        )
      ).statusCode,
    ).toBe(200);

    const [staffView] = (await history(`/api/contacts/${c.id}/history`, 'staff')).items;
    expect(fieldOf(staffView, 'phones')).toEqual({ field: 'phones', old: null, new: null, hidden: true });
    expect(fieldOf(staffView, 'notes')).toEqual({ field: 'notes', old: null, new: null, hidden: true });
    expect(fieldOf(staffView, 'name')).toMatchObject({ old: 'ناشطة محمية', new: 'ناشطة محمية جداً', hidden: false });
    const staffBody = JSON.stringify(await history(`/api/contacts/${c.id}/history`, 'staff'));
    for (const secret of ['7701110003', '7701110004', 'تهديد', 'انتقلت']) expect(staffBody).not.toContain(secret);

    const [coordinatorView] = (await history(`/api/contacts/${c.id}/history`, 'coordinator')).items;
    expect(fieldOf(coordinatorView, 'phones')).toMatchObject({ old: ['+9647701110003'], new: ['+9647701110004'], hidden: false });
  });

  it("puts a position's title change on the person's and the organisation's history, with the position named", async () => {
    const person = await created(t, '/api/contacts', { kind: 'government_focal_point', name: 'علي حسن', governorates: ['IQ-BG'] });
    const office = await created(t, '/api/contacts', {
      kind: 'organization',
      subtype: 'government_body',
      name: 'دائرة الشباب',
      governorates: ['IQ-BG'],
    });
    const position = await created(t, '/api/positions', { personId: person.id, organizationId: office.id, title: 'مدير' });
    expect((await patch(`/api/positions/${position.id}`, { version: position.version, title: 'معاون مدير' })).statusCode).toBe(200);

    for (const id of [person.id, office.id]) {
      const [entry] = (await history(`/api/contacts/${id}/history`)).items;
      expect(entry).toMatchObject({
        action: 'update',
        entity: { type: 'position', id: position.id, label: 'معاون مدير — علي حسن · دائرة الشباب' },
      });
      expect(fieldOf(entry, 'title')).toMatchObject({ old: 'مدير', new: 'معاون مدير' });
    }
    const createEntry = (await history(`/api/contacts/${person.id}/history`)).items.find(
      (e) => e.entity.type === 'position' && e.action === 'create',
    )!;
    expect(fieldOf(createEntry, 'organization_id')).toMatchObject({ new: 'دائرة الشباب', hidden: false });
  });

  it("names interaction participants, and hides one outside the caller's governorates", async () => {
    const here = await created(t, '/api/contacts', { kind: 'activist', name: 'مشاركة بغداد', governorates: ['IQ-BG', 'IQ-BA'] }, 'admin');
    const there = await created(t, '/api/contacts', { kind: 'activist', name: 'مشارك الموصل', governorates: ['IQ-NI'] }, 'admin');
    const i = await created(
      t,
      '/api/interactions',
      { kind: 'meeting', occurredOn: '2026-11-01', summary: 'لقاء تنسيقي', contactIds: [here.id] },
      'admin',
    );
    expect(
      (
        await patch(
          `/api/interactions/${i.id}`,
          { version: i.version, contactIds: [here.id, there.id], summary: 'لقاء تنسيقي موسّع' },
          'admin',
        )
      ).statusCode,
    ).toBe(200);

    const [admin] = (await history(`/api/contacts/${here.id}/history`, 'admin')).items;
    expect(fieldOf(admin, 'participants')).toMatchObject({
      old: ['مشاركة بغداد'],
      new: expect.arrayContaining(['مشاركة بغداد', 'مشارك الموصل']),
    });
    const scoped = await t.app.inject({
      method: 'GET',
      url: `/api/contacts/${here.id}/history`,
      headers: { authorization: `Bearer ${basraToken}` },
    });
    expect(scoped.statusCode).toBe(200);
    const [basra] = scoped.json().items as Json[];
    expect(fieldOf(basra, 'participants')).toEqual({ field: 'participants', old: null, new: null, hidden: true });
    expect(fieldOf(basra, 'summary')).toMatchObject({ new: 'لقاء تنسيقي موسّع' });
    expect(scoped.body).not.toContain('مشارك الموصل');
  });

  it('writes nothing for a change that fails (a stale version): history and change commit together', async () => {
    const c = await created(t, '/api/contacts', { kind: 'activist', name: 'نسخة قديمة', governorates: ['IQ-BG'] });
    expect((await patch(`/api/contacts/${c.id}`, { version: c.version, name: 'نسخة جديدة' })).statusCode).toBe(200);
    expectProblem(await patch(`/api/contacts/${c.id}`, { version: c.version, name: 'نسخة ثالثة' }), 409, 'CONFLICT');
    const { items } = await history(`/api/contacts/${c.id}/history`);
    expect(items).toHaveLength(2);
    expect(JSON.stringify(items)).not.toContain('نسخة ثالثة');
  });

  it('pages newest first with nextBefore', async () => {
    let c = await created(t, '/api/contacts', { kind: 'activist', name: 'صفحة 0', governorates: ['IQ-BG'] });
    for (let n = 1; n <= 4; n++) c = (await patch(`/api/contacts/${c.id}`, { version: c.version, name: `صفحة ${n}` })).json();
    const first = await history(`/api/contacts/${c.id}/history?limit=2`);
    expect(first.items.map((e) => fieldOf(e, 'name')!.new)).toEqual(['صفحة 4', 'صفحة 3']);
    const second = await history(`/api/contacts/${c.id}/history?limit=2&before=${first.nextBefore}`);
    expect(second.items.map((e) => fieldOf(e, 'name')!.new)).toEqual(['صفحة 2', 'صفحة 1']);
    const last = await history(`/api/contacts/${c.id}/history?limit=2&before=${second.nextBefore}`);
    expect(last.items.map((e) => e.action)).toEqual(['create']);
    expect(last.nextBefore).toBeNull();
  });

  it("shows an event's changes and its invitations' status moves, only for invitees in the caller's governorates", async () => {
    const e = await created(
      t,
      '/api/events',
      { title: 'ورشة', type: 'workshop', startsAt: '2031-03-10T06:00:00.000Z', endsAt: '2031-03-10T12:00:00.000Z' },
      'admin',
    );
    expect((await patch(`/api/events/${e.id}`, { version: e.version, title: 'ورشة المشاركة' }, 'admin')).statusCode).toBe(200);
    const baghdad = await created(t, '/api/contacts', { kind: 'activist', name: 'مدعوة بغداد', governorates: ['IQ-BG'] }, 'admin');
    const basra = await created(t, '/api/contacts', { kind: 'activist', name: 'مدعو البصرة', governorates: ['IQ-BA'] }, 'admin');
    const added = await created(t, `/api/events/${e.id}/invitations`, { contactIds: [baghdad.id, basra.id] }, 'admin');
    for (const inv of added.added as Json[]) {
      expect(
        (await patch(`/api/events/${e.id}/invitations/${inv.id}`, { version: inv.version, status: 'invited' }, 'admin')).statusCode,
      ).toBe(200);
    }
    const { items } = await history(`/api/events/${e.id}/history`, 'admin');
    const title = items.find((x) => x.entity.type === 'event' && fieldOf(x, 'title'))!;
    expect(fieldOf(title, 'title')).toMatchObject({ old: 'ورشة', new: 'ورشة المشاركة' });
    const moves = items.filter((x) => x.entity.type === 'invitation' && x.action === 'update');
    expect(moves.map((m) => m.entity.label).sort()).toEqual(['مدعو البصرة', 'مدعوة بغداد']);
    expect(fieldOf(moves[0], 'status')).toMatchObject({ old: 'proposed', new: 'invited' });

    const scoped = await t.app.inject({
      method: 'GET',
      url: `/api/events/${e.id}/history`,
      headers: { authorization: `Bearer ${basraToken}` },
    });
    const labels = (scoped.json().items as Json[]).filter((x) => x.entity.type === 'invitation').map((x) => x.entity.label);
    expect(labels).toEqual(['مدعو البصرة']);
  });

  it('erases the kept values when the contact is purged from the trash, and keeps the audit rows', async () => {
    const c = await created(t, '/api/contacts', { kind: 'activist', name: 'طلب محو', governorates: ['IQ-BG'], phones: ['07701110009'] });
    expect((await patch(`/api/contacts/${c.id}`, { version: c.version, phones: ['07701110010'] })).statusCode).toBe(200);
    expect((await t.request('admin', { method: 'DELETE', url: `/api/contacts/${c.id}?version=${c.version + 1}` })).statusCode).toBe(204);
    const values = () =>
      t.database.db
        .selectFrom('audit_change')
        .innerJoin('audit_log', 'audit_log.id', 'audit_change.audit_id')
        .select('audit_change.changes')
        .where('audit_log.entity_id', '=', c.id)
        .execute();
    expect((await values()).length).toBeGreaterThan(0);
    const [item] = (await t.request('admin', { method: 'GET', url: `/api/trash?entityId=${c.id}` })).json().items as Json[];
    expect((await t.request('admin', { method: 'POST', url: `/api/trash/${item.id}/purge` })).statusCode).toBe(204);
    expect(await values()).toEqual([]);
    const rows = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', c.id).orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'delete', 'purge']);
  });

  it("answers 404 for an unknown record and for a contact outside the caller's governorates", async () => {
    expectProblem(
      await t.request('staff', { method: 'GET', url: '/api/contacts/00000000-0000-4000-8000-000000000000/history' }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await t.request('staff', { method: 'GET', url: '/api/events/00000000-0000-4000-8000-000000000000/history' }),
      404,
      'NOT_FOUND',
    );
    const mosul = await created(t, '/api/contacts', { kind: 'activist', name: 'بعيد', governorates: ['IQ-NI'] }, 'admin');
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/contacts/${mosul.id}/history`,
      headers: { authorization: `Bearer ${basraToken}` },
    });
    expectProblem(res, 404, 'NOT_FOUND');
    expectProblem(await t.request(null, { method: 'GET', url: `/api/contacts/${mosul.id}/history` }), 401, 'UNAUTHORIZED');
  });
});
