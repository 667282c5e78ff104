import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { multipart, utf8 } from '../fixtures/imports/import-files.js';
import { expectProblem } from '../helpers/api-requests.js';
import { TEST_PASSWORD, createTestApp, type TestApp } from '../helpers/test-app.js';

const SECRET = 'test-secret-that-is-long-enough-0123456789';
let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  const { user } = await t.addUser('staff');
  const res = await t.request(null, { method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
  cookie = `session=${res.cookies.find((c) => c.name === 'session')!.value}`;
});
afterAll(() => t.close());

describe('state-changing requests on the session cookie must come from the app itself', () => {
  const upload = (headers: Record<string, string>) => {
    const form = multipart('a.csv', utf8('Name\nزينب علي\n'));
    return t.app.inject({ method: 'POST', url: '/api/imports', ...form, headers: { ...form.headers, ...headers } });
  };

  it('refuses a cross-site upload (Sec-Fetch-Site) and a foreign Origin with 403 CROSS_SITE_REQUEST', async () => {
    expectProblem(await upload({ cookie, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }), 403, 'CROSS_SITE_REQUEST');
    expectProblem(await upload({ cookie, 'sec-fetch-site': 'same-site', origin: 'https://sub.localhost' }), 403, 'CROSS_SITE_REQUEST');
    expectProblem(await upload({ cookie, origin: 'https://evil.example' }), 403, 'CROSS_SITE_REQUEST');
    const contact = { kind: 'activist', name: 'اسم من موقع آخر', governorates: ['IQ-BG'] };
    expectProblem(
      await t.app.inject({ method: 'POST', url: '/api/contacts', payload: contact, headers: { cookie, origin: 'null' } }),
      403,
      'CROSS_SITE_REQUEST',
    );
  });

  it('accepts the same upload from the app’s own pages, and from scripts with a Bearer token', async () => {
    expect((await upload({ cookie, 'sec-fetch-site': 'same-origin', origin: 'http://localhost:80' })).statusCode).toBe(201);
    expect((await upload({ cookie, origin: 'http://localhost:80' })).statusCode).toBe(201);
    const token = cookie.slice('session='.length);
    expect(
      (await upload({ authorization: `Bearer ${token}`, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).statusCode,
    ).toBe(201);
  });

  it('leaves reads alone and also guards the sign-in form against login CSRF', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie, 'sec-fetch-site': 'cross-site' } })).statusCode,
    ).toBe(200);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'x@example.org', password: 'whatever-password' },
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expectProblem(res, 403, 'CROSS_SITE_REQUEST');
  });
});

describe('an unknown API path next to the web app', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const webRoot = mkdtempSync(path.join(tmpdir(), 'cd-web-'));
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><html><body>app</body></html>');
    app = await buildApp({ db: t.database.db, jwtSecret: SECRET, webRoot });
    await app.ready();
  });
  afterAll(() => app.close());

  it('answers 404 problem+json to a signed-in GET, while app pages still get index.html', async () => {
    for (const url of ['/api/no-such-thing', '/api/contacts/x/y/z', '/api']) {
      expectProblem(await app.inject({ method: 'GET', url, headers: { cookie } }), 404, 'NOT_FOUND');
    }
    const page = await app.inject({ method: 'GET', url: '/contacts/123', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });
});

describe('session cookies behind a TLS-terminating proxy', () => {
  const loginOn = async (options: { trustProxy?: boolean; publicUrl?: string }, headers: Record<string, string> = {}) => {
    const app = await buildApp({ db: t.database.db, jwtSecret: SECRET, ...options });
    const { user } = await t.addUser('viewer');
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
      headers,
    });
    await app.close();
    expect(res.statusCode, res.body).toBe(200);
    return res.cookies.find((c) => c.name === 'session')!;
  };

  it('is Secure when a trusted proxy says the request came over https', async () => {
    expect((await loginOn({ trustProxy: true }, { 'x-forwarded-proto': 'https' })).secure).toBe(true);
  });
  it('ignores X-Forwarded-Proto when no proxy is trusted', async () => {
    expect((await loginOn({}, { 'x-forwarded-proto': 'https' })).secure).toBeUndefined();
  });
  it('is always Secure when PUBLIC_URL is https', async () => {
    expect((await loginOn({ publicUrl: 'https://directory.example.org' })).secure).toBe(true);
  });
});
