import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { openPostgres } from '../../server/src/db/database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { TEST_DATABASE_URL } from '../helpers/test-database-url.js';

/**
 * The server must outlive its database connections: PostgreSQL restarting, a failover or an operator's
 * pg_terminate_backend drops every connection, in the middle of requests. Before the fix an error on a checked-out
 * client had no listener and the process died (vitest reports it as an unhandled error).
 */
describe.runIf(TEST_DATABASE_URL)('connections terminated by the server mid-request', () => {
  let t: TestApp;
  let admin: pg.Client;
  let databaseName: string;

  beforeAll(async () => {
    t = await createTestApp();
    const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(t.database.db);
    databaseName = rows[0].name;
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL! });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await t?.close();
  });

  const terminateBackends = async () => {
    const { rowCount } = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [databaseName],
    );
    return rowCount ?? 0;
  };

  const createContact = (i: number) =>
    t.request('staff', {
      method: 'POST',
      url: '/api/contacts',
      payload: { kind: 'activist', name: `ناشط اختبار ${i}`, governorates: ['IQ-BG'], phones: [`0770 111 ${String(i).padStart(4, '0')}`] },
    });

  it('keeps serving: writes and reads answer 2xx or 503 DATABASE_UNAVAILABLE, never 500, and every acknowledged write is saved', async () => {
    const responses: { statusCode: number; code?: string; id?: string }[] = [];
    let terminated = 0;
    for (let wave = 0; wave < 6; wave += 1) {
      const requests = Array.from({ length: 16 }, (_, i) =>
        (i % 2 === 0 ? createContact(wave * 100 + i) : t.request('viewer', { method: 'GET', url: '/api/contacts?limit=5' })).then((res) => {
          const body = res.json() as { id?: string; code?: string };
          responses.push({ statusCode: res.statusCode, code: body.code, id: res.statusCode === 201 ? body.id : undefined });
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 5 + wave * 3));
      terminated += await terminateBackends();
      await Promise.all(requests);
    }

    expect(terminated).toBeGreaterThan(0);
    expect(responses).toHaveLength(96);
    for (const r of responses) {
      expect([200, 201, 503]).toContain(r.statusCode);
      if (r.statusCode === 503) expect(r.code).toBe('DATABASE_UNAVAILABLE');
    }
    // The one retry on a fresh connection absorbs a termination: most requests succeed outright.
    expect(responses.filter((r) => r.statusCode < 300).length).toBeGreaterThan(responses.length / 2);

    for (let i = 0; i < 5; i += 1) {
      expect((await t.request('viewer', { method: 'GET', url: '/api/contacts?limit=5' })).statusCode).toBe(200);
    }
    for (const { id } of responses.filter((r) => r.id)) {
      expect((await t.request('viewer', { method: 'GET', url: `/api/contacts/${id}` })).statusCode).toBe(200);
    }
  });

  it('recovers by itself right after every connection was dropped while idle', async () => {
    expect((await t.request('viewer', { method: 'GET', url: '/api/contacts?limit=1' })).statusCode).toBe(200);
    expect(await terminateBackends()).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await t.request('viewer', { method: 'GET', url: '/api/contacts?limit=1' })).statusCode).toBe(200);
    expect((await createContact(9999)).statusCode).toBe(201);
  });
});

describe('database unreachable', () => {
  // Nothing listens on port 1: every connection attempt is refused, as while PostgreSQL is down.
  const database = openPostgres('postgres://nobody@127.0.0.1:1/none', 2);
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    app = await buildApp({ db: database.db, jwtSecret: 'test-secret-that-is-long-enough-0123456789' });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const cases: [string, { method: 'GET' | 'POST'; url: string; payload?: object; bearer?: boolean }][] = [
    ['a signed-in read', { method: 'GET', url: '/api/contacts', bearer: true }],
    ['a sign-in', { method: 'POST', url: '/api/auth/login', payload: { email: 'a@example.org', password: 'whatever-password' } }],
    ['the health check', { method: 'GET', url: '/api/health' }],
  ];
  it.each(cases)('%s answers 503 DATABASE_UNAVAILABLE with Retry-After', async (_label, { bearer, ...request }) => {
    const headers = bearer
      ? { authorization: `Bearer ${app.jwt.sign({ sub: '00000000-0000-4000-8000-000000000000', role: 'admin' })}` }
      : {};
    const res = await app.inject({ ...request, headers });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    expect(res.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
  });
});
