import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor, expectProblem, type Json } from '../helpers/api-requests.js';
import { passwordProblems } from '../../server/src/domain/password-policy.js';

/**
 * Accounts (issue 12, item 6): users change their own password, and a new password, a lost role or governorate, a
 * deactivation or "sign out everywhere" ends the account's existing sessions at once — a stolen laptop's session
 * stops working the moment its owner acts, not twelve hours later.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const NEW_PASSWORD = 'نخلة على شط العرب 2026';

async function signedIn(role: 'staff' | 'coordinator' = 'staff', governorates?: string[]) {
  const { user } = await t.addUser(role, governorates);
  const res = await t.request(null, { method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  return { user, token: res.json().token as string };
}

const as = (token: string, method: 'GET' | 'POST', url: string, payload?: Json) =>
  t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
const me = (token: string) => as(token, 'GET', '/api/auth/me');
const changePassword = (token: string, currentPassword: string, newPassword: string) =>
  as(token, 'POST', '/api/auth/password', { currentPassword, newPassword });

async function patchUser(userId: string, changes: Json) {
  const current = (await t.request('admin', { method: 'GET', url: '/api/users' })).json().items.find((u: Json) => u.id === userId);
  const res = await t.request('admin', { method: 'PATCH', url: `/api/users/${userId}`, payload: { version: current.version, ...changes } });
  expect(res.statusCode, res.body).toBe(200);
}

describe('changing your own password', () => {
  it('needs the current password, ends the other sessions, keeps this one with a new token, and is audited', async () => {
    const { user, token: laptop } = await signedIn();
    const phone = (
      await t.request(null, { method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } })
    ).json().token;
    const res = await changePassword(laptop, TEST_PASSWORD, NEW_PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/^session=/);
    const fresh = res.json().token as string;
    expect((await me(fresh)).statusCode).toBe(200);
    expectProblem(await me(laptop), 401, 'UNAUTHORIZED');
    expectProblem(await me(phone), 401, 'UNAUTHORIZED');
    expect((await me(phone)).json().detail).toMatch(/session was ended/);
    const login = (password: string) =>
      t.request(null, { method: 'POST', url: '/api/auth/login', payload: { email: user.email, password } });
    expectProblem(await login(TEST_PASSWORD), 401, 'INVALID_CREDENTIALS');
    expect((await login(NEW_PASSWORD)).statusCode).toBe(200);
    const audit = await auditFor(t, user.id);
    expect(audit.some((a) => a.action === 'update' && (a.changed_fields as string[]).includes('password'))).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
  });

  it('refuses a wrong current password without changing anything, and stops guessing after 5 tries', async () => {
    const { user, token } = await signedIn();
    for (let i = 0; i < 5; i++)
      expectProblem(await changePassword(token, `wrong password ${i}`, NEW_PASSWORD), 400, 'CURRENT_PASSWORD_WRONG');
    const limited = await changePassword(token, TEST_PASSWORD, NEW_PASSWORD);
    expectProblem(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await me(token)).statusCode).toBe(200);
    const login = await t.request(null, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
  });

  it('refuses weak new passwords with the reasons, at the field', async () => {
    const { user, token } = await signedIn();
    const reasons = async (password: string) => {
      const res = await changePassword(token, TEST_PASSWORD, password);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      return (res.json().errors as Json[]).map((e) => `${e.field}:${e.code}`);
    };
    expect(await reasons('short')).toEqual(['newPassword:too_short']);
    expect(await reasons('Password123')).toEqual(['newPassword:too_common']);
    expect(await reasons('aaaaaaaaaaaa')).toEqual(['newPassword:too_simple']);
    expect(await reasons(`${user.email.split('@')[0]}-secret`)).toEqual(['newPassword:contains_identity']);
    expect(await reasons(TEST_PASSWORD)).toEqual(['newPassword:same_as_current']);
    expect((await me(token)).statusCode).toBe(200);
  });
});

describe('sessions end when access shrinks', () => {
  it('ends every session on "sign out everywhere"', async () => {
    const { token } = await signedIn();
    const res = await as(token, 'POST', '/api/auth/sign-out-everywhere');
    expect(res.statusCode, res.body).toBe(204);
    expectProblem(await me(token), 401, 'UNAUTHORIZED');
  });

  it('ends sessions when an admin changes the role, the governorates or the password, or deactivates', async () => {
    for (const change of [{ role: 'viewer' }, { governorates: ['IQ-BA'] }, { password: 'another long passphrase 77' }, { active: false }]) {
      const { user, token } = await signedIn();
      await patchUser(user.id, change);
      expectProblem(await me(token), 401, 'UNAUTHORIZED');
    }
  });

  it('keeps sessions when an admin only renames the account', async () => {
    const { user, token } = await signedIn();
    await patchUser(user.id, { name: 'اسم جديد للحساب' });
    expect((await me(token)).statusCode).toBe(200);
  });

  it('accepts tokens issued before session versions existed while the account is unchanged', async () => {
    const { user } = await t.addUser('staff');
    const legacy = t.app.jwt.sign({ sub: user.id, role: 'staff' });
    expect((await me(legacy)).statusCode).toBe(200);
    await as(legacy, 'POST', '/api/auth/sign-out-everywhere');
    expectProblem(await me(legacy), 401, 'UNAUTHORIZED');
  });
});

describe('password policy', () => {
  const account = { email: 'zainab.ali@example.org', name: 'Zainab Ali' };
  it('accepts a long passphrase in Arabic or English', () => {
    expect(passwordProblems('نخلة على شط العرب 2026', account)).toEqual([]);
    expect(passwordProblems('river palms at dawn', account)).toEqual([]);
  });
  it('names every problem', () => {
    expect(passwordProblems('1234567890', account)).toEqual(['too_common']);
    expect(passwordProblems('9876543', account)).toEqual(['too_short', 'too_simple']);
    expect(passwordProblems('zainab-is-great', account)).toEqual(['contains_identity']);
    expect(passwordProblems('qwertyuiop', account)).toEqual(['too_common']);
    expect(passwordProblems('ababababab', account)).toEqual(['too_simple']);
  });
});
