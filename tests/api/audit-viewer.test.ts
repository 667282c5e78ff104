import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/src/domain/roles.js';
import { needsALook } from '../../server/src/modules/audit/audit-viewer.service.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, type Json } from '../helpers/api-requests.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const as = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
const get = (role: Role, url: string) => t.request(role, { method: 'GET', url });
const login = (email: string, password: string) =>
  t.request(null, { method: 'POST', url: '/api/auth/login', payload: { email, password } });
const auditPage = async (role: Role, query: string): Promise<Json> => {
  const res = await get(role, `/api/audit?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const restrictedContact = (name: string, governorates: string[]) =>
  created(t, '/api/contacts', { kind: 'activist', name, governorates, sensitivity: 'restricted', phones: ['07701234567'] }, 'admin');

/** Rows written straight into the log, for thresholds and paging (INSERT is the one statement the log accepts). */
async function insertRows(
  rows: {
    at?: string;
    userId?: string | null;
    action: string;
    entityType: string;
    entityId?: string | null;
    details?: Json;
    address?: string;
  }[],
) {
  await t.database.db
    .insertInto('audit_log')
    .values(
      rows.map((r) => ({
        ...(r.at ? { at: r.at } : {}),
        user_id: r.userId ?? null,
        action: r.action,
        entity_type: r.entityType,
        entity_id: r.entityId ?? null,
        details: r.details ? JSON.stringify(r.details) : null,
        address: r.address ?? null,
      })),
    )
    .execute();
}

describe('who may read the audit log', () => {
  it('refuses staff and viewers with 403 on every audit route', async () => {
    const contact = await restrictedContact('لا يقرأ سجله', ['IQ-BG']);
    for (const role of ['staff', 'viewer'] as const) {
      expectProblem(await get(role, '/api/audit'), 403, 'FORBIDDEN');
      expectProblem(await get(role, '/api/audit/needs-a-look'), 403, 'FORBIDDEN');
      expectProblem(await get(role, `/api/contacts/${contact.id}/access-log`), 403, 'FORBIDDEN');
    }
  });

  it('offers no route that writes to the log', async () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const auditPaths = Object.entries(doc.paths).filter(([path]) => path.startsWith('/api/audit') || path.endsWith('/access-log'));
    expect(auditPaths.length).toBe(3);
    for (const [, methods] of auditPaths) expect(Object.keys(methods)).toEqual(['get']);
    const res = await t.request('admin', { method: 'DELETE', url: '/api/audit' });
    expect(res.statusCode).toBe(404);
  });
});

describe('sign-ins in the log', () => {
  it('records a failed sign-in under the account, with the address and without the password', async () => {
    const { user } = await t.addUser('staff');
    expect((await login(user.email, 'wrong password here')).statusCode).toBe(401);
    const page = await auditPage('admin', `entityId=${user.id}&action=failed_sign_in`);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      action: 'login_failed',
      user: null,
      entity: { type: 'user', id: user.id, label: user.name },
      address: '127.0.0.1',
    });
    expect(JSON.stringify(page.items[0])).not.toContain('wrong password');
  });

  it('keeps nothing of the typed email when no account has it', async () => {
    const email = `nobody-${randomUUID()}@example.org`;
    expect((await login(email, 'whatever password')).statusCode).toBe(401);
    const rows = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'login_failed')
      .where('entity_id', 'is', null)
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(rows)).not.toContain(email.split('@')[0]);
    expect(rows.at(-1)).toMatchObject({ user_id: null, entity_type: 'user', details: null, address: '127.0.0.1' });
  });

  it('records the address of a successful sign-in', async () => {
    const { user } = await t.addUser('viewer');
    expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
    const page = await auditPage('admin', `userId=${user.id}&action=sign_in`);
    expect(page.items).toEqual([
      expect.objectContaining({ action: 'login', user: { id: user.id, name: user.name }, address: '127.0.0.1' }),
    ]);
  });
});

describe('GET /api/audit filters', () => {
  let reader: { user: Json; token: string };
  let contact: Json;
  beforeAll(async () => {
    reader = await t.addUser('staff');
    contact = await restrictedContact('سارة المحمية', ['IQ-DI']);
    expect((await as(reader.token, `/api/contacts/${contact.id}`)).statusCode).toBe(200);
    expect((await as(reader.token, '/api/contacts/export?format=csv&governorate=IQ-DI&sensitivity=restricted')).statusCode).toBe(200);
  });

  it('filters by person and action: the view of a restricted contact, with its name', async () => {
    const page = await auditPage('admin', `userId=${reader.user.id}&action=view`);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      action: 'view',
      user: { id: reader.user.id },
      entity: { type: 'contact', id: contact.id, label: 'سارة المحمية' },
    });
    expect(page.scope).toBeNull();
  });

  it('shows an export with its format, filters and row count, and not the exported ids', async () => {
    const page = await auditPage('admin', `userId=${reader.user.id}&action=export`);
    expect(page.items).toHaveLength(1);
    const entry = page.items[0];
    expect(entry.export).toMatchObject({ format: 'csv', rows: 1, filters: { governorate: 'IQ-DI', sensitivity: 'restricted' } });
    expect(entry.details).not.toHaveProperty('restrictedContactIds');
  });

  it('filters by entity and by date range (UTC days, both inclusive)', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const byEntity = await auditPage('admin', `entityType=contact&entityId=${contact.id}`);
    expect(byEntity.items.map((i: Json) => i.action).sort()).toEqual(['create', 'view']);
    expect((await auditPage('admin', `userId=${reader.user.id}&from=${today}&to=${today}`)).items).toHaveLength(2);
    expect((await auditPage('admin', `userId=${reader.user.id}&to=${yesterday}`)).items).toHaveLength(0);
    expectProblem(await get('admin', `/api/audit?from=${today}&to=${yesterday}`), 400, 'VALIDATION_FAILED');
    expectProblem(await get('admin', '/api/audit?action=drop_table'), 400, 'VALIDATION_FAILED');
  });

  it('finds settings changes under settings, not under change', async () => {
    const { user } = await t.addUser('admin');
    await insertRows([
      { userId: user.id, action: 'update', entityType: 'settings' },
      { userId: user.id, action: 'update', entityType: 'contact', entityId: randomUUID() },
    ]);
    expect((await auditPage('admin', `userId=${user.id}&action=settings`)).items.map((i: Json) => i.entity.type)).toEqual(['settings']);
    expect((await auditPage('admin', `userId=${user.id}&action=change`)).items.map((i: Json) => i.entity.type)).toEqual(['contact']);
  });
});

describe('paging', () => {
  it('walks newest first by (at, id), rows at the same instant included, without repeats', async () => {
    const { user } = await t.addUser('staff');
    const at = '2026-06-01T10:00:00.123456Z';
    await insertRows(
      Array.from({ length: 7 }, (_, i) => ({
        at: i < 5 ? at : `2026-06-01T09:0${i}:00Z`,
        userId: user.id,
        action: 'view',
        entityType: 'contact',
        entityId: randomUUID(),
      })),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Json = await auditPage('admin', `userId=${user.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i: Json) => i.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    const all = await auditPage('admin', `userId=${user.id}`);
    expect(seen).toEqual(all.items.map((i: Json) => i.id));
    expect(all.items[0].at).toBe('2026-06-01T10:00:00.123Z');
  });

  it('refuses a cursor it did not give', async () => {
    expectProblem(await get('admin', '/api/audit?cursor=not-a-cursor'), 400, 'VALIDATION_FAILED');
  });
});

describe("a coordinator's part of the log", () => {
  it('holds the rows about their governorates and their users, and not the others', async () => {
    const coordinator = await t.addUser('coordinator', ['IQ-BA']);
    const inside = await restrictedContact('في البصرة', ['IQ-BA']);
    const outside = await restrictedContact('في نينوى', ['IQ-NI']);
    const basraStaff = await t.addUser('staff', ['IQ-BA']);
    const niStaff = await t.addUser('staff', ['IQ-NI']);
    await login(basraStaff.user.email, TEST_PASSWORD);
    await login(niStaff.user.email, TEST_PASSWORD);
    expect((await get('staff', `/api/contacts/${inside.id}`)).statusCode).toBe(200);
    expect((await get('staff', `/api/contacts/${outside.id}`)).statusCode).toBe(200);

    const mine = await as(coordinator.token, `/api/audit?action=view&userId=${t.users.staff.id}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().scope).toEqual(['IQ-BA']);
    expect(mine.json().items.map((i: Json) => i.entity.id)).toEqual([inside.id]);
    const signIns = (await as(coordinator.token, '/api/audit?action=sign_in')).json().items.map((i: Json) => i.user.id);
    expect(signIns).toContain(basraStaff.user.id);
    expect(signIns).not.toContain(niStaff.user.id);
    // The admin sees both.
    const all = await auditPage('admin', `action=view&userId=${t.users.staff.id}`);
    expect(all.items.map((i: Json) => i.entity.id)).toEqual(expect.arrayContaining([inside.id, outside.id]));
  });
});

describe('GET /api/contacts/:id/access-log', () => {
  it('lists who viewed or exported a restricted contact, exports of an event list included', async () => {
    const contact = await restrictedContact('ناشطة محمية', ['IQ-KA']);
    const viewer = await t.addUser('staff');
    await as(viewer.token, `/api/contacts/${contact.id}`);
    await get('admin', '/api/contacts/export?format=xlsx&governorate=IQ-KA');
    const event = await created(
      t,
      '/api/events',
      { title: 'ورشة', type: 'workshop', startsAt: '2026-12-20T09:00:00Z', endsAt: '2026-12-20T12:00:00Z' },
      'admin',
    );
    await created(t, `/api/events/${event.id}/invitations`, { contactIds: [contact.id] }, 'admin');
    expect((await get('coordinator', `/api/events/${event.id}/export?format=csv`)).statusCode).toBe(200);

    const res = await get('coordinator', `/api/contacts/${contact.id}/access-log`);
    expect(res.statusCode, res.body).toBe(200);
    const log = res.json();
    expect(log.restricted).toBe(true);
    expect(log.items).toHaveLength(3);
    const actions = log.items.map((i: Json) => `${i.action}:${i.user?.id}`);
    expect(actions).toEqual(
      expect.arrayContaining([`view:${viewer.user.id}`, `export:${t.users.admin.id}`, `export:${t.users.coordinator.id}`]),
    );
    expect(log.items.find((i: Json) => i.user?.id === t.users.admin.id).export).toMatchObject({
      format: 'xlsx',
      filters: { governorate: 'IQ-KA' },
    });
  });

  it('answers restricted false and no items for a contact that is not restricted', async () => {
    const contact = await created(t, '/api/contacts', { kind: 'activist', name: 'عادي', governorates: ['IQ-KA'] }, 'admin');
    await get('admin', `/api/contacts/${contact.id}`);
    const res = await get('admin', `/api/contacts/${contact.id}/access-log`);
    expect(res.json()).toEqual({ restricted: false, items: [] });
  });

  it("answers 404 to a coordinator outside the contact's governorates", async () => {
    const coordinator = await t.addUser('coordinator', ['IQ-MU']);
    const contact = await restrictedContact('خارج النطاق', ['IQ-AN']);
    const res = await as(coordinator.token, `/api/contacts/${contact.id}/access-log`);
    expectProblem(res, 404, 'NOT_FOUND');
  });
});

describe('needs a look', () => {
  const day = '2026-03-10';
  const at = (hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00Z`;

  it('flags accounts over the thresholds of one day, and no one under them', async () => {
    const [busy, calm, guessed, roaming] = await Promise.all([
      t.addUser('staff'),
      t.addUser('staff'),
      t.addUser('staff'),
      t.addUser('staff'),
    ]);
    const ids = Array.from({ length: 4 }, () => randomUUID());
    await insertRows([
      // busy: 3 views and an export naming one more (and one already viewed) → 4 distinct restricted contacts
      ...ids.slice(0, 3).map((id) => ({ at: at(9), userId: busy.user.id, action: 'view', entityType: 'contact', entityId: id })),
      { at: at(10), userId: busy.user.id, action: 'export', entityType: 'contact', details: { restrictedContactIds: [ids[0], ids[3]] } },
      // calm: 3 distinct, on the line: not flagged; a view the day after does not count
      ...ids.slice(0, 3).map((id) => ({ at: at(11), userId: calm.user.id, action: 'view', entityType: 'contact', entityId: id })),
      { at: '2026-03-11T00:00:00Z', userId: calm.user.id, action: 'view', entityType: 'contact', entityId: ids[3] },
      // guessed: 2 failed sign-ins; an unknown email failing twice from one address
      ...[1, 2].map((h) => ({ at: at(h), action: 'login_failed', entityType: 'user', entityId: guessed.user.id, address: '10.0.0.1' })),
      ...[1, 2].map((h) => ({ at: at(h), action: 'login_failed', entityType: 'user', address: '203.0.113.9' })),
      // roaming: signed in from 2 addresses (and twice from one)
      ...['10.0.0.1', '10.0.0.2', '10.0.0.2'].map((address, h) => ({
        at: at(h + 3),
        userId: roaming.user.id,
        action: 'login',
        entityType: 'user',
        entityId: roaming.user.id,
        address,
      })),
      { at: at(6), userId: calm.user.id, action: 'login', entityType: 'user', entityId: calm.user.id, address: '10.0.0.3' },
    ]);
    const admin = { id: t.users.admin.id, role: 'admin' as const, governorates: null };
    const result = await needsALook(t.database.db, admin, day, { restricted: 3, failedLogins: 2, addresses: 2 });
    const flagged = result.items.map((i) => `${i.kind}:${i.user?.id ?? i.address}:${i.count}`).sort();
    expect(flagged).toEqual(
      [
        `restricted_access:${busy.user.id}:4`,
        `failed_sign_ins:${guessed.user.id}:2`,
        'failed_sign_ins:203.0.113.9:2',
        `many_addresses:${roaming.user.id}:2`,
      ].sort(),
    );
    const stricter = await needsALook(t.database.db, admin, day, { restricted: 4, failedLogins: 3, addresses: 3 });
    expect(stricter.items).toEqual([]);
  });

  it('uses the configured defaults over HTTP (more than 20 restricted contacts) and scopes a coordinator', async () => {
    const basra = await t.addUser('staff', ['IQ-BA']);
    const other = await t.addUser('staff', ['IQ-NI']);
    const day2 = '2026-03-12';
    for (const [who, n] of [
      [basra, 21],
      [other, 25],
    ] as const) {
      await sql`INSERT INTO audit_log (at, user_id, action, entity_type, entity_id)
        SELECT ${day2}::date + interval '8 hours', ${who.user.id}::uuid, 'view', 'contact', gen_random_uuid() FROM generate_series(1, ${n})`.execute(
        t.database.db,
      );
    }
    const res = await get('admin', `/api/audit/needs-a-look?day=${day2}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().thresholds).toEqual({ restricted: 20, failedLogins: 5, addresses: 3 });
    expect(res.json().items.map((i: Json) => [i.user.id, i.count])).toEqual([
      [other.user.id, 25],
      [basra.user.id, 21],
    ]);
    const coordinator = await t.addUser('coordinator', ['IQ-BA']);
    const scoped = (await as(coordinator.token, `/api/audit/needs-a-look?day=${day2}`)).json();
    expect(scoped.items.map((i: Json) => i.user.id)).toEqual([basra.user.id]);
  });
});

describe('the log is append-only in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE in SQL', async () => {
    const [row] = await t.database.db.selectFrom('audit_log').select('id').limit(1).execute();
    await expect(sql`UPDATE audit_log SET action = 'view' WHERE id = ${row.id}`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_log SET details = '{"x":1}' WHERE id = ${row.id}`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE id = ${row.id}`.execute(t.database.db)).rejects.toThrow(/append-only/);
    // CASCADE, or the foreign key from audit_change would refuse it before the trigger is asked.
    await expect(sql`TRUNCATE audit_log CASCADE`.execute(t.database.db)).rejects.toThrow(/append-only/);
    expect(await t.database.db.selectFrom('audit_log').select('id').where('id', '=', row.id).executeTakeFirst()).toBeDefined();
  });

  it("lets a merge re-file a contact's rows under the survivor and an undo move them back, and nothing else", async () => {
    const [merged, survivor, other] = [randomUUID(), randomUUID(), randomUUID()];
    await insertRows([{ action: 'update', entityType: 'contact', entityId: merged, details: { source: 'import' } }]);
    const row = () =>
      t.database.db
        .selectFrom('audit_log')
        .select(['entity_id', 'details'])
        .where('details', '@>', JSON.stringify({ source: 'import' }) as never)
        .executeTakeFirstOrThrow();
    await sql`UPDATE audit_log SET entity_id = ${survivor}, details = details || jsonb_build_object('mergedFrom', entity_id::text)
      WHERE entity_id = ${merged}`.execute(t.database.db);
    expect(await row()).toEqual({ entity_id: survivor, details: { source: 'import', mergedFrom: merged } });
    // Filing it under a third contact, or editing the details on the way, is refused.
    await expect(sql`UPDATE audit_log SET entity_id = ${other} WHERE entity_id = ${survivor}`.execute(t.database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(
      sql`UPDATE audit_log SET entity_id = ${merged}, details = '{"source":"typed by hand"}' WHERE entity_id = ${survivor}`.execute(
        t.database.db,
      ),
    ).rejects.toThrow(/append-only/);
    await sql`UPDATE audit_log SET entity_id = (details ->> 'mergedFrom')::uuid, details = details - 'mergedFrom' WHERE entity_id = ${survivor}`.execute(
      t.database.db,
    );
    expect(await row()).toEqual({ entity_id: merged, details: { source: 'import' } });
  });

  it('still lets an account row be removed: its rows keep their place with no user', async () => {
    const { user } = await t.addUser('viewer');
    const entityId = randomUUID();
    await insertRows([{ userId: user.id, action: 'view', entityType: 'contact', entityId }]);
    await t.database.db.deleteFrom('app_user').where('id', '=', user.id).execute();
    const rows = await t.database.db.selectFrom('audit_log').select(['user_id', 'action']).where('entity_id', '=', entityId).execute();
    expect(rows).toEqual([{ user_id: null, action: 'view' }]);
  });
});
