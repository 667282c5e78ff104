import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Json = Record<string, any>;
const USER_KEYS = ['active', 'createdAt', 'email', 'governorates', 'id', 'name', 'role', 'version'];

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ type: 'about:blank', status, code });
}

const fieldsOf = (res: LightMyRequestResponse) => (res.json().errors as { field: string }[]).map((e) => e.field);

const userRow = (id: string) => t.database.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();

const userAudit = (id: string) =>
  t.database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'user').where('entity_id', '=', id).orderBy('id').execute();

let seq = 0;
async function createUser(body: Json = {}): Promise<Json> {
  seq += 1;
  const res = await t.request('admin', {
    method: 'POST',
    url: '/api/users',
    payload: { email: `person${seq}@users.example.org`, name: `Person ${seq}`, role: 'staff', password: 'a long enough secret', ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const patch = (id: string, payload: Json) => t.request('admin', { method: 'PATCH', url: `/api/users/${id}`, payload });

const login = (email: string, password: string) =>
  t.request(null, { method: 'POST', url: '/api/auth/login', payload: { email, password } });

// First, while the harness admin is the only administrator.
describe('the last active administrator', () => {
  it('cannot be demoted or deactivated: 409 LAST_ADMIN and nothing changes', async () => {
    const admins = await t.database.db.selectFrom('app_user').select('id').where('role', '=', 'admin').where('active', '=', true).execute();
    expect(admins.map((a) => a.id)).toEqual([t.users.admin.id]);
    const { version } = (await userRow(t.users.admin.id))!;

    expectProblem(await patch(t.users.admin.id, { version, role: 'coordinator' }), 409, 'LAST_ADMIN');
    expectProblem(await patch(t.users.admin.id, { version, active: false }), 409, 'LAST_ADMIN');
    expect(await userRow(t.users.admin.id)).toMatchObject({ role: 'admin', active: true, version });
    expect(await userAudit(t.users.admin.id)).toHaveLength(1); // only its creation
  });

  it('can be renamed', async () => {
    const { version } = (await userRow(t.users.admin.id))!;
    const res = await patch(t.users.admin.id, { version, name: 'Chief Administrator' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Chief Administrator', role: 'admin', version: version + 1 });
  });

  it('an inactive admin does not count: with a second admin deactivated, the first is still the last', async () => {
    const second = await createUser({ role: 'admin' });
    const off = await patch(second.id, { version: 1, active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ active: false, role: 'admin', version: 2 });
    const { version } = (await userRow(t.users.admin.id))!;
    expectProblem(await patch(t.users.admin.id, { version, role: 'staff' }), 409, 'LAST_ADMIN');
  });

  it('one of two active admins may be demoted', async () => {
    const other = await createUser({ role: 'admin' });
    const res = await patch(other.id, { version: 1, role: 'viewer' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ role: 'viewer', version: 2 });
  });
});

describe('GET /api/users', () => {
  it('lists every account, without password hashes', async () => {
    const res = await t.request('admin', { method: 'GET', url: '/api/users' });
    expect(res.statusCode).toBe(200);
    const { items } = res.json() as { items: Json[] };
    const ids = items.map((u) => u.id);
    for (const role of ['admin', 'coordinator', 'staff', 'viewer'] as const) expect(ids).toContain(t.users[role].id);
    for (const item of items) expect(Object.keys(item).sort()).toEqual(USER_KEYS);
    expect(res.body).not.toMatch(/password|scrypt/i);
    const count = await t.database.db.selectFrom('app_user').select('id').execute();
    expect(items).toHaveLength(count.length);
  });

  it.each(['coordinator', 'staff', 'viewer'] as const)('refuses %s with 403 FORBIDDEN', async (role) => {
    expectProblem(await t.request(role, { method: 'GET', url: '/api/users' }), 403, 'FORBIDDEN');
  });

  it('refuses an anonymous caller with 401', async () => {
    expectProblem(await t.request(null, { method: 'GET', url: '/api/users' }), 401, 'UNAUTHORIZED');
  });
});

describe('POST /api/users', () => {
  it('creates an account with the email lower-cased and no password in the answer', async () => {
    const res = await t.request('admin', {
      method: 'POST',
      url: '/api/users',
      payload: { email: 'Layla.Hassan@Example.ORG', name: '  Layla Hassan ', role: 'coordinator', password: 'layla-secret-2026' },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(USER_KEYS);
    expect(body).toMatchObject({
      email: 'layla.hassan@example.org',
      name: 'Layla Hassan',
      role: 'coordinator',
      active: true,
      governorates: null,
      version: 1,
    });
    expect(res.body).not.toContain('layla-secret-2026');
    expect(res.body).not.toMatch(/scrypt|passwordHash|password_hash/);

    const row = (await userRow(body.id))!;
    expect(row.email).toBe('layla.hassan@example.org');
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain('layla-secret-2026');

    const audit = await userAudit(body.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', user_id: t.users.admin.id });
    expect(JSON.stringify(audit)).not.toContain('layla-secret-2026');

    expect((await login('LAYLA.HASSAN@example.org', 'layla-secret-2026')).statusCode).toBe(200);
  });

  it('creates an account limited to some governorates', async () => {
    const body = await createUser({ governorates: ['IQ-AN', 'IQ-NI'] });
    expect(body.governorates).toEqual(['IQ-AN', 'IQ-NI']);
    expect((await userRow(body.id))!.governorates).toEqual(['IQ-AN', 'IQ-NI']);
  });

  it('refuses a taken email, in any case, with 409 EMAIL_TAKEN', async () => {
    const first = await createUser({ email: 'taken@users.example.org' });
    const res = await t.request('admin', {
      method: 'POST',
      url: '/api/users',
      payload: { email: 'TAKEN@users.example.org', name: 'Someone Else', role: 'viewer', password: 'another secret' },
    });
    expectProblem(res, 409, 'EMAIL_TAKEN');
    const rows = await t.database.db.selectFrom('app_user').select(['id', 'name']).where('email', '=', 'taken@users.example.org').execute();
    expect(rows).toEqual([{ id: first.id, name: first.name }]);
  });

  it.each([
    ['an invalid email', { email: 'not-an-email' }, 'email'],
    ['a short password', { password: 'short' }, 'password'],
    ['an unknown role', { role: 'superuser' }, 'role'],
    ['a name of only spaces', { name: '    ' }, 'name'],
    ['empty governorates', { governorates: [] }, 'governorates'],
    ['an unknown governorate', { governorates: ['IQ-XX'] }, 'governorates'],
    ['an unknown field', { isAdmin: true }, 'isAdmin'],
    ['a missing password', { password: undefined }, 'password'],
  ])('refuses %s with 400 naming the field and stores nothing', async (_label, change, field) => {
    const email = `invalid-${randomUUID()}@users.example.org`;
    const payload: Json = { email, name: 'Invalid Person', role: 'staff', password: 'a long enough secret', ...change };
    const res = await t.request('admin', { method: 'POST', url: '/api/users', payload });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res).some((f) => f === field || f.startsWith(`${field}.`))).toBe(true);
    expect(await t.database.db.selectFrom('app_user').select('id').where('email', '=', email).execute()).toEqual([]);
  });

  it.each(['coordinator', 'staff', 'viewer'] as const)('refuses %s with 403 FORBIDDEN', async (role) => {
    const res = await t.request(role, {
      method: 'POST',
      url: '/api/users',
      payload: { email: `by-${role}@users.example.org`, name: 'Not Allowed', role: 'admin', password: 'a long enough secret' },
    });
    expectProblem(res, 403, 'FORBIDDEN');
    expect(await t.database.db.selectFrom('app_user').select('id').where('email', '=', `by-${role}@users.example.org`).execute()).toEqual(
      [],
    );
  });

  it('refuses an anonymous caller with 401', async () => {
    const res = await t.request(null, {
      method: 'POST',
      url: '/api/users',
      payload: { email: 'anon@users.example.org', name: 'Anon', role: 'admin', password: 'a long enough secret' },
    });
    expectProblem(res, 401, 'UNAUTHORIZED');
  });
});

describe('PATCH /api/users/:id', () => {
  it('changes the role with the current version and bumps it', async () => {
    const user = await createUser();
    const res = await patch(user.id, { version: 1, role: 'coordinator' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(USER_KEYS);
    expect(res.json()).toMatchObject({ id: user.id, role: 'coordinator', version: 2, active: true });
    expect(await userRow(user.id)).toMatchObject({ role: 'coordinator', version: 2 });
    const audit = await userAudit(user.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]).toMatchObject({ user_id: t.users.admin.id, changed_fields: ['role'] });
  });

  it('deactivates and reactivates an account', async () => {
    const user = await createUser();
    const off = await patch(user.id, { version: 1, active: false });
    expect(off.json()).toMatchObject({ active: false, version: 2 });
    expectProblem(await login(user.email, 'a long enough secret'), 401, 'INVALID_CREDENTIALS');
    const on = await patch(user.id, { version: 2, active: true });
    expect(on.json()).toMatchObject({ active: true, version: 3 });
    expect((await login(user.email, 'a long enough secret')).statusCode).toBe(200);
  });

  it('refuses a stale version with 409 CONFLICT and leaves the account unchanged', async () => {
    const user = await createUser();
    expect((await patch(user.id, { version: 1, name: 'Renamed Once' })).statusCode).toBe(200);
    expectProblem(await patch(user.id, { version: 1, role: 'admin', active: false }), 409, 'CONFLICT');
    expect(await userRow(user.id)).toMatchObject({ name: 'Renamed Once', role: 'staff', active: true, version: 2 });
    expect((await userAudit(user.id)).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('resets the password: the new one signs in, the old one no longer does', async () => {
    const user = await createUser({ password: 'the original secret' });
    expect((await login(user.email, 'the original secret')).statusCode).toBe(200);
    const before = (await userRow(user.id))!.password_hash;
    const res = await patch(user.id, { version: 1, password: 'a brand new secret' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('a brand new secret');
    expect((await userRow(user.id))!.password_hash).not.toBe(before);
    const fresh = await login(user.email, 'a brand new secret');
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().user.id).toBe(user.id);
    expectProblem(await login(user.email, 'the original secret'), 401, 'INVALID_CREDENTIALS');
    const audit = await userAudit(user.id);
    expect(audit.filter((a) => a.action === 'update').map((a) => a.changed_fields)).toEqual([['password']]);
    expect(JSON.stringify(audit)).not.toContain('a brand new secret');
  });

  it('limits an account to governorates and lifts the limit again with null', async () => {
    const user = await createUser();
    const scoped = await patch(user.id, { version: 1, governorates: ['IQ-BA'] });
    expect(scoped.json()).toMatchObject({ governorates: ['IQ-BA'], version: 2 });
    const all = await patch(user.id, { version: 2, governorates: null });
    expect(all.json()).toMatchObject({ governorates: null, version: 3 });
  });

  // Issue 12, item 6: less access ends the account's sessions; the user signs in again under the new role.
  it('a role change ends the existing session at once', async () => {
    const { user, token } = await t.addUser('staff');
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/contacts',
        headers: { authorization: `Bearer ${token}` },
        payload: { kind: 'activist', name: 'دور متغير', governorates: ['IQ-BG'] },
      });
    expect((await post()).statusCode).toBe(201);
    expect((await patch(user.id, { version: user.version, role: 'viewer' })).statusCode).toBe(200);
    expectProblem(await post(), 401, 'UNAUTHORIZED');
  });

  it.each([
    ['a missing version', { name: 'x' }, 'version'],
    ['a short password', { version: 1, password: 'short' }, 'password'],
    ['an unknown role', { version: 1, role: 'owner' }, 'role'],
    ['a name of only spaces', { version: 1, name: '   ' }, 'name'],
    ['an email change', { version: 1, email: 'new@users.example.org' }, 'email'],
  ])('refuses %s with 400 and changes nothing', async (_label, payload, field) => {
    const user = await createUser();
    const res = await patch(user.id, payload);
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res)).toContain(field);
    expect(await userRow(user.id)).toMatchObject({ email: user.email, name: user.name, role: 'staff', version: 1 });
  });

  it('answers 404 for an unknown id and 400 for a non-uuid id', async () => {
    expectProblem(await patch(randomUUID(), { version: 1, name: 'Nobody' }), 404, 'NOT_FOUND');
    const res = await patch('42', { version: 1, name: 'Nobody' });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res)).toEqual(['id']);
  });

  it.each(['coordinator', 'staff', 'viewer'] as const)('refuses %s with 403 FORBIDDEN, even on their own account', async (role) => {
    const self = t.users[role];
    const { version } = (await userRow(self.id))!;
    const res = await t.request(role, { method: 'PATCH', url: `/api/users/${self.id}`, payload: { version, role: 'admin' } });
    expectProblem(res, 403, 'FORBIDDEN');
    expect(await userRow(self.id)).toMatchObject({ role, version });
  });

  it('refuses an anonymous caller with 401', async () => {
    const res = await t.request(null, { method: 'PATCH', url: `/api/users/${t.users.staff.id}`, payload: { version: 1, active: false } });
    expectProblem(res, 401, 'UNAUTHORIZED');
    expect((await userRow(t.users.staff.id))!.active).toBe(true);
  });
});
