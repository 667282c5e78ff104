import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/src/domain/roles.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Json = Record<string, any>;

async function create(body: Json, as: Role = 'admin'): Promise<Json> {
  const res = await t.request(as, { method: 'POST', url: '/api/contacts', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const withToken = (token: string, options: InjectOptions) =>
  t.app.inject({ ...options, headers: { ...(options.headers ?? {}), authorization: `Bearer ${token}` } });

const contactRow = (id: string) => t.database.db.selectFrom('contact').selectAll().where('id', '=', id).executeTakeFirst();

const auditFor = (entityId: string) =>
  t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', entityId).orderBy('id').execute();

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): any }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ status, code });
}

describe('viewer', () => {
  let contact: Json;
  beforeAll(async () => {
    contact = await create({ kind: 'activist', name: 'مرئي للقارئ', governorates: ['IQ-DQ'], phones: ['07701112222'] });
  });

  it('lists and reads contacts, details included when not restricted', async () => {
    const list = await t.request('viewer', { method: 'GET', url: '/api/contacts?governorate=IQ-DQ' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((c: Json) => c.id)).toContain(contact.id);
    const one = await t.request('viewer', { method: 'GET', url: `/api/contacts/${contact.id}` });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: contact.id, phones: ['+9647701112222'], detailsHidden: false });
  });

  it('cannot create: 403 FORBIDDEN and nothing stored', async () => {
    const res = await t.request('viewer', {
      method: 'POST',
      url: '/api/contacts',
      payload: { kind: 'activist', name: 'إنشاء القارئ', governorates: ['IQ-DQ'] },
    });
    expectProblem(res, 403, 'FORBIDDEN');
    expect(await t.database.db.selectFrom('contact').select('id').where('name', '=', 'إنشاء القارئ').execute()).toEqual([]);
  });

  it('cannot update: 403 FORBIDDEN and the row unchanged', async () => {
    const res = await t.request('viewer', {
      method: 'PATCH',
      url: `/api/contacts/${contact.id}`,
      payload: { version: contact.version, name: 'تعديل القارئ' },
    });
    expectProblem(res, 403, 'FORBIDDEN');
    expect(await contactRow(contact.id)).toMatchObject({ name: 'مرئي للقارئ', version: 1 });
  });

  it('cannot delete: 403 FORBIDDEN and the contact still there', async () => {
    expectProblem(await t.request('viewer', { method: 'DELETE', url: `/api/contacts/${contact.id}` }), 403, 'FORBIDDEN');
    expect(await contactRow(contact.id)).toBeDefined();
    expect((await auditFor(contact.id)).map((a) => a.action)).toEqual(['create']);
  });
});

describe.each(['staff', 'coordinator', 'admin'] as const)('%s', (role) => {
  it('creates, updates and deletes contacts', async () => {
    const created = await create({ kind: 'volunteer_team', name: `فريق ${role}`, governorates: ['IQ-DQ'] }, role);
    const patched = await t.request(role, {
      method: 'PATCH',
      url: `/api/contacts/${created.id}`,
      payload: { version: 1, nameLatin: `${role} team` },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ nameLatin: `${role} team`, version: 2 });
    expect((await t.request(role, { method: 'DELETE', url: `/api/contacts/${created.id}?version=2` })).statusCode).toBe(204);
    expect(await contactRow(created.id)).toBeUndefined();
    const audit = await auditFor(created.id);
    expect(audit.map((a) => [a.action, a.user_id])).toEqual([
      ['create', t.users[role].id],
      ['update', t.users[role].id],
      ['delete', t.users[role].id],
    ]);
  });
});

describe('restricted contacts', () => {
  let secret: Json;
  const PHONE = '+9647807654321';
  beforeAll(async () => {
    secret = await create(
      {
        kind: 'activist',
        name: 'ناشطة محمية',
        nameLatin: 'Protected Activist',
        governorates: ['IQ-NA'],
        phones: ['07807654321'],
        emails: ['protected@example.org'],
        notes: 'Lives with her family in Kufa.',
        sensitivity: 'restricted',
        tags: ['women'],
      },
      'coordinator',
    );
  });

  it.each(['admin', 'coordinator'] as const)('%s sees phones, emails and notes', async (role) => {
    const res = await t.request(role, { method: 'GET', url: `/api/contacts/${secret.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      sensitivity: 'restricted',
      detailsHidden: false,
      phones: [PHONE],
      emails: ['protected@example.org'],
      notes: 'Lives with her family in Kufa.',
    });
  });

  it.each(['staff', 'viewer'] as const)('%s gets the contact without phones, emails or notes', async (role) => {
    const res = await t.request(role, { method: 'GET', url: `/api/contacts/${secret.id}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ id: secret.id, name: 'ناشطة محمية', tags: ['women'], detailsHidden: true, sensitivity: 'restricted' });
    expect(body).not.toHaveProperty('phones');
    expect(body).not.toHaveProperty('emails');
    expect(body).not.toHaveProperty('notes');
    expect(res.body).not.toContain('7807654321');
    expect(res.body).not.toContain('protected@example.org');
    expect(res.body).not.toContain('Kufa');
  });

  it.each(['staff', 'viewer'] as const)('%s gets the same withholding in the list', async (role) => {
    const res = await t.request(role, { method: 'GET', url: '/api/contacts?governorate=IQ-NA' });
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((c: Json) => c.id === secret.id);
    expect(item).toMatchObject({ detailsHidden: true, name: 'ناشطة محمية' });
    expect(item).not.toHaveProperty('phones');
    expect(item).not.toHaveProperty('emails');
    expect(item).not.toHaveProperty('notes');
    expect(res.body).not.toContain('7807654321');
  });

  it('coordinator gets the details in the list', async () => {
    const res = await t.request('coordinator', { method: 'GET', url: '/api/contacts?governorate=IQ-NA&sensitivity=restricted' });
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((c: Json) => c.id === secret.id);
    expect(item).toMatchObject({ detailsHidden: false, phones: [PHONE] });
  });

  it.each(['staff', 'viewer'] as const)('%s cannot find it by its hidden phone number', async (role) => {
    const res = await t.request(role, { method: 'GET', url: '/api/contacts?q=07807654321' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ items: [], total: 0 });
  });

  it('coordinator can find it by its phone number', async () => {
    const res = await t.request('coordinator', { method: 'GET', url: '/api/contacts?q=07807654321' });
    expect(res.json().items.map((c: Json) => c.id)).toEqual([secret.id]);
  });

  it('records an audit row with action view each time it is opened', async () => {
    const before = (await auditFor(secret.id)).filter((a) => a.action === 'view').length;
    await t.request('coordinator', { method: 'GET', url: `/api/contacts/${secret.id}` });
    await t.request('staff', { method: 'GET', url: `/api/contacts/${secret.id}` });
    const views = (await auditFor(secret.id)).filter((a) => a.action === 'view');
    expect(views).toHaveLength(before + 2);
    expect(views.slice(-2).map((v) => [v.user_id, v.entity_type])).toEqual([
      [t.users.coordinator.id, 'contact'],
      [t.users.staff.id, 'contact'],
    ]);
  });

  it('opening a normal contact records no view', async () => {
    const normal = await create({ kind: 'activist', name: 'جهة عادية', governorates: ['IQ-NA'] });
    await t.request('viewer', { method: 'GET', url: `/api/contacts/${normal.id}` });
    expect((await auditFor(normal.id)).map((a) => a.action)).toEqual(['create']);
  });

  it.each([
    ['phones', { phones: ['07701234567'] }],
    ['emails', { emails: ['other@example.org'] }],
    ['notes', { notes: 'overwritten' }],
    ['an empty phone list', { phones: [] }],
    ['sensitivity back to normal', { sensitivity: 'normal' }],
  ])('staff cannot change %s: 403 and nothing changes', async (_label, change) => {
    const current = (await contactRow(secret.id))!;
    const res = await t.request('staff', {
      method: 'PATCH',
      url: `/api/contacts/${secret.id}`,
      payload: { version: current.version, ...change },
    });
    expectProblem(res, 403, 'FORBIDDEN');
    expect(await contactRow(secret.id)).toMatchObject({
      phones: [PHONE],
      emails: ['protected@example.org'],
      notes: 'Lives with her family in Kufa.',
      sensitivity: 'restricted',
      version: current.version,
    });
  });

  it('staff can edit its name, and the hidden details survive', async () => {
    const current = (await contactRow(secret.id))!;
    const res = await t.request('staff', {
      method: 'PATCH',
      url: `/api/contacts/${secret.id}`,
      payload: { version: current.version, name: 'ناشطة محمية جدا' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ name: 'ناشطة محمية جدا', detailsHidden: true, version: current.version + 1 });
    expect(body).not.toHaveProperty('phones');
    expect(await contactRow(secret.id)).toMatchObject({
      name: 'ناشطة محمية جدا',
      phones: [PHONE],
      emails: ['protected@example.org'],
      notes: 'Lives with her family in Kufa.',
      sensitivity: 'restricted',
    });
    const last = (await auditFor(secret.id)).at(-1)!;
    expect(last).toMatchObject({ action: 'update', user_id: t.users.staff.id, changed_fields: ['name'] });
  });

  it('staff may file a new restricted contact but then sees it without details', async () => {
    const created = await create(
      { kind: 'activist', name: 'محمي من الموظف', governorates: ['IQ-NA'], phones: ['07701230000'], sensitivity: 'restricted' },
      'staff',
    );
    expect(created).toMatchObject({ detailsHidden: true, sensitivity: 'restricted' });
    expect(created).not.toHaveProperty('phones');
    expect((await contactRow(created.id))!.phones).toEqual(['+9647701230000']);
  });

  it('coordinator can lift the restriction', async () => {
    const other = await create(
      { kind: 'activist', name: 'قيد مرفوع', governorates: ['IQ-NA'], phones: ['07701239999'], sensitivity: 'restricted' },
      'coordinator',
    );
    const res = await t.request('coordinator', {
      method: 'PATCH',
      url: `/api/contacts/${other.id}`,
      payload: { version: 1, sensitivity: 'normal' },
    });
    expect(res.statusCode).toBe(200);
    const asStaff = await t.request('staff', { method: 'GET', url: `/api/contacts/${other.id}` });
    expect(asStaff.json()).toMatchObject({ detailsHidden: false, phones: ['+9647701239999'] });
  });
});

describe('a user scoped to Al Anbar', () => {
  let token: string;
  let anbar: Json;
  let baghdad: Json;
  let both: Json;
  beforeAll(async () => {
    token = (await t.addUser('staff', ['IQ-AN'])).token;
    anbar = await create({ kind: 'activist', name: 'ناشط الرمادي', governorates: ['IQ-AN'] });
    baghdad = await create({ kind: 'activist', name: 'ناشط الكرخ', governorates: ['IQ-BG'], phones: ['07705550000'] });
    both = await create({ kind: 'organization', subtype: 'local_ngo', name: 'منظمة الأنبار وبغداد', governorates: ['IQ-AN', 'IQ-BG'] });
  });

  it('lists only contacts filed under Al Anbar', async () => {
    const res = await withToken(token, { method: 'GET', url: '/api/contacts?limit=200' });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    const ids = page.items.map((c: Json) => c.id);
    expect(ids).toContain(anbar.id);
    expect(ids).toContain(both.id);
    expect(ids).not.toContain(baghdad.id);
    expect(page.items.every((c: Json) => c.governorates.includes('IQ-AN'))).toBe(true);
    const inAnbar = await t.database.db
      .selectFrom('contact_governorate')
      .select('contact_id')
      .where('governorate_code', '=', 'IQ-AN')
      .execute();
    expect(page.total).toBe(inAnbar.length);
  });

  it('sees no Baghdad-only contact even when filtering for Baghdad or searching its phone', async () => {
    const filtered = await withToken(token, { method: 'GET', url: '/api/contacts?governorate=IQ-BG' });
    expect(filtered.json().items.map((c: Json) => c.id)).toEqual([both.id]);
    const searched = await withToken(token, { method: 'GET', url: '/api/contacts?q=07705550000' });
    expect(searched.json()).toMatchObject({ items: [], total: 0 });
  });

  it('gets 404, not 403, for a Baghdad contact, whatever the method', async () => {
    expectProblem(await withToken(token, { method: 'GET', url: `/api/contacts/${baghdad.id}` }), 404, 'NOT_FOUND');
    expectProblem(
      await withToken(token, { method: 'PATCH', url: `/api/contacts/${baghdad.id}`, payload: { version: 1, name: 'x' } }),
      404,
      'NOT_FOUND',
    );
    expectProblem(await withToken(token, { method: 'DELETE', url: `/api/contacts/${baghdad.id}` }), 404, 'NOT_FOUND');
    expect(await contactRow(baghdad.id)).toMatchObject({ name: 'ناشط الكرخ', version: 1 });
  });

  it('reads a contact shared with Al Anbar', async () => {
    expect((await withToken(token, { method: 'GET', url: `/api/contacts/${both.id}` })).statusCode).toBe(200);
  });

  it.each([
    ['Baghdad', ['IQ-BG']],
    ['Al Anbar and Baghdad', ['IQ-AN', 'IQ-BG']],
  ])('gets 403 creating a contact in %s', async (_label, governorates) => {
    const res = await withToken(token, {
      method: 'POST',
      url: '/api/contacts',
      payload: { kind: 'activist', name: 'خارج النطاق', governorates },
    });
    expectProblem(res, 403, 'FORBIDDEN');
    expect(await t.database.db.selectFrom('contact').select('id').where('name', '=', 'خارج النطاق').execute()).toEqual([]);
  });

  it('creates a contact in Al Anbar', async () => {
    const res = await withToken(token, {
      method: 'POST',
      url: '/api/contacts',
      payload: { kind: 'activist', name: 'داخل النطاق', governorates: ['IQ-AN'] },
    });
    expect(res.statusCode).toBe(201);
  });

  it('gets 403 moving an Al Anbar contact to Baghdad', async () => {
    const res = await withToken(token, {
      method: 'PATCH',
      url: `/api/contacts/${anbar.id}`,
      payload: { version: 1, governorates: ['IQ-BG'] },
    });
    expectProblem(res, 403, 'FORBIDDEN');
    expect((await contactRow(anbar.id))!.version).toBe(1);
    const links = await t.database.db
      .selectFrom('contact_governorate')
      .select('governorate_code')
      .where('contact_id', '=', anbar.id)
      .execute();
    expect(links.map((l) => l.governorate_code)).toEqual(['IQ-AN']);
  });
});
