import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Every API route either needs a session or is public by declaration. The routes come from the OpenAPI document, so a
 * new route that forgets authentication fails here without anyone having to list it.
 */

/** The routes that answer without a session; each also says `config: { public: true }` where it is defined. */
const PUBLIC_ROUTES = new Set([
  'GET /api/health',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  // The code step of sign-in: its challenge from the password step is the credential.
  'POST /api/auth/login/two-step',
  'GET /api/rsvp/{token}',
  'POST /api/rsvp/{token}',
  // The invitee's calendar file, opened from their reply link.
  'GET /api/rsvp/{token}/calendar.ics',
]);

let t: TestApp;
let routes: { method: string; path: string }[];
beforeAll(async () => {
  t = await createTestApp();
  const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path })),
  );
});
afterAll(() => t.close());

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
const fill = (path: string) => path.replace(/\{[^}]+\}/g, () => randomUUID());

describe('access coverage', () => {
  it('finds the API routes in the OpenAPI document, the public ones among them', () => {
    expect(routes.length).toBeGreaterThan(40);
    for (const route of PUBLIC_ROUTES) expect(routes.map(key)).toContain(route);
  });

  it('refuses every non-public route without credentials: 401 UNAUTHORIZED', async () => {
    const unguarded: string[] = [];
    for (const route of routes.filter((r) => !PUBLIC_ROUTES.has(key(r)))) {
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: fill(route.path),
        payload: route.method === 'GET' ? undefined : {},
      });
      if (res.statusCode !== 401 || res.json().code !== 'UNAUTHORIZED') unguarded.push(`${key(route)} -> ${res.statusCode}`);
    }
    expect(unguarded).toEqual([]);
  });

  it('answers the public routes without credentials', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    // Login is public: a wrong password is refused as a failed sign-in, not as a missing session.
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@test.example.org', password: 'wrong password' },
    });
    expect(login.statusCode).not.toBe(403);
    expect(login.statusCode).toBeLessThan(500);
  });
});
