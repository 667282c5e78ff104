import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { expectProblem } from '../helpers/api-requests.js';
import { TEST_PASSWORD, createTestApp, type TestApp } from '../helpers/test-app.js';

/** Sign-in limits beyond "per address and email" (auth.test.ts): across emails, across addresses, across instances. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginLimits: { perAddressAndEmail: 4, perAddress: 3, globalFailures: 5 } });
});
afterAll(() => t.close());

const login = (remoteAddress: string, email: string, password = 'a wrong password') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email, password } });

function expectRetryLater(res: Awaited<ReturnType<typeof login>>) {
  expectProblem(res, 429, 'RATE_LIMITED');
  const seconds = Number(res.headers['retry-after']);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(60);
}

describe('sign-in limits', () => {
  it('stops one address trying a different email each time', async () => {
    for (let i = 0; i < 3; i += 1) expect((await login('198.51.100.1', `guess${i}@example.org`)).statusCode).toBe(401);
    expectRetryLater(await login('198.51.100.1', 'guess-next@example.org'));
    // Even the right password of a real account is refused from there until the window closes…
    expectRetryLater(await login('198.51.100.1', t.users.viewer.email, TEST_PASSWORD));
  });

  it('backs off addresses that keep failing once failures pile up across addresses, but lets others in', async () => {
    // 3 failures from .1 so far; two more addresses fail once each and the threshold of 5 is reached.
    expect((await login('198.51.100.2', 'first-try@example.org')).statusCode).toBe(401);
    expect((await login('198.51.100.4', 'first-try@example.org')).statusCode).toBe(401);
    expectRetryLater(await login('198.51.100.2', 'second-try@example.org'));
    expectRetryLater(await login('198.51.100.4', t.users.staff.email, TEST_PASSWORD));
    const clean = await login('198.51.100.3', t.users.staff.email, TEST_PASSWORD);
    expect(clean.statusCode, clean.body).toBe(200);
  });

  it('counts one email’s attempts across two server instances on the same database', async () => {
    const second = await buildApp({
      db: t.database.db,
      jwtSecret: 'another-instance-secret-long-enough-0123456789',
      loginLimits: { perAddressAndEmail: 4, perAddress: 100, globalFailures: 1000 },
    });
    try {
      const email = t.users.coordinator.email;
      const on = (app: typeof second) =>
        app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '198.51.100.9', payload: { email, password: TEST_PASSWORD } });
      for (const app of [t.app, second, t.app, second]) expect((await on(app)).statusCode).toBe(200);
      expectRetryLater(await on(t.app));
      expectRetryLater(await on(second));
    } finally {
      await second.close();
    }
  });
});
