import { sql } from 'kysely';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { openPostgres, type Database } from '../../server/src/db/database.js';
import { multipart, utf8 } from '../fixtures/imports/import-files.js';
import { expectProblem } from '../helpers/api-requests.js';
import { TEST_PASSWORD, createTestApp, type TestApp } from '../helpers/test-app.js';
import { TEST_DATABASE_URL, databaseUrlFor } from '../helpers/test-database-url.js';

/**
 * Two server instances, each with a connection pool of its own, on one PostgreSQL database, as behind a load balancer:
 * whatever one does, the other sees at once. (The embedded database serves one process only, so this runs on the real
 * server.)
 */
describe.runIf(TEST_DATABASE_URL)('two instances on one database', () => {
  let t: TestApp;
  let otherDatabase: Database;
  let other: FastifyInstance;
  const SECRET = 'test-secret-that-is-long-enough-0123456789';

  beforeAll(async () => {
    t = await createTestApp({ loginLimits: { perAddressAndEmail: 3 } });
    const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(t.database.db);
    otherDatabase = openPostgres(databaseUrlFor(rows[0].name), 2);
    // The same JWT secret, as every instance of one deployment has: a session from one is good on the other.
    other = await buildApp({ db: otherDatabase.db, jwtSecret: SECRET, loginLimits: { perAddressAndEmail: 3, perAddress: 1000 } });
    await other.ready();
  });
  afterAll(async () => {
    await other?.close();
    await otherDatabase?.close();
    await t?.close();
  });

  const as = (app: FastifyInstance, options: InjectOptions) =>
    app.inject({
      ...options,
      headers: { ...options.headers, authorization: `Bearer ${app.jwt.sign({ sub: t.users.staff.id, role: 'staff' })}` },
    });

  it('counts a login limit across both', async () => {
    const { user } = await t.addUser('viewer');
    const login = (app: FastifyInstance) =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'not the password' } });
    expect((await login(t.app)).statusCode).toBe(401);
    expect((await login(other)).statusCode).toBe(401);
    expect((await login(t.app)).statusCode).toBe(401);
    expectProblem(await login(other), 429, 'RATE_LIMITED');
    const right = await other.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    expectProblem(right, 429, 'RATE_LIMITED');
  });

  it('finds a contact created on one by searching on the other at once, even right after the same search found nothing', async () => {
    const search = () => as(other, { method: 'GET', url: `/api/search?q=${encodeURIComponent('قيصر الزبيدي')}` });
    expect((await search()).json().results).toEqual([]);
    const created = await as(t.app, {
      method: 'POST',
      url: '/api/contacts',
      payload: { kind: 'activist', name: 'قيصر جبار الزبيدي', governorates: ['IQ-BG'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const found = (await search()).json().results as { id: string }[];
    expect(found.map((r) => r.id)).toContain(created.json().id);
  });

  it('carries an import started on one through preview and commit on the other', async () => {
    const form = multipart('people.csv', utf8('الاسم,المحافظة\nنادية كريم,بغداد\nسامر فاضل,بغداد\n'));
    const uploaded = await as(t.app, { method: 'POST', url: '/api/imports', ...form, headers: form.headers });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const { id, guessedMapping } = uploaded.json() as { id: string; guessedMapping: string[] };

    const previewed = await as(other, { method: 'POST', url: `/api/imports/${id}/preview`, payload: { mapping: guessedMapping } });
    expect(previewed.statusCode, previewed.body).toBe(200);
    expect(previewed.json().counts.create).toBe(2);
    const committed = await as(t.app, { method: 'POST', url: `/api/imports/${id}/commit`, payload: {} });
    expect(committed.statusCode, committed.body).toBe(200);
    const read = await as(other, { method: 'GET', url: `/api/imports/${id}` });
    expect(read.json()).toMatchObject({ status: 'committed', progress: { processed: 2, total: 2 }, result: { created: 2 } });
  });
});
