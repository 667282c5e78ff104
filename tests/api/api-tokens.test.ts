import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor, expectProblem, type Json } from '../helpers/api-requests.js';
import type { Role } from '../../server/src/domain/roles.js';

/**
 * Personal API tokens (issue 12, item 6): for scripts, shown once and stored as a hash, read-only or read-write,
 * expiring, revocable, with their last use; the token's account's role and governorates apply.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const as = (token: string, method: Method, url: string, payload?: Json) =>
  t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });

async function signedIn(role: Role = 'staff', governorates?: string[]) {
  const { user } = await t.addUser(role, governorates);
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  return { user, session: res.json().token as string };
}

async function createToken(session: string, body: Json = {}) {
  const res = await as(session, 'POST', '/api/auth/tokens', { name: 'Nightly report', scope: 'read', expiresInDays: 30, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { token: string; apiToken: Json };
}

const contact = (name: string, governorates = ['IQ-DQ']) => ({ kind: 'activist', name, governorates });

describe('creating and listing tokens', () => {
  it('shows the token once, stores only its SHA-256, and lists name, prefix, scope, dates and last use', async () => {
    const { user, session } = await signedIn();
    const before = Date.now();
    const { token, apiToken } = await createToken(session, { name: '  Nightly report ', expiresInDays: 7 });
    expect(token).toMatch(/^cdt_[\w-]{43}$/);
    expect(apiToken).toMatchObject({ name: 'Nightly report', scope: 'read', prefix: token.slice(0, 12), lastUsedAt: null });
    const expires = new Date(apiToken.expiresAt).getTime();
    expect(expires - before).toBeGreaterThanOrEqual(7 * 86_400_000 - 1000);
    expect(expires - before).toBeLessThan(7 * 86_400_000 + 60_000);

    const rows = await t.database.db.selectFrom('api_token').selectAll().where('user_id', '=', user.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);

    const list = await as(session, 'GET', '/api/auth/tokens');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([apiToken]);
    expect(list.body).not.toContain(token);
    const audit = await auditFor(t, apiToken.id);
    expect(audit).toMatchObject([{ action: 'create', entity_type: 'api_token', user_id: user.id }]);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('refuses a blank name, an unknown scope and an expiry past a year', async () => {
    const { session } = await signedIn();
    expectProblem(
      await as(session, 'POST', '/api/auth/tokens', { name: '   ', scope: 'read', expiresInDays: 30 }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await as(session, 'POST', '/api/auth/tokens', { name: 'x', scope: 'admin', expiresInDays: 30 }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await as(session, 'POST', '/api/auth/tokens', { name: 'x', scope: 'read', expiresInDays: 366 }),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('using a token', () => {
  it('reads with a read token and refuses its writes with 403 TOKEN_READ_ONLY, changing nothing', async () => {
    const { session } = await signedIn();
    const { token } = await createToken(session);
    expect((await as(token, 'GET', '/api/contacts')).statusCode).toBe(200);
    expect((await as(token, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expectProblem(await as(token, 'POST', '/api/contacts', contact('بسبب رمز للقراءة')), 403, 'TOKEN_READ_ONLY');
    const stored = await t.database.db.selectFrom('contact').select('id').where('name', '=', 'بسبب رمز للقراءة').execute();
    expect(stored).toEqual([]);
  });

  it("writes with a write token as its account's role, within its governorates", async () => {
    const { session } = await signedIn('staff', ['IQ-BA']);
    const { token } = await createToken(session, { scope: 'write' });
    expect((await as(token, 'POST', '/api/contacts', contact('كتبه سكربت', ['IQ-BA']))).statusCode).toBe(201);
    expect(
      (await as(token, 'POST', '/api/users', { email: 'x@example.org', name: 'x', role: 'admin', password: TEST_PASSWORD })).statusCode,
    ).toBe(403);
    const other = await t.request('admin', { method: 'POST', url: '/api/contacts', payload: contact('خارج نطاق الرمز', ['IQ-NA']) });
    expect(other.statusCode, other.body).toBe(201);
    expect((await as(token, 'GET', `/api/contacts/${other.json().id}`)).statusCode).toBe(404);
  });

  it('cannot create or list tokens, or change the password or two-step sign-in', async () => {
    const { session } = await signedIn();
    const { token, apiToken } = await createToken(session, { scope: 'write' });
    expectProblem(
      await as(token, 'POST', '/api/auth/tokens', { name: 'child', scope: 'write', expiresInDays: 1 }),
      403,
      'TOKEN_NOT_ALLOWED',
    );
    expectProblem(await as(token, 'GET', '/api/auth/tokens'), 403, 'TOKEN_NOT_ALLOWED');
    expectProblem(await as(token, 'DELETE', `/api/auth/tokens/${apiToken.id}`), 403, 'TOKEN_NOT_ALLOWED');
    expectProblem(
      await as(token, 'POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'نخلة على شط العرب 2026' }),
      403,
      'TOKEN_NOT_ALLOWED',
    );
    expectProblem(await as(token, 'POST', '/api/auth/totp/setup'), 403, 'TOKEN_NOT_ALLOWED');
    expectProblem(await as(token, 'POST', '/api/auth/totp/disable', { password: TEST_PASSWORD }), 403, 'TOKEN_NOT_ALLOWED');
  });

  it('records the last use at most once a minute', async () => {
    const { session } = await signedIn();
    const { token, apiToken } = await createToken(session);
    const lastUsed = async () =>
      (await t.database.db.selectFrom('api_token').select('last_used_at').where('id', '=', apiToken.id).executeTakeFirstOrThrow())
        .last_used_at;
    await as(token, 'GET', '/api/contacts');
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await as(token, 'GET', '/api/contacts');
    expect(await lastUsed()).toEqual(first);
    await t.database.db
      .updateTable('api_token')
      .set({ last_used_at: new Date(Date.now() - 61_000) })
      .where('id', '=', apiToken.id)
      .execute();
    await as(token, 'GET', '/api/contacts');
    expect((await lastUsed())!.getTime()).toBeGreaterThan(Date.now() - 10_000);
    expect((await as(session, 'GET', '/api/auth/tokens')).json().items[0].lastUsedAt).not.toBeNull();
  });
});

describe('refusing a token', () => {
  it('refuses an unknown, an expired and a revoked token with 401 and a stable code', async () => {
    const { session } = await signedIn();
    expectProblem(await as('cdt_not-a-real-token-at-all', 'GET', '/api/contacts'), 401, 'TOKEN_INVALID');

    const expiring = await createToken(session, { name: 'Old' });
    await t.database.db
      .updateTable('api_token')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', expiring.apiToken.id)
      .execute();
    expectProblem(await as(expiring.token, 'GET', '/api/contacts'), 401, 'TOKEN_EXPIRED');

    const revoking = await createToken(session, { name: 'Leaked' });
    expect((await as(revoking.token, 'GET', '/api/contacts')).statusCode).toBe(200);
    expect((await as(session, 'DELETE', `/api/auth/tokens/${revoking.apiToken.id}`)).statusCode).toBe(204);
    expectProblem(await as(revoking.token, 'GET', '/api/contacts'), 401, 'TOKEN_REVOKED');
    expectProblem(await as(session, 'DELETE', `/api/auth/tokens/${revoking.apiToken.id}`), 404, 'NOT_FOUND');
    expect((await as(session, 'GET', '/api/auth/tokens')).json().items.map((i: Json) => i.name)).toEqual(['Old']);
    expect((await auditFor(t, revoking.apiToken.id)).map((a) => a.action)).toEqual(['create', 'delete']);
  });

  it("does not let one account revoke another's token", async () => {
    const { session: mine } = await signedIn();
    const { session: theirs } = await signedIn();
    const { token, apiToken } = await createToken(theirs);
    expectProblem(await as(mine, 'DELETE', `/api/auth/tokens/${apiToken.id}`), 404, 'NOT_FOUND');
    expect((await as(token, 'GET', '/api/contacts')).statusCode).toBe(200);
  });

  it("refuses a deactivated account's token, and applies a changed role at once", async () => {
    const { user, session } = await signedIn('staff');
    const { token } = await createToken(session, { scope: 'write' });
    const version = async () =>
      (await t.request('admin', { method: 'GET', url: '/api/users' })).json().items.find((u: Json) => u.id === user.id).version;
    expect(
      (await t.request('admin', { method: 'PATCH', url: `/api/users/${user.id}`, payload: { role: 'viewer', version: await version() } }))
        .statusCode,
    ).toBe(200);
    expectProblem(await as(token, 'POST', '/api/contacts', contact('بعد خفض الدور')), 403, 'FORBIDDEN');
    expect(
      (await t.request('admin', { method: 'PATCH', url: `/api/users/${user.id}`, payload: { active: false, version: await version() } }))
        .statusCode,
    ).toBe(200);
    expectProblem(await as(token, 'GET', '/api/contacts'), 401, 'UNAUTHORIZED');
  });
});
