import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/src/domain/roles.js';
import { TEST_PASSWORD, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (email: string, password: string) =>
  t.request(null, { method: 'POST', url: '/api/auth/login', payload: { email, password } });

const me = (token: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ type: 'about:blank', status, code });
}

const loginRows = (userId: string) =>
  t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'login').where('entity_id', '=', userId).execute();

/** Each test signs in as an account of its own, so the per-email login limit never trips by accident. */
const freshUser = (role: Role = 'staff', governorates?: string[]) => t.addUser(role, governorates);

async function deactivate(userId: string) {
  const current = await t.database.db.selectFrom('app_user').select('version').where('id', '=', userId).executeTakeFirstOrThrow();
  const res = await t.request('admin', {
    method: 'PATCH',
    url: `/api/users/${userId}`,
    payload: { version: current.version, active: false },
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe('POST /api/auth/login', () => {
  it('answers a token and the user, and sets an httpOnly SameSite=Strict session cookie', async () => {
    const { user } = await freshUser('coordinator');
    const res = await login(user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['token', 'twoStepSetupRequired', 'user']);
    expect(body.twoStepSetupRequired).toBe(false);
    expect(body.user).toEqual(user);
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    const cookie = res.cookies.find((c) => c.name === 'session');
    expect(cookie).toBeDefined();
    expect(cookie!.value).toBe(body.token);
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite).toBe('Strict');
    expect(cookie!.path).toBe('/');
    expect(cookie!.maxAge).toBeGreaterThan(0);

    const bearer = await me(body.token);
    expect(bearer.statusCode).toBe(200);
    expect(bearer.json()).toEqual({ user });
  });

  it('lets the session cookie alone authenticate GET /api/auth/me', async () => {
    const { user } = await freshUser('viewer');
    const res = await login(user.email, TEST_PASSWORD);
    const cookie = res.cookies.find((c) => c.name === 'session')!;
    const viaCookie = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { session: cookie.value } });
    expect(viaCookie.statusCode).toBe(200);
    expect(viaCookie.json().user).toMatchObject({ id: user.id, email: user.email, role: 'viewer' });
  });

  it('accepts the email in another case and with surrounding spaces', async () => {
    const { user } = await freshUser();
    const res = await login(`  ${user.email.toUpperCase()} `, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.id).toBe(user.id);
  });

  it('writes a login audit row and stamps last_login_at', async () => {
    const { user } = await freshUser();
    expect(await loginRows(user.id)).toEqual([]);
    expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
    const rows = await loginRows(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user_id: user.id, entity_type: 'user', entity_id: user.id, changed_fields: [] });
    const stored = await t.database.db.selectFrom('app_user').select('last_login_at').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(stored.last_login_at).toBeInstanceOf(Date);
  });

  it('answers the same 401 INVALID_CREDENTIALS for a wrong password and an unknown email', async () => {
    const { user } = await freshUser();
    const wrong = await login(user.email, 'not the password at all');
    const unknown = await login(`nobody-${randomUUID()}@test.example.org`, TEST_PASSWORD);
    expectProblem(wrong, 401, 'INVALID_CREDENTIALS');
    expectProblem(unknown, 401, 'INVALID_CREDENTIALS');
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.headers['content-type']).toBe(wrong.headers['content-type']);
    expect(wrong.cookies.find((c) => c.name === 'session')).toBeUndefined();
    expect(await loginRows(user.id)).toEqual([]);
  });

  it('refuses an inactive account with the same answer as a wrong password', async () => {
    const { user } = await freshUser();
    await deactivate(user.id);
    const res = await login(user.email, TEST_PASSWORD);
    expectProblem(res, 401, 'INVALID_CREDENTIALS');
    const wrong = await login(user.email, 'wrong password here');
    expect(res.json()).toEqual(wrong.json());
    expect(res.json()).not.toHaveProperty('token');
    expect(await loginRows(user.id)).toEqual([]);
  });

  it.each([
    ['a missing password', { email: 'someone@test.example.org' }, 'password'],
    ['a missing email', { password: TEST_PASSWORD }, 'email'],
    ['an empty password', { email: 'someone@test.example.org', password: '' }, 'password'],
    ['an unknown field', { email: 'someone@test.example.org', password: TEST_PASSWORD, remember: true }, 'remember'],
  ])('refuses %s with 400 naming the field', async (_label, payload, field) => {
    const res = await t.request(null, { method: 'POST', url: '/api/auth/login', payload });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers the 11th attempt for one email within a minute with 429 RATE_LIMITED, even with the right password', async () => {
    const { user } = await freshUser();
    for (let i = 1; i <= 10; i += 1) {
      const res = await login(user.email, `wrong password ${i}`);
      expect(res.statusCode, `attempt ${i}`).toBe(401);
    }
    const eleventh = await login(user.email, TEST_PASSWORD);
    expectProblem(eleventh, 429, 'RATE_LIMITED');
    expect(eleventh.json().title).toBe('Too many requests');
    expect(eleventh.json()).not.toHaveProperty('token');
    expect(await loginRows(user.id)).toEqual([]);
  });

  it('keeps counting per email: another account from the same address can still sign in', async () => {
    const { user } = await freshUser();
    const res = await login(user.email, TEST_PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('a lower login limit', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await createTestApp({ loginLimits: { perAddressAndEmail: 3 } });
  });
  afterAll(() => limited.close());

  it('applies the configured limit', async () => {
    const attempt = () =>
      limited.request(null, { method: 'POST', url: '/api/auth/login', payload: { email: limited.users.staff.email, password: 'nope' } });
    for (let i = 0; i < 3; i += 1) expect((await attempt()).statusCode).toBe(401);
    expectProblem(await attempt(), 429, 'RATE_LIMITED');
  });
});

describe('POST /api/auth/logout', () => {
  it('answers 204 and clears the session cookie', async () => {
    const { user } = await freshUser();
    const session = (await login(user.email, TEST_PASSWORD)).cookies.find((c) => c.name === 'session')!;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { session: session.value } });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    const cleared = res.cookies.find((c) => c.name === 'session');
    expect(cleared).toBeDefined();
    expect(cleared!.value).toBe('');
    expect(cleared!.path).toBe('/');
    const expired = cleared!.maxAge === 0 || (cleared!.expires !== undefined && cleared!.expires.getTime() <= Date.parse('1971-01-01'));
    expect(expired).toBe(true);
  });

  it('answers 204 without a session too', async () => {
    expect((await t.request(null, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
  });
});

describe('GET /api/auth/me', () => {
  it('answers the signed-in user', async () => {
    const res = await t.request('staff', { method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: t.users.staff });
  });

  it('answers 401 UNAUTHORIZED without a session', async () => {
    expectProblem(await t.request(null, { method: 'GET', url: '/api/auth/me' }), 401, 'UNAUTHORIZED');
  });

  const send = (options: InjectOptions) => t.app.inject({ method: 'GET', url: '/api/auth/me', ...options });

  it.each([
    ['a garbage bearer token', { headers: { authorization: 'Bearer not.a.jwt' } }],
    ['a garbage cookie', { cookies: { session: 'garbage' } }],
    ['an empty bearer', { headers: { authorization: 'Bearer ' } }],
    ['a Basic header', { headers: { authorization: 'Basic YWRtaW46cGFzc3dvcmQ=' } }],
  ])('answers 401 UNAUTHORIZED for %s', async (_label, options) => {
    expectProblem(await send(options), 401, 'UNAUTHORIZED');
  });

  it('answers 401 for a token whose payload was altered', async () => {
    const [header, , signature] = t.app.jwt.sign({ sub: t.users.viewer.id, role: 'viewer' }).split('.');
    const forged = Buffer.from(JSON.stringify({ sub: t.users.admin.id, role: 'admin' })).toString('base64url');
    expectProblem(await me(`${header}.${forged}.${signature}`), 401, 'UNAUTHORIZED');
  });

  it('answers 401 for an expired token', async () => {
    const longAgo = Math.floor(Date.now() / 1000) - 2 * 24 * 60 * 60;
    const token = t.app.jwt.sign({ sub: t.users.staff.id, role: 'staff', iat: longAgo } as { sub: string; role: Role });
    expectProblem(await me(token), 401, 'UNAUTHORIZED');
  });

  it.each([
    ['an account that does not exist', randomUUID()],
    ['a subject that is not a uuid', 'admin'],
  ])('answers 401 for a valid signature on %s', async (_label, sub) => {
    expectProblem(await me(t.app.jwt.sign({ sub, role: 'admin' })), 401, 'UNAUTHORIZED');
  });

  it("answers 401 to a deactivated user's existing token, at once", async () => {
    const { user } = await freshUser('coordinator');
    const token = (await login(user.email, TEST_PASSWORD)).json().token as string;
    expect((await me(token)).statusCode).toBe(200);
    await deactivate(user.id);
    expectProblem(await me(token), 401, 'UNAUTHORIZED');
    const listed = await t.app.inject({ method: 'GET', url: '/api/contacts', headers: { authorization: `Bearer ${token}` } });
    expectProblem(listed, 401, 'UNAUTHORIZED');
  });
});
