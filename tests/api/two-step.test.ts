import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor, expectProblem, type Json } from '../helpers/api-requests.js';
import { enableTwoStep, totpCode } from '../helpers/two-step.js';
import type { Role } from '../../server/src/domain/roles.js';

/**
 * Two-step sign-in (issue 12, item 6): a TOTP app (RFC 6238) after the password, recovery codes that work once,
 * guessing stopped after 5 tries, and an administrator who can require it for admins and coordinators. Codes are
 * computed here from the secret, as the phone app would.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const as = (token: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: Json) =>
  t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
const password = (email: string, pass = TEST_PASSWORD) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: pass } });
const secondStep = (payload: Json) => t.app.inject({ method: 'POST', url: '/api/auth/login/two-step', payload });

async function signedIn(role: Role = 'staff') {
  const { user } = await t.addUser(role);
  const res = await password(user.email);
  expect(res.statusCode, res.body).toBe(200);
  return { user, token: res.json().token as string };
}

async function challengeFor(email: string): Promise<string> {
  const res = await password(email);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toEqual({ twoStep: true, challenge: expect.any(String), expiresInSeconds: 300 });
  expect(res.headers['set-cookie']).toBeUndefined();
  return res.json().challenge;
}

describe('setting up two-step sign-in', () => {
  it('is pending until a real code confirms it, keeps the secret encrypted, and answers 10 hashed recovery codes once', async () => {
    const { user, token } = await signedIn();
    expect((await as(token, 'GET', '/api/auth/totp')).json()).toMatchObject({ enabled: false, pending: false, required: false });

    const setup = await as(token, 'POST', '/api/auth/totp/setup');
    expect(setup.statusCode, setup.body).toBe(200);
    const { otpauthUri, qrDataUrl, manualKey } = setup.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.+secret=[A-Z2-7]+/);
    expect(otpauthUri).toContain(encodeURIComponent(user.email));
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await as(token, 'GET', '/api/auth/totp')).json()).toMatchObject({ enabled: false, pending: true });
    const stored = await t.database.db.selectFrom('user_totp').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(stored.secret_encrypted).not.toContain(manualKey);
    expect(stored.enabled_at).toBeNull();

    expectProblem(await as(token, 'POST', '/api/auth/totp/confirm', { code: totpCode(manualKey, 5) }), 400, 'TWO_STEP_CODE_WRONG');
    // Still off: signing in asks for no code yet.
    expect((await password(user.email)).json()).toHaveProperty('token');

    const confirm = await as(token, 'POST', '/api/auth/totp/confirm', { code: totpCode(manualKey) });
    expect(confirm.statusCode, confirm.body).toBe(200);
    const { recoveryCodes, token: fresh } = confirm.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
    const hashes = await t.database.db.selectFrom('user_recovery_code').select('code_hash').where('user_id', '=', user.id).execute();
    expect(hashes).toHaveLength(10);
    const hashText = JSON.stringify(hashes);
    for (const code of recoveryCodes) expect(hashText).not.toContain(code.replace('-', ''));

    // Sessions opened with the password alone end; this device carries on with the new token.
    expectProblem(await as(token, 'GET', '/api/auth/me'), 401, 'UNAUTHORIZED');
    expect((await as(fresh, 'GET', '/api/auth/totp')).json()).toMatchObject({ enabled: true, pending: false, recoveryCodesLeft: 10 });
    expectProblem(await as(fresh, 'POST', '/api/auth/totp/setup'), 409, 'TWO_STEP_ALREADY_ENABLED');
    expect(JSON.stringify((await as(fresh, 'GET', '/api/auth/totp')).json())).not.toContain(manualKey);
    const audit = await auditFor(t, user.id);
    expect(audit.some((a) => (a.changed_fields as string[]).includes('two_step') && JSON.stringify(a.details).includes('enabled'))).toBe(
      true,
    );
  });

  it('turns off only with the password, and not while required for the role', async () => {
    const { user, token } = await signedIn();
    const { token: fresh } = await enableTwoStep(t, token);
    expectProblem(await as(fresh, 'POST', '/api/auth/totp/disable', { password: 'not my password' }), 400, 'CURRENT_PASSWORD_WRONG');
    const off = await as(fresh, 'POST', '/api/auth/totp/disable', { password: TEST_PASSWORD });
    expect(off.statusCode, off.body).toBe(204);
    expect(await t.database.db.selectFrom('user_recovery_code').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
    expect((await password(user.email)).json()).toHaveProperty('token');
    const audit = await auditFor(t, user.id);
    expect(audit.some((a) => JSON.stringify(a.details).includes('disabled'))).toBe(true);
  });
});

describe('signing in with two steps', () => {
  it('gives no session at the password step, then signs in with a code within one step of clock skew, once', async () => {
    const { user, token } = await signedIn('coordinator');
    const { manualKey } = await enableTwoStep(t, token);
    const loginsBefore = (await auditFor(t, user.id)).filter((a) => a.action === 'login').length;
    const challenge = await challengeFor(user.email);
    // The right password without the code is not a sign-in: nothing is recorded as one.
    expect((await auditFor(t, user.id)).filter((a) => a.action === 'login')).toHaveLength(loginsBefore);

    // The challenge is not a session token.
    expectProblem(await as(challenge, 'GET', '/api/auth/me'), 401, 'UNAUTHORIZED');
    expectProblem(await secondStep({ challenge, code: totpCode(manualKey, 3) }), 400, 'TWO_STEP_CODE_WRONG');
    expectProblem(
      await secondStep({ challenge: challenge.slice(0, -2) + 'xx', code: totpCode(manualKey, 1) }),
      401,
      'TWO_STEP_CHALLENGE_INVALID',
    );
    expectProblem(await secondStep({ challenge }), 400, 'VALIDATION_FAILED');

    const code = totpCode(manualKey, 1);
    const res = await secondStep({ challenge, code });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ user: { id: user.id }, twoStepSetupRequired: false });
    expect(res.cookies.find((c) => c.name === 'session')?.value).toBe(res.json().token);
    expect((await as(res.json().token, 'GET', '/api/contacts')).statusCode).toBe(200);

    // The same code again, even with a new challenge, is a replay.
    expectProblem(await secondStep({ challenge: await challengeFor(user.email), code }), 400, 'TWO_STEP_CODE_WRONG');
    const logins = (await auditFor(t, user.id)).filter((a) => a.action === 'login').slice(loginsBefore);
    expect(logins).toHaveLength(1);
    expect(logins[0].details).toMatchObject({ step: 'two-step', method: 'totp' });
    expect(logins[0].address).toBe('127.0.0.1');
  });

  it('accepts each recovery code once, and says how many are left', async () => {
    const { user, token } = await signedIn();
    const { recoveryCodes, token: fresh } = await enableTwoStep(t, token);
    const res = await secondStep({ challenge: await challengeFor(user.email), recoveryCode: recoveryCodes[3].toUpperCase() });
    expect(res.statusCode, res.body).toBe(200);
    expectProblem(
      await secondStep({ challenge: await challengeFor(user.email), recoveryCode: recoveryCodes[3] }),
      400,
      'RECOVERY_CODE_WRONG',
    );
    expectProblem(await secondStep({ challenge: await challengeFor(user.email), recoveryCode: 'aaaaa-bbbbb' }), 400, 'RECOVERY_CODE_WRONG');
    expect((await as(fresh, 'GET', '/api/auth/totp')).json().recoveryCodesLeft).toBe(9);
    const used = (await auditFor(t, user.id)).find((a) => JSON.stringify(a.details).includes('recovery_code'));
    expect(used?.details).toMatchObject({ method: 'recovery_code', recoveryCodesLeft: 9 });
  });

  it('renews the recovery codes with a fresh code from the app: the old ones stop working, the new ones work once', async () => {
    const { user, token } = await signedIn();
    expectProblem(await as(token, 'POST', '/api/auth/totp/recovery-codes', { code: '123456' }), 409, 'TWO_STEP_NOT_SET_UP');
    const { manualKey, recoveryCodes: old, token: fresh } = await enableTwoStep(t, token);
    // The code that turned two-step on was used: the same step again is a replay.
    expectProblem(await as(fresh, 'POST', '/api/auth/totp/recovery-codes', { code: totpCode(manualKey) }), 400, 'TWO_STEP_CODE_WRONG');
    const renewed = await as(fresh, 'POST', '/api/auth/totp/recovery-codes', { code: totpCode(manualKey, 1) });
    expect(renewed.statusCode, renewed.body).toBe(200);
    const codes = renewed.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(codes.some((c) => old.includes(c))).toBe(false);
    expectProblem(await secondStep({ challenge: await challengeFor(user.email), recoveryCode: old[0] }), 400, 'RECOVERY_CODE_WRONG');
    expect((await secondStep({ challenge: await challengeFor(user.email), recoveryCode: codes[0] })).statusCode).toBe(200);
    expect((await as(fresh, 'GET', '/api/auth/totp')).json().recoveryCodesLeft).toBe(9);
    expect((await auditFor(t, user.id)).some((a) => JSON.stringify(a.details).includes('recovery_codes_renewed'))).toBe(true);
  });

  it('stops guessing after 5 tries in 5 minutes, whatever the challenge, even for the right code', async () => {
    const { user, token } = await signedIn();
    const { manualKey } = await enableTwoStep(t, token);
    for (let i = 0; i < 5; i += 1) {
      expectProblem(
        await secondStep({ challenge: await challengeFor(user.email), code: '000000' === totpCode(manualKey) ? '111111' : '000000' }),
        400,
        'TWO_STEP_CODE_WRONG',
      );
    }
    const blocked = await secondStep({ challenge: await challengeFor(user.email), code: totpCode(manualKey, 1) });
    expectProblem(blocked, 429, 'RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('voids a pending challenge when the password changes in between', async () => {
    const { user, token } = await signedIn();
    const { manualKey, token: fresh } = await enableTwoStep(t, token);
    const challenge = await challengeFor(user.email);
    expect(
      (await as(fresh, 'POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'نخلة على شط العرب 2026' })).statusCode,
    ).toBe(200);
    expectProblem(await secondStep({ challenge, code: totpCode(manualKey, 1) }), 401, 'TWO_STEP_CHALLENGE_INVALID');
  });
});

describe('two-step required for admins and coordinators', () => {
  it('is an admin switch that the admin must first use personally', async () => {
    const { token: staff } = await signedIn('staff');
    const { token: admin } = await signedIn('admin');
    const policy = (await as(admin, 'GET', '/api/settings/two-step')).json();
    expect(policy).toMatchObject({ requiredForAdminsAndCoordinators: false, version: 0 });
    expectProblem(
      await as(staff, 'PUT', '/api/settings/two-step', { requiredForAdminsAndCoordinators: true, version: 0 }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await as(admin, 'PUT', '/api/settings/two-step', { requiredForAdminsAndCoordinators: true, version: 0 }),
      409,
      'TWO_STEP_SET_UP_FIRST',
    );
  });

  it('limits a coordinator without two-step to setting it up, then lets them in; staff are not affected', async () => {
    const { token: adminToken } = await signedIn('admin');
    const { token: admin } = await enableTwoStep(t, adminToken);
    const current = (await as(admin, 'GET', '/api/settings/two-step')).json();
    const on = await as(admin, 'PUT', '/api/settings/two-step', { requiredForAdminsAndCoordinators: true, version: current.version });
    expect(on.statusCode, on.body).toBe(200);
    expectProblem(
      await as(admin, 'PUT', '/api/settings/two-step', { requiredForAdminsAndCoordinators: true, version: current.version }),
      409,
      'CONFLICT',
    );

    try {
      const { user: coordinator } = await t.addUser('coordinator');
      const signIn = await password(coordinator.email);
      expect(signIn.json().twoStepSetupRequired).toBe(true);
      const limited = signIn.json().token as string;
      expectProblem(await as(limited, 'GET', '/api/contacts'), 403, 'TWO_STEP_SETUP_REQUIRED');
      expect((await as(limited, 'GET', '/api/auth/me')).statusCode).toBe(200);
      expect((await as(limited, 'GET', '/api/auth/totp')).json()).toMatchObject({ enabled: false, required: true });
      const { token: full } = await enableTwoStep(t, limited);
      expect((await as(full, 'GET', '/api/contacts')).statusCode).toBe(200);
      expectProblem(await as(full, 'POST', '/api/auth/totp/disable', { password: TEST_PASSWORD }), 403, 'TWO_STEP_REQUIRED');

      const { token: staff } = await signedIn('staff');
      expect((await as(staff, 'GET', '/api/contacts')).statusCode).toBe(200);
      expect((await as(staff, 'GET', '/api/auth/totp')).json().required).toBe(false);
    } finally {
      const now = (await as(admin, 'GET', '/api/settings/two-step')).json();
      const off = await as(admin, 'PUT', '/api/settings/two-step', { requiredForAdminsAndCoordinators: false, version: now.version });
      expect(off.statusCode, off.body).toBe(200);
    }
  });

  it('lets an admin reset the two-step of someone who lost their phone; their sessions end', async () => {
    const { user, token } = await signedIn('staff');
    const { token: fresh } = await enableTwoStep(t, token);
    const { token: adminToken } = await signedIn('admin');
    expect((await as(adminToken, 'GET', '/api/users/two-step')).json().userIds).toContain(user.id);
    expectProblem(await as(fresh, 'GET', '/api/users/two-step'), 403, 'FORBIDDEN');
    expectProblem(await as(fresh, 'DELETE', `/api/users/${user.id}/two-step`), 403, 'FORBIDDEN');
    expect((await as(adminToken, 'DELETE', `/api/users/${user.id}/two-step`)).statusCode).toBe(204);
    expectProblem(await as(fresh, 'GET', '/api/auth/me'), 401, 'UNAUTHORIZED');
    expect((await password(user.email)).json()).toHaveProperty('token');
    expect((await as(adminToken, 'GET', '/api/users/two-step')).json().userIds).not.toContain(user.id);
    expectProblem(await as(adminToken, 'DELETE', `/api/users/${user.id}/two-step`), 409, 'TWO_STEP_NOT_SET_UP');
  });
});
