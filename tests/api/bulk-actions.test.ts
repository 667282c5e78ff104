import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/src/domain/roles.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, type Json } from '../helpers/api-requests.js';

/**
 * Bulk actions (issue 13, item 3): one action on a selection of contacts, all or nothing, audited as one entry, with
 * the same scope and role rules as one contact's edit.
 */

let t: TestApp;
let basraToken: string;
beforeAll(async () => {
  t = await createTestApp();
  basraToken = (await t.addUser('staff', ['IQ-BA'])).token;
});
afterAll(() => t.close());

let counter = 0;
const person = async (extra: Json = {}) =>
  (await created(
    t,
    '/api/contacts',
    { kind: 'activist', name: `ناشط جماعي ${++counter}`, governorates: ['IQ-BA'], ...extra },
    'admin',
  )) as Json;

const bulk = (body: Json, as: Role | 'basra' = 'staff') =>
  as === 'basra'
    ? t.app.inject({ method: 'POST', url: '/api/contacts/bulk', payload: body, headers: { authorization: `Bearer ${basraToken}` } })
    : t.request(as, { method: 'POST', url: '/api/contacts/bulk', payload: body });
const ok = async (body: Json, as: Role | 'basra' = 'staff') => {
  const res = await bulk(body, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Json;
};
const contactRow = (id: string) =>
  t.database.db.selectFrom('contact').select(['tags', 'sensitivity', 'version', 'updated_at']).where('id', '=', id).executeTakeFirst();
const governoratesOf = async (id: string) =>
  (
    await t.database.db
      .selectFrom('contact_governorate')
      .select('governorate_code')
      .where('contact_id', '=', id)
      .orderBy('governorate_code')
      .execute()
  ).map((r) => r.governorate_code);
const bulkAudits = () =>
  t.database.db.selectFrom('audit_log').selectAll().where('action', 'in', ['bulk_update', 'bulk_delete']).orderBy('id').execute();

async function event(capacity: number | null = null): Promise<string> {
  const row = await t.database.db
    .insertInto('event')
    .values({
      title: `ورشة ${++counter}`,
      type: 'workshop',
      starts_at: '2027-03-01T09:00:00Z',
      ends_at: '2027-03-01T15:00:00Z',
      governorate_code: 'IQ-BA',
      capacity,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('bulk edits', () => {
  it('adds tags to every selected contact, once each, bumping version and updated_at of those it changed only', async () => {
    const a = await person({ tags: ['شباب'] });
    const b = await person({ tags: ['نساء', 'أنبار'] });
    const c = await person({ tags: ['أنبار'] });
    const before = await bulkAudits();
    const result = await ok({ action: 'addTags', selection: { ids: [a.id, b.id, c.id] }, tags: ['أنبار', ' متطوع '] });
    expect(result).toMatchObject({ action: 'addTags', dryRun: false, count: 3, changed: 3 });
    expect((await contactRow(a.id))!.tags).toEqual(['شباب', 'أنبار', 'متطوع']);
    expect((await contactRow(b.id))!.tags).toEqual(['نساء', 'أنبار', 'متطوع']);
    const rowA = (await contactRow(a.id))!;
    expect(rowA.version).toBe(a.version + 1);
    expect(rowA.updated_at.getTime()).toBeGreaterThan(new Date(a.updatedAt).getTime());

    const again = await ok({ action: 'addTags', selection: { ids: [a.id, b.id] }, tags: ['متطوع'] });
    expect(again.changed).toBe(0);
    expect((await contactRow(a.id))!.version).toBe(a.version + 1);

    const audits = (await bulkAudits()).slice(before.length);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'bulk_update', entity_type: 'contact', entity_id: null, user_id: t.users.staff.id });
    expect(audits[0].details).toMatchObject({ action: 'addTags', count: 3, changed: 3, tags: ['أنبار', 'متطوع'], selection: 'ids' });
    expect([...(audits[0].details as Json).ids].sort()).toEqual([a.id, b.id, c.id].sort());
  });

  it('removes tags, keeping the order of the others', async () => {
    const a = await person({ tags: ['أ', 'ب', 'ج'] });
    const b = await person({ tags: ['د'] });
    const result = await ok({ action: 'removeTags', selection: { ids: [a.id, b.id] }, tags: ['ب'] });
    expect(result).toMatchObject({ count: 2, changed: 1, sample: [{ id: a.id, before: ['أ', 'ب', 'ج'], after: ['أ', 'ج'] }] });
    expect((await contactRow(a.id))!.tags).toEqual(['أ', 'ج']);
    expect((await contactRow(b.id))!.version).toBe(b.version);
  });

  it('adds a governorate; a scoped user only one their account covers', async () => {
    const a = await person();
    const result = await ok({ action: 'addGovernorate', selection: { ids: [a.id] }, governorate: 'IQ-BG' });
    expect(result.sample[0]).toMatchObject({ before: ['IQ-BA'], after: ['IQ-BA', 'IQ-BG'] });
    expect(await governoratesOf(a.id)).toEqual(['IQ-BA', 'IQ-BG']);
    const b = await person();
    expectProblem(await bulk({ action: 'addGovernorate', selection: { ids: [b.id] }, governorate: 'IQ-AN' }, 'basra'), 403, 'FORBIDDEN');
    expect(await governoratesOf(b.id)).toEqual(['IQ-BA']);
  });

  it('sets sensitivity for coordinators and administrators only', async () => {
    const a = await person();
    expectProblem(
      await bulk({ action: 'setSensitivity', selection: { ids: [a.id] }, sensitivity: 'restricted' }, 'staff'),
      403,
      'FORBIDDEN',
    );
    expect((await contactRow(a.id))!.sensitivity).toBe('normal');
    const result = await ok({ action: 'setSensitivity', selection: { ids: [a.id] }, sensitivity: 'restricted' }, 'coordinator');
    expect(result.sample).toEqual([{ id: a.id, name: a.name, before: ['normal'], after: ['restricted'] }]);
    expect((await contactRow(a.id))!.sensitivity).toBe('restricted');
  });

  it('refuses viewers any change, but lets them export', async () => {
    const a = await person();
    expectProblem(await bulk({ action: 'addTags', selection: { ids: [a.id] }, tags: ['x'] }, 'viewer'), 403, 'FORBIDDEN');
    expect((await bulk({ action: 'export', selection: { ids: [a.id] } }, 'viewer')).statusCode).toBe(200);
  });
});

describe('bulk edits in a contact history', () => {
  const history = async (id: string) => {
    const res = await t.request('staff', { method: 'GET', url: `/api/contacts/${id}/history` });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as Json).items as Json[];
  };

  it("shows one bulk change in each changed contact's history, with that contact's own values", async () => {
    const a = await person({ tags: ['شباب'] });
    const b = await person({ tags: [] });
    const untouched = await person({ tags: ['متطوع'] });
    await ok({ action: 'addTags', selection: { ids: [a.id, b.id, untouched.id] }, tags: ['متطوع'] });
    await ok({ action: 'addGovernorate', selection: { ids: [a.id] }, governorate: 'IQ-BG' }, 'admin');

    const [governorate, tags] = await history(a.id);
    expect(governorate).toMatchObject({
      action: 'bulk_update',
      entity: { type: 'contact', id: a.id },
      fields: [{ field: 'governorates', old: ['IQ-BA'], new: ['IQ-BA', 'IQ-BG'], hidden: false }],
      link: { kind: 'bulk', count: 1 },
    });
    expect(tags).toMatchObject({
      action: 'bulk_update',
      user: { id: t.users.staff.id },
      fields: [{ field: 'tags', old: ['شباب'], new: ['شباب', 'متطوع'] }],
      link: { kind: 'bulk', count: 2 },
    });
    expect((await history(b.id))[0]).toMatchObject({ fields: [{ field: 'tags', old: [], new: ['متطوع'] }] });
    // Already tagged: not changed, so not in its history.
    expect((await history(untouched.id)).filter((e) => e.action === 'bulk_update')).toEqual([]);
  });

  it('erases the values with the contact when it is purged from the trash', async () => {
    const a = await person({ tags: [] });
    await ok({ action: 'addTags', selection: { ids: [a.id] }, tags: ['للمحو'] });
    const subjects = () => t.database.db.selectFrom('audit_subject').select('audit_id').where('contact_id', '=', a.id).execute();
    expect(await subjects()).toHaveLength(1);
    await ok({ action: 'moveToTrash', selection: { ids: [a.id] } }, 'admin');
    const [item] = (await t.request('admin', { method: 'GET', url: `/api/trash?entityId=${a.id}` })).json().items as Json[];
    const purged = await t.request('admin', { method: 'POST', url: `/api/trash/${item.id}/purge` });
    expect(purged.statusCode, purged.body).toBe(204);
    expect(await subjects()).toEqual([]);
  });
});

describe('dry run', () => {
  it('previews count, changes and a sample of at most 20, and changes nothing', async () => {
    const people = [];
    for (let i = 0; i < 25; i++) people.push(await person({ tags: i < 3 ? ['قديم'] : [] }));
    const ids = people.map((p) => p.id);
    const before = await bulkAudits();
    const preview = await ok({ action: 'addTags', selection: { ids }, tags: ['قديم'], dryRun: true });
    expect(preview).toMatchObject({ action: 'addTags', dryRun: true, count: 25, changed: 22 });
    expect(preview.sample).toHaveLength(20);
    expect(preview.sample[0]).toMatchObject({ before: [], after: ['قديم'] });
    expect((await contactRow(ids[10]))!.tags).toEqual([]);
    expect((await contactRow(ids[10]))!.version).toBe(1);
    expect(await bulkAudits()).toHaveLength(before.length);
  });
});

describe('selection by filter', () => {
  it('acts on every contact the list filter matches, as many as the list counts', async () => {
    const governorate = 'IQ-MU';
    for (let i = 0; i < 3; i++) await person({ governorates: [governorate], kind: i === 2 ? 'volunteer_team' : 'activist' });
    const filter = { governorate, kind: 'activist' };
    const list = (await t.request('staff', { method: 'GET', url: `/api/contacts?governorate=${governorate}&kind=activist` })).json();
    const result = await ok({ action: 'addTags', selection: { filter }, tags: ['مثنى'], dryRun: true });
    expect(result.count).toBe(list.total);
    expect(result.count).toBe(2);
    const searched = await ok({ action: 'addTags', selection: { filter: { q: 'ناشط جماعي', governorate } }, tags: ['مثنى'], dryRun: true });
    expect(searched.count).toBe(3);
  });

  it('acts on a saved segment as it is now: the filter re-evaluated, new matches included', async () => {
    const segment = await created(
      t,
      '/api/segments',
      { name: 'متطوعو ذي قار', filter: { governorate: 'IQ-DQ', tags: ['ذي قار'] } },
      'staff',
    );
    const first = await person({ governorates: ['IQ-DQ'], tags: ['ذي قار'] });
    await person({ governorates: ['IQ-DQ'] });
    expect((await ok({ action: 'addTags', selection: { segmentId: segment.id }, tags: ['متطوع'], dryRun: true })).count).toBe(1);
    const later = await person({ governorates: ['IQ-DQ'], tags: ['ذي قار'] });
    const result = await ok({ action: 'addTags', selection: { segmentId: segment.id }, tags: ['متطوع'] });
    expect(result).toMatchObject({ count: 2, changed: 2 });
    expect((await contactRow(first.id))!.tags).toEqual(['ذي قار', 'متطوع']);
    expect((await contactRow(later.id))!.tags).toEqual(['ذي قار', 'متطوع']);
    expect((await bulkAudits()).at(-1)!.details).toMatchObject({ selection: 'segment', segmentId: segment.id, count: 2 });
  });

  it("does not act on someone else's personal segment", async () => {
    const segment = await created(t, '/api/segments', { name: 'شريحتي', filter: { governorate: 'IQ-DQ' } }, 'coordinator');
    expect((await bulk({ action: 'addTags', selection: { segmentId: segment.id }, tags: ['x'] })).statusCode).toBe(404);
  });

  it("stays within a scoped user's governorates", async () => {
    await person({ governorates: ['IQ-NA'] });
    const result = await ok({ action: 'addTags', selection: { filter: { governorate: 'IQ-NA' } }, tags: ['نجف'], dryRun: true }, 'basra');
    expect(result.count).toBe(0);
  });
});

describe('refusals change nothing', () => {
  it('refuses the whole action when one contact is outside the caller’s governorates, naming only what they may see', async () => {
    const mine = await person({ tags: [] });
    const theirs = await person({ governorates: ['IQ-BG'] });
    const before = await bulkAudits();
    const res = await bulk({ action: 'addTags', selection: { ids: [mine.id, theirs.id] }, tags: ['بصرة'] }, 'basra');
    expectProblem(res, 403, 'BULK_REFUSED');
    expect(res.json().errors).toEqual([{ field: theirs.id, code: 'not_visible', message: '' }]);
    expect((await contactRow(mine.id))!.tags).toEqual([]);
    expect((await contactRow(mine.id))!.version).toBe(mine.version);
    expect(await bulkAudits()).toHaveLength(before.length);
  });

  it('refuses to trash restricted contacts for staff, listing them by name, and trashes nothing', async () => {
    const plain = await person();
    const restricted = await person({ sensitivity: 'restricted' });
    const res = await bulk({ action: 'moveToTrash', selection: { ids: [plain.id, restricted.id] } }, 'staff');
    expectProblem(res, 403, 'BULK_REFUSED');
    expect(res.json().errors).toEqual([{ field: restricted.id, code: 'restricted', message: restricted.name }]);
    expect(await contactRow(plain.id)).toBeDefined();
  });
});

describe('move to trash', () => {
  it('moves every selected contact to the trash in one audited action, restorable one by one', async () => {
    const a = await person();
    const b = await person({ sensitivity: 'restricted' });
    const before = await bulkAudits();
    const result = await ok({ action: 'moveToTrash', selection: { ids: [a.id, b.id] } }, 'coordinator');
    expect(result).toMatchObject({ count: 2, changed: 2 });
    expect(result.trashIds).toHaveLength(2);
    expect(await contactRow(a.id)).toBeUndefined();
    const audits = (await bulkAudits()).slice(before.length);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'bulk_delete', details: { count: 2, trashIds: result.trashIds } });
    const restore = await t.request('coordinator', { method: 'POST', url: `/api/trash/${result.trashIds[0]}/restore` });
    expect(restore.statusCode, restore.body).toBe(200);
    expect(await contactRow(a.id)).toBeDefined();
  });
});

describe('add to an event', () => {
  it('adds through the invitation list, with its capacity rule and flags', async () => {
    const eventId = await event(1);
    const a = await person();
    const b = await person();
    expectProblem(await bulk({ action: 'addToEvent', selection: { ids: [a.id, b.id] }, eventId }), 409, 'CAPACITY_EXCEEDED');
    const preview = await ok({ action: 'addToEvent', selection: { ids: [a.id, b.id] }, eventId, allowOverCapacity: true, dryRun: true });
    expect(preview).toMatchObject({ count: 2, changed: 2, dryRun: true });
    const listed = () => t.database.db.selectFrom('invitation').select('contact_id').where('event_id', '=', eventId).execute();
    expect(await listed()).toHaveLength(0);
    const result = await ok({
      action: 'addToEvent',
      selection: { ids: [a.id, b.id] },
      eventId,
      allowOverCapacity: true,
      status: 'invited',
    });
    expect(result).toMatchObject({ count: 2, changed: 2, sample: [{ after: ['invited'] }, { after: ['invited'] }] });
    expect(await listed()).toHaveLength(2);
    expectProblem(
      await bulk({ action: 'addToEvent', selection: { ids: [a.id] }, eventId, allowOverCapacity: true }),
      409,
      'INVITATION_EXISTS',
    );
    const skipped = await ok({ action: 'addToEvent', selection: { ids: [a.id] }, eventId, allowOverCapacity: true, skipExisting: true });
    expect(skipped).toMatchObject({ count: 1, changed: 0 });
  });

  it('refuses an office with nobody to send: an office is not a person', async () => {
    const eventId = await event();
    const office = await person({ kind: 'organization', subtype: 'local_ngo', name: 'مديرية بلا ممثل' });
    expectProblem(await bulk({ action: 'addToEvent', selection: { ids: [office.id] }, eventId }), 409, 'NO_REPRESENTATIVE');
  });
});

describe('assign a follow-up task', () => {
  const tasksOf = (contactIds: string[]) =>
    t.database.db
      .selectFrom('task')
      .select(['contact_id', 'assignee_id', 'title', 'state', 'created_by', sql<string | null>`due_on::text`.as('due_on')])
      .where('contact_id', 'in', contactIds)
      .execute();

  it('gives one open task per contact to one colleague, audited as one entry', async () => {
    const a = await person();
    const b = await person();
    const colleague = await t.addUser('staff', ['IQ-BA']);
    const preview = await ok({
      action: 'assignTask',
      selection: { ids: [a.id, b.id] },
      taskTitle: 'اتصل لتأكيد الحضور',
      assigneeId: colleague.user.id,
      dryRun: true,
    });
    expect(preview).toMatchObject({ action: 'assignTask', dryRun: true, count: 2, changed: 2 });
    expect(await tasksOf([a.id, b.id])).toHaveLength(0);

    const before = await bulkAudits();
    await ok({
      action: 'assignTask',
      selection: { ids: [a.id, b.id] },
      taskTitle: '  اتصل لتأكيد الحضور ',
      assigneeId: colleague.user.id,
      dueOn: '2027-01-10',
      priority: 'high',
    });
    const tasks = await tasksOf([a.id, b.id]);
    expect(tasks).toHaveLength(2);
    expect(
      tasks.every((task) => task.assignee_id === colleague.user.id && task.title === 'اتصل لتأكيد الحضور' && task.state === 'open'),
    ).toBe(true);
    expect(tasks.map((task) => task.due_on)).toEqual(['2027-01-10', '2027-01-10']);
    const audits = (await bulkAudits()).slice(before.length);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entity_type: 'task', details: expect.objectContaining({ action: 'assignTask', count: 2 }) });
  });

  it('refuses a colleague who does not cover every contact, and creates none', async () => {
    const basra = await person();
    const anbar = await person({ governorates: ['IQ-AN'] });
    const colleague = await t.addUser('staff', ['IQ-BA']);
    const res = await bulk({
      action: 'assignTask',
      selection: { ids: [basra.id, anbar.id] },
      taskTitle: 'متابعة',
      assigneeId: colleague.user.id,
    });
    expectProblem(res, 400, 'ASSIGNEE_OUT_OF_SCOPE');
    expect(await tasksOf([basra.id, anbar.id])).toHaveLength(0);
  });

  it('names the missing title and assignee', async () => {
    const a = await person();
    const res = await bulk({ action: 'assignTask', selection: { ids: [a.id] } });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(
      res
        .json()
        .errors.map((e: Json) => e.field)
        .sort(),
    ).toEqual(['assigneeId', 'taskTitle']);
  });
});

describe('export', () => {
  it('exports the selected contacts as CSV, audited as one export with the count', async () => {
    const a = await person({ phones: ['07701110001'] });
    const b = await person({ phones: ['07701110002'], sensitivity: 'restricted' });
    const res = await bulk({ action: 'export', selection: { ids: [a.id, b.id] }, format: 'csv', lang: 'en', columns: 'name,phones' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body).toContain(a.name);
    expect(res.body).toContain('+9647701110001');
    expect(res.body).not.toContain('+9647701110002');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'export')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ count: 2, selection: 'ids', restrictedContactIds: [b.id] });
    const xlsx = await bulk({ action: 'export', selection: { ids: [a.id] }, format: 'xlsx' });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('bad input', () => {
  it.each([
    [{ action: 'paint', selection: { ids: ['00000000-0000-4000-8000-000000000000'] } }],
    [{ action: 'addTags', selection: { ids: [] }, tags: ['x'] }],
    [{ action: 'addTags', selection: { ids: ['not-a-uuid'] }, tags: ['x'] }],
    [{ action: 'addTags', selection: { filter: { colour: 'red' } }, tags: ['x'] }],
    [{ action: 'addTags', selection: { ids: ['00000000-0000-4000-8000-000000000000'] }, tags: ['x'], extra: 1 }],
  ])('answers 400 to %j', async (body) => {
    expectProblem(await bulk(body), 400, 'VALIDATION_FAILED');
  });

  it('names the missing parameter of an action', async () => {
    const a = await person();
    const res = await bulk({ action: 'addTags', selection: { ids: [a.id] } });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'tags', code: 'required' })]);
    expectProblem(await bulk({ action: 'addTags', selection: { ids: [a.id] }, tags: ['  '] }), 400, 'VALIDATION_FAILED');
    expectProblem(await bulk({ action: 'addToEvent', selection: { ids: [a.id] } }), 400, 'VALIDATION_FAILED');
  });

  it('takes up to 10,000 ids in one body, and refuses more', async () => {
    const ids = Array.from({ length: 10_000 }, () => randomUUID());
    const res = await bulk({ action: 'addTags', selection: { ids }, tags: ['x'], dryRun: true });
    expectProblem(res, 403, 'BULK_REFUSED');
    expect(res.json().errors).toHaveLength(10_000);
    expectProblem(await bulk({ action: 'addTags', selection: { ids: [...ids, randomUUID()] }, tags: ['x'] }), 400, 'VALIDATION_FAILED');
  });

  it('refuses an unknown id as not visible', async () => {
    const res = await bulk({ action: 'addTags', selection: { ids: ['00000000-0000-4000-8000-000000000000'] }, tags: ['x'] });
    expectProblem(res, 403, 'BULK_REFUSED');
  });

  it('refuses more than 30 tags on a contact', async () => {
    const a = await person({ tags: Array.from({ length: 29 }, (_, i) => `و${i}`) });
    const res = await bulk({ action: 'addTags', selection: { ids: [a.id] }, tags: ['جديد1', 'جديد2'] });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect((await contactRow(a.id))!.tags).toHaveLength(29);
  });
});
