import { Secret, TOTP } from 'otpauth';
import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';

/** The code an authenticator app would show for this secret, `stepsAhead` periods from now (clock skew). */
export function totpCode(manualKey: string, stepsAhead = 0, now = Date.now()): string {
  const totp = new TOTP({ secret: Secret.fromBase32(manualKey), digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.generate({ timestamp: now + stepsAhead * 30_000 });
}

/** Turns two-step on for the account behind `token`; answers its secret, recovery codes and new session token. */
export async function enableTwoStep(t: { app: FastifyInstance }, token: string) {
  const headers = { authorization: `Bearer ${token}` };
  const setup = await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers });
  expect(setup.statusCode, setup.body).toBe(200);
  const { manualKey } = setup.json() as { manualKey: string };
  const confirm = await t.app.inject({ method: 'POST', url: '/api/auth/totp/confirm', headers, payload: { code: totpCode(manualKey) } });
  expect(confirm.statusCode, confirm.body).toBe(200);
  const body = confirm.json() as { recoveryCodes: string[]; token: string };
  return { manualKey, recoveryCodes: body.recoveryCodes, token: body.token };
}
