import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor, created, expectProblem, type Json } from '../helpers/api-requests.js';
import { purgeExpired } from '../../server/src/modules/trash/trash.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const db = () => t.database.db;
const contact = (body: Json) => created(t, '/api/contacts', body);
const trash = async (as: 'admin' | 'coordinator' = 'coordinator', query = '') => {
  const res = await t.request(as, { method: 'GET', url: `/api/trash${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Json[];
};
const itemOf = async (entityId: string) => {
  const [item] = await trash('admin', `?entityId=${entityId}`);
  expect(item, `no trash item for ${entityId}`).toBeDefined();
  return item;
};
const restore = (id: string, as: 'admin' | 'coordinator' | 'staff' = 'coordinator') =>
  t.request(as, { method: 'POST', url: `/api/trash/${id}/restore` });
const del = async (url: string, as: 'staff' | 'coordinator' | 'admin' = 'staff') => {
  const res = await t.request(as, { method: 'DELETE', url });
  expect(res.statusCode, res.body).toBe(204);
};
const get = (url: string) => t.request('coordinator', { method: 'GET', url });
/** The ids a contact's list of positions, relationships or interactions shows. */
const listed = async (kind: 'positions' | 'relationships' | 'interactions', contactId: string) =>
  ((await get(`/api/${kind}?contact=${contactId}`)).json().items as Json[]).map((i) => i.id);
const searchIds = async (q: string) =>
  ((await t.request('staff', { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` })).json().results as Json[]).map(
    (r) => r.id ?? r.contact?.id,
  );

/** Every row of a table (as JSON, in id order) that mentions one of the ids: the "links" compared before and after. */
async function linksOf(ids: string[]) {
  const { rows } = await sql<{ links: Json }>`SELECT jsonb_build_object(
    'positions', (SELECT jsonb_agg(to_jsonb(p) ORDER BY p.id) FROM "position" p WHERE person_id = ANY(${ids}::uuid[]) OR organization_id = ANY(${ids}::uuid[])),
    'relationships', (SELECT jsonb_agg(to_jsonb(r) ORDER BY r.id) FROM relationship r WHERE from_contact_id = ANY(${ids}::uuid[]) OR to_contact_id = ANY(${ids}::uuid[])),
    'participants', (SELECT jsonb_agg(to_jsonb(p) ORDER BY p.interaction_id) FROM interaction_participant p WHERE contact_id = ANY(${ids}::uuid[])),
    'interactions', (SELECT jsonb_agg(to_jsonb(i) ORDER BY i.id) FROM interaction i WHERE id IN (SELECT interaction_id FROM interaction_participant WHERE contact_id = ANY(${ids}::uuid[]))),
    'invitations', (SELECT jsonb_agg(to_jsonb(i) ORDER BY i.id) FROM invitation i WHERE contact_id = ANY(${ids}::uuid[]) OR representative_id = ANY(${ids}::uuid[])),
    'groups', (SELECT jsonb_agg(to_jsonb(g) ORDER BY g.id) FROM event_group g WHERE facilitator_id = ANY(${ids}::uuid[])),
    'governorates', (SELECT jsonb_agg(to_jsonb(g) ORDER BY g.governorate_code) FROM contact_governorate g WHERE contact_id = ANY(${ids}::uuid[])),
    'contacts', (SELECT jsonb_agg(to_jsonb(c) ORDER BY c.id) FROM contact c WHERE id = ANY(${ids}::uuid[]))
  ) AS links`.execute(db());
  return rows[0].links;
}

async function event(title: string, governorate = 'IQ-AN'): Promise<string> {
  const row = await db()
    .insertInto('event')
    .values({ title, type: 'workshop', starts_at: '2026-03-01T09:00:00Z', ends_at: '2026-03-01T15:00:00Z', governorate_code: governorate })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function invite(eventId: string, contactId: string, representativeId: string | null = null): Promise<string> {
  const row = await db()
    .insertInto('invitation')
    .values({ event_id: eventId, contact_id: contactId, representative_id: representativeId, status: 'invited' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('trash: a deleted contact', () => {
  it('leaves lists and search, and comes back with the same ids and every link', async () => {
    const person = await contact({ kind: 'activist', name: 'زينب الخفاجي', governorates: ['IQ-AN'], phones: ['07705550101'] });
    const friend = await contact({ kind: 'activist', name: 'ليلى الجبوري', governorates: ['IQ-AN'] });
    const org = await contact({ kind: 'organization', subtype: 'local_ngo', name: 'جمعية النخيل', governorates: ['IQ-AN'] });
    await created(t, '/api/positions', { personId: person.id, organizationId: org.id, title: 'منسقة' });
    await created(t, '/api/relationships', { type: 'works_with', fromContactId: person.id, toContactId: friend.id });
    const alone = await created(t, '/api/interactions', {
      kind: 'call',
      occurredOn: '2025-01-01',
      summary: 'only her',
      contactIds: [person.id],
    });
    await created(t, '/api/interactions', {
      kind: 'meeting',
      occurredOn: '2025-02-01',
      summary: 'both',
      contactIds: [person.id, friend.id],
    });
    const e = await event('ورشة النخيل');
    await invite(e, person.id);
    const represented = await invite(await event('لقاء الشركاء'), org.id, person.id);
    await db().insertInto('event_group').values({ event_id: e, name: 'المجموعة 1', facilitator_id: person.id }).execute();
    const before = await linksOf([person.id]);
    expect(await searchIds('زينب الخفاجي')).toContain(person.id);

    await del(`/api/contacts/${person.id}`);
    expectProblem(await get(`/api/contacts/${person.id}`), 404, 'NOT_FOUND');
    expect(((await get('/api/contacts?limit=200')).json().items as Json[]).map((c) => c.id)).not.toContain(person.id);
    expect(await searchIds('زينب الخفاجي')).not.toContain(person.id);
    expect(await db().selectFrom('interaction').select('id').where('id', '=', alone.id).execute()).toEqual([]);
    // The invitation she attended for the organisation stays, its representative cleared by the delete.
    expect(
      (await db().selectFrom('invitation').select('representative_id').where('id', '=', represented).executeTakeFirstOrThrow())
        .representative_id,
    ).toBeNull();

    const item = await itemOf(person.id);
    expect(item).toMatchObject({ entityType: 'contact', label: 'زينب الخفاجي', daysLeft: 30, deletedBy: { id: t.users.staff.id } });
    expect(item.counts).toMatchObject({
      contact: 1,
      position: 1,
      relationship: 1,
      interaction: 1,
      interaction_participant: 2,
      invitation: 1,
    });

    const res = await restore(item.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ entityType: 'contact', entityId: person.id });
    expect(await linksOf([person.id])).toEqual(before);
    expect((await get(`/api/contacts/${person.id}`)).json()).toMatchObject({
      id: person.id,
      name: 'زينب الخفاجي',
      phones: person.phones,
      version: person.version,
    });
    expect(await searchIds('زينب الخفاجي')).toContain(person.id);
    expect(await trash('admin', `?entityId=${person.id}`)).toEqual([]);
    expect((await auditFor(t, person.id)).map((a) => a.action)).toEqual(['create', 'delete', 'restore']);
  });

  it('answers 409 TRASH_ID_TAKEN when the id is in use again, and changes nothing', async () => {
    const person = await contact({ kind: 'activist', name: 'هدى كريم', governorates: ['IQ-AN'] });
    await del(`/api/contacts/${person.id}`);
    const item = await itemOf(person.id);
    await db().insertInto('contact').values({ id: person.id, kind: 'activist', name: 'someone else' }).execute();
    expectProblem(await restore(item.id), 409, 'TRASH_ID_TAKEN');
    expect(await itemOf(person.id)).toMatchObject({ id: item.id });
  });
});

describe('trash: events, positions, relationships and interactions', () => {
  it('restores an event with its invitations and groups', async () => {
    const guest = await contact({ kind: 'activist', name: 'مريم سالم', governorates: ['IQ-AN'] });
    const e = await event('مؤتمر الشباب');
    const invitation = await invite(e, guest.id);
    const group = await db().insertInto('event_group').values({ event_id: e, name: 'الفريق أ' }).returning('id').executeTakeFirstOrThrow();
    await db().updateTable('invitation').set({ group_id: group.id }).where('id', '=', invitation).execute();
    const rowsBefore = await sql<Json>`SELECT to_jsonb(i) AS r FROM invitation i WHERE event_id = ${e}`.execute(db());

    expectProblem(await t.request('staff', { method: 'DELETE', url: `/api/events/${e}` }), 403, 'FORBIDDEN');
    await del(`/api/events/${e}`, 'coordinator');
    expectProblem(await get(`/api/events/${e}`), 404, 'NOT_FOUND');
    const item = await itemOf(e);
    expect(item).toMatchObject({ entityType: 'event', label: 'مؤتمر الشباب', governorates: ['IQ-AN'] });
    expect(item.counts).toMatchObject({ event: 1, invitation: 1, event_group: 1 });

    expect((await restore(item.id)).statusCode).toBe(200);
    expect((await get(`/api/events/${e}`)).json()).toMatchObject({ id: e, title: 'مؤتمر الشباب' });
    expect((await sql<Json>`SELECT to_jsonb(i) AS r FROM invitation i WHERE event_id = ${e}`.execute(db())).rows).toEqual(rowsBefore.rows);
  });

  it('restores a position, a relationship and an interaction under their own ids', async () => {
    const a = await contact({ kind: 'activist', name: 'سلمى ناصر', governorates: ['IQ-AN'] });
    const b = await contact({ kind: 'activist', name: 'نور حسين', governorates: ['IQ-AN'] });
    const org = await contact({ kind: 'organization', subtype: 'local_ngo', name: 'شبكة الرافدين', governorates: ['IQ-AN'] });
    const position = await created(t, '/api/positions', { personId: a.id, organizationId: org.id, title: 'مديرة' });
    const relationship = await created(t, '/api/relationships', { type: 'works_with', fromContactId: a.id, toContactId: b.id });
    const interaction = await created(t, '/api/interactions', {
      kind: 'meeting',
      occurredOn: '2025-03-01',
      summary: 'لقاء تنسيقي',
      contactIds: [a.id, b.id],
    });
    const before = await linksOf([a.id, b.id]);

    for (const [kind, id, label] of [
      ['positions', position.id, 'سلمى ناصر — مديرة — شبكة الرافدين'],
      ['relationships', relationship.id, 'سلمى ناصر → نور حسين (works_with)'],
      ['interactions', interaction.id, 'لقاء تنسيقي'],
    ] as const) {
      await del(`/api/${kind}/${id}`);
      expect(await listed(kind, a.id)).not.toContain(id);
      const item = await itemOf(id);
      expect(item.label).toBe(label);
      expect((await restore(item.id)).statusCode).toBe(200);
      expect(await listed(kind, a.id)).toContain(id);
    }
    expect(await linksOf([a.id, b.id])).toEqual(before);
  });
});

describe('trash: a parent that is gone', () => {
  it('refuses a position whose organisation is in the trash (409 naming it), then restores once it is back', async () => {
    const person = await contact({ kind: 'activist', name: 'أمل داود', governorates: ['IQ-AN'] });
    const org = await contact({ kind: 'organization', subtype: 'local_ngo', name: 'منظمة الغد', governorates: ['IQ-AN'] });
    const position = await created(t, '/api/positions', { personId: person.id, organizationId: org.id, title: 'عضوة' });
    await del(`/api/positions/${position.id}`);
    await del(`/api/contacts/${org.id}`);
    const positionItem = await itemOf(position.id);

    const refused = await restore(positionItem.id);
    expectProblem(refused, 409, 'TRASH_PARENT_GONE');
    expect(refused.json().detail).toContain('منظمة الغد');
    expect(refused.json().errors).toEqual([{ field: 'contact', code: 'in_trash', message: (await itemOf(org.id)).id }]);

    expect((await restore((await itemOf(org.id)).id)).statusCode).toBe(200);
    expect((await restore(positionItem.id)).statusCode).toBe(200);
    expect(await listed('positions', person.id)).toEqual([position.id]);
  });

  it('refuses for good when the parent was purged', async () => {
    const person = await contact({ kind: 'activist', name: 'رنا فاضل', governorates: ['IQ-AN'] });
    const friend = await contact({ kind: 'activist', name: 'دعاء علي', governorates: ['IQ-AN'] });
    const relationship = await created(t, '/api/relationships', { type: 'works_with', fromContactId: person.id, toContactId: friend.id });
    await del(`/api/relationships/${relationship.id}`);
    await del(`/api/contacts/${friend.id}`);
    expect((await t.request('admin', { method: 'POST', url: `/api/trash/${(await itemOf(friend.id)).id}/purge` })).statusCode).toBe(204);
    const refused = await restore((await itemOf(relationship.id)).id);
    expectProblem(refused, 409, 'TRASH_PARENT_GONE');
    expect(refused.json().errors).toEqual([{ field: 'contact', code: 'purged', message: friend.id }]);
  });
});

describe('trash: a reference that may be empty', () => {
  it('restores an interaction whose author account is gone since, with the author left empty', async () => {
    const a = await contact({ kind: 'activist', name: 'إسراء مهدي', governorates: ['IQ-AN'] });
    const { user, token } = await t.addUser('staff');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/interactions',
      payload: { kind: 'call', occurredOn: '2025-05-01', summary: 'اتصال قصير', contactIds: [a.id] },
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode, res.body).toBe(201);
    const interaction = res.json();
    await del(`/api/interactions/${interaction.id}`);
    await db().deleteFrom('app_user').where('id', '=', user.id).execute();
    expect((await restore((await itemOf(interaction.id)).id)).statusCode).toBe(200);
    expect(await db().selectFrom('interaction').select('logged_by').where('id', '=', interaction.id).executeTakeFirstOrThrow()).toEqual({
      logged_by: null,
    });
  });
});

describe('trash: roles and scope', () => {
  it('lets only coordinators and admins see and restore; only admins purge', async () => {
    const person = await contact({ kind: 'activist', name: 'بشرى جاسم', governorates: ['IQ-AN'] });
    await del(`/api/contacts/${person.id}`);
    const item = await itemOf(person.id);
    for (const role of ['staff', 'viewer'] as const) {
      expectProblem(await t.request(role, { method: 'GET', url: '/api/trash' }), 403, 'FORBIDDEN');
      expectProblem(await t.request(role, { method: 'POST', url: `/api/trash/${item.id}/restore` }), 403, 'FORBIDDEN');
    }
    expectProblem(await t.request('coordinator', { method: 'POST', url: `/api/trash/${item.id}/purge` }), 403, 'FORBIDDEN');
    expect((await t.request('admin', { method: 'POST', url: `/api/trash/${item.id}/purge` })).statusCode).toBe(204);
    expectProblem(await restore(item.id), 404, 'NOT_FOUND');
    expect(await trash('admin', `?entityId=${person.id}`)).toEqual([]);
    const purge = (await auditFor(t, person.id)).find((a) => a.action === 'purge');
    expect(purge).toMatchObject({ user_id: t.users.admin.id, details: { kind: 'contact' } });
    expect(JSON.stringify(purge)).not.toContain('بشرى');
  });

  it('shows a coordinator limited to some governorates only their items', async () => {
    const basra = await contact({ kind: 'activist', name: 'سجى البصري', governorates: ['IQ-BA'] });
    const anbar = await contact({ kind: 'activist', name: 'آية الأنباري', governorates: ['IQ-AN'] });
    await del(`/api/contacts/${basra.id}`);
    await del(`/api/contacts/${anbar.id}`);
    const { token } = await t.addUser('coordinator', ['IQ-BA']);
    const as = (method: 'GET' | 'POST', url: string) => t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` } });
    const seen = ((await as('GET', '/api/trash')).json().items as Json[]).map((i) => i.entityId);
    expect(seen).toContain(basra.id);
    expect(seen).not.toContain(anbar.id);
    expectProblem(await as('POST', `/api/trash/${(await itemOf(anbar.id)).id}/restore`), 404, 'NOT_FOUND');
    expect((await as('POST', `/api/trash/${(await itemOf(basra.id)).id}/restore`)).statusCode).toBe(200);
  });

  it('lets only coordinators and admins delete a restricted contact', async () => {
    const secret = await created(
      t,
      '/api/contacts',
      { kind: 'activist', name: 'ناشطة محمية', governorates: ['IQ-AN'], sensitivity: 'restricted', phones: ['07700000009'] },
      'coordinator',
    );
    expectProblem(await t.request('staff', { method: 'DELETE', url: `/api/contacts/${secret.id}` }), 403, 'FORBIDDEN');
    expect((await get(`/api/contacts/${secret.id}`)).statusCode).toBe(200);
    await del(`/api/contacts/${secret.id}`, 'coordinator');
    expect(await itemOf(secret.id)).toMatchObject({ restricted: true, label: 'ناشطة محمية' });
  });
});

describe('trash: the scheduled purge', () => {
  it('removes items older than TRASH_DAYS, keeps younger ones, and audits it', async () => {
    const person = await contact({ kind: 'activist', name: 'غدير منصور', governorates: ['IQ-AN'] });
    await del(`/api/contacts/${person.id}`);
    const item = await itemOf(person.id);
    const day = 86_400_000;
    await purgeExpired(db(), 30, new Date(Date.now() + 29 * day));
    expect(await itemOf(person.id)).toMatchObject({ id: item.id });
    const purged = await purgeExpired(db(), 30, new Date(Date.now() + 31 * day));
    expect(purged).toBeGreaterThanOrEqual(1);
    expect(await trash('admin', `?entityId=${person.id}`)).toEqual([]);
    expect((await auditFor(t, person.id)).find((a) => a.action === 'purge')).toMatchObject({
      user_id: null,
      details: { reason: 'expired' },
    });
  });
});
