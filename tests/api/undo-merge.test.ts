import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor, created, expectProblem, type Json } from '../helpers/api-requests.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const db = () => t.database.db;
const contact = (body: Json) => created(t, '/api/contacts', body);
const undo = (id: string, as: 'coordinator' | 'staff' = 'coordinator') => t.request(as, { method: 'POST', url: `/api/merges/${id}/undo` });
const get = (url: string) => t.request('coordinator', { method: 'GET', url });

/** Everything linked to the contacts, as rows: compared before the merge and after its undo. */
async function state(ids: string[]) {
  const { rows } = await sql<{ s: Json }>`SELECT jsonb_build_object(
    'contacts', (SELECT jsonb_agg(to_jsonb(c) - 'version' - 'updated_at' - 'updated_by' ORDER BY c.id) FROM contact c WHERE id = ANY(${ids}::uuid[])),
    'governorates', (SELECT jsonb_agg(to_jsonb(g) ORDER BY g.contact_id, g.governorate_code) FROM contact_governorate g WHERE contact_id = ANY(${ids}::uuid[])),
    'positions', (SELECT jsonb_agg(to_jsonb(p) ORDER BY p.id) FROM "position" p WHERE person_id = ANY(${ids}::uuid[]) OR organization_id = ANY(${ids}::uuid[])),
    'relationships', (SELECT jsonb_agg(to_jsonb(r) ORDER BY r.id) FROM relationship r WHERE from_contact_id = ANY(${ids}::uuid[]) OR to_contact_id = ANY(${ids}::uuid[])),
    'participants', (SELECT jsonb_agg(to_jsonb(p) ORDER BY p.interaction_id, p.contact_id) FROM interaction_participant p WHERE contact_id = ANY(${ids}::uuid[])),
    -- An invitation the merged contact only represented someone on is re-pointed back (a new version, like any change).
    'invitations', (SELECT jsonb_agg(to_jsonb(i) - 'version' - 'updated_at' ORDER BY i.id) FROM invitation i WHERE contact_id = ANY(${ids}::uuid[]) OR representative_id = ANY(${ids}::uuid[])),
    'audit', (SELECT jsonb_agg(jsonb_build_object('id', a.id, 'entity', a.entity_id) ORDER BY a.id) FROM audit_log a WHERE entity_type = 'contact' AND entity_id = ANY(${ids}::uuid[]) AND action NOT IN ('merge', 'undo_merge'))
  ) AS s`.execute(db());
  return rows[0].s;
}

async function event(title: string): Promise<string> {
  const row = await db()
    .insertInto('event')
    .values({ title, type: 'workshop', starts_at: '2026-03-01T09:00:00Z', ends_at: '2026-03-01T15:00:00Z' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Two records of one person, each with links, one of them (the survivor's invitation) lost in the merge. */
async function twoRecords(name: string) {
  const survivor = await contact({ kind: 'activist', name, governorates: ['IQ-AN'], phones: ['07701230001'] });
  const dup = await contact({
    kind: 'activist',
    name: `${name} (2)`,
    governorates: ['IQ-BG'],
    phones: ['07701230002'],
    notes: 'from the old sheet',
  });
  const org = await contact({ kind: 'organization', subtype: 'local_ngo', name: `منظمة ${name}`, governorates: ['IQ-AN'] });
  const friend = await contact({ kind: 'activist', name: `صديقة ${name}`, governorates: ['IQ-AN'] });
  await created(t, '/api/positions', { personId: dup.id, organizationId: org.id, title: 'منسقة' });
  await created(t, '/api/relationships', { type: 'works_with', fromContactId: friend.id, toContactId: dup.id });
  await created(t, '/api/relationships', { type: 'referred_by', fromContactId: dup.id, toContactId: survivor.id });
  await created(t, '/api/interactions', { kind: 'meeting', occurredOn: '2025-02-01', summary: 'both', contactIds: [dup.id, survivor.id] });
  const e = await event(`ورشة ${name}`);
  await db()
    .insertInto('invitation')
    .values([
      { event_id: e, contact_id: dup.id, status: 'attended' },
      { event_id: e, contact_id: survivor.id, status: 'invited' },
    ])
    .execute();
  await db()
    .insertInto('invitation')
    .values({ event_id: await event(`لقاء ${name}`), contact_id: org.id, representative_id: dup.id, status: 'invited' })
    .execute();
  return { survivor, dup, org, friend, ids: [survivor.id, dup.id, org.id, friend.id] };
}

const mergeTwo = async (survivor: Json, dup: Json) => {
  const res = await t.request('coordinator', {
    method: 'POST',
    url: '/api/contacts/merge',
    payload: {
      survivorId: survivor.id,
      mergedIds: [dup.id],
      fields: { notes: dup.id },
      versions: { [survivor.id]: survivor.version, [dup.id]: dup.version },
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('undo merge', () => {
  it('brings the merged contact back with its own id and links, and the survivor as it was', async () => {
    const { survivor, dup, ids } = await twoRecords('وفاء طارق');
    const before = await state(ids);
    const merged = await mergeTwo(survivor, dup);
    expect(merged.undoId).toEqual(expect.any(String));
    expectProblem(await get(`/api/contacts/${dup.id}`), 404, 'NOT_FOUND');
    expect(await state(ids)).not.toEqual(before);

    expectProblem(await undo(merged.undoId, 'staff'), 403, 'FORBIDDEN');
    const res = await undo(merged.undoId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ survivorId: survivor.id, restoredIds: [dup.id] });
    expect(await state(ids)).toEqual(before);
    expect((await get(`/api/contacts/${dup.id}`)).json()).toMatchObject({
      id: dup.id,
      notes: 'from the old sheet',
      governorates: ['IQ-BG'],
    });
    // A form opened on the merged survivor is stale now.
    expect((await get(`/api/contacts/${survivor.id}`)).json().version).toBe(merged.contact.version + 1);
    expect((await auditFor(t, dup.id)).map((a) => a.action)).toEqual(['create', 'undo_merge']);
    expect((await auditFor(t, survivor.id)).map((a) => a.action)).toContain('undo_merge');
    // Undone once: the same id no longer undoes anything.
    expectProblem(await undo(merged.undoId), 404, 'NOT_FOUND');
  });

  it('gives the merged contact its consent records back, a withdrawal included', async () => {
    const { survivor, dup } = await twoRecords('رنا وليد');
    const consent = await t.request('coordinator', {
      method: 'POST',
      url: `/api/contacts/${dup.id}/consents`,
      payload: { kind: 'withdrawn', basis: 'spoken', scopes: ['whatsapp'], recordedOn: '2026-11-01' },
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const merged = await mergeTwo(survivor, dup);
    const recordId = (consent.json().records as Json[])[0].id as string;
    const owners = () => db().selectFrom('consent_record').select('contact_id').where('id', '=', recordId).execute();
    expect(await owners()).toEqual([{ contact_id: survivor.id }]);
    const res = await undo(merged.undoId);
    expect(res.statusCode, res.body).toBe(200);
    expect(await owners()).toEqual([{ contact_id: dup.id }]);
  });

  it('is listed in the trash as a merge, and keeps links added to the survivor since', async () => {
    const { survivor, dup, friend } = await twoRecords('سهى عادل');
    const merged = await mergeTwo(survivor, dup);
    const items = (await get(`/api/trash?entityType=merge&entityId=${survivor.id}`)).json().items as Json[];
    expect(items).toMatchObject([{ id: merged.undoId, entityType: 'merge', label: 'سهى عادل', counts: { contact: 1 } }]);
    expectProblem(await t.request('coordinator', { method: 'POST', url: `/api/trash/${merged.undoId}/restore` }), 409, 'TRASH_IS_MERGE');
    const later = await created(t, '/api/interactions', {
      kind: 'call',
      occurredOn: '2025-06-01',
      summary: 'after the merge',
      contactIds: [survivor.id, friend.id],
    });
    expect((await undo(merged.undoId)).statusCode).toBe(200);
    const participants = await db()
      .selectFrom('interaction_participant')
      .select('contact_id')
      .where('interaction_id', '=', later.id)
      .execute();
    expect(participants.map((p) => p.contact_id).sort()).toEqual([survivor.id, friend.id].sort());
  });

  it('is refused with 409 MERGE_CHANGED_SINCE naming the fields once the survivor changed, and changes nothing', async () => {
    const { survivor, dup, ids } = await twoRecords('منى سعيد');
    const merged = await mergeTwo(survivor, dup);
    const edit = await t.request('coordinator', {
      method: 'PATCH',
      url: `/api/contacts/${survivor.id}`,
      payload: { version: merged.contact.version, notes: 'changed after the merge' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const afterEdit = await state(ids);
    const res = await undo(merged.undoId);
    expectProblem(res, 409, 'MERGE_CHANGED_SINCE');
    expect(res.json().detail).toContain('notes');
    expect(await state(ids)).toEqual(afterEdit);
    expectProblem(await get(`/api/contacts/${dup.id}`), 404, 'NOT_FOUND');
  });

  it('is refused after the window (TRASH_DAYS)', async () => {
    const { survivor, dup } = await twoRecords('ريم خالد');
    const merged = await mergeTwo(survivor, dup);
    await db()
      .updateTable('trash_item')
      .set({ deleted_at: new Date(Date.now() - 31 * 86_400_000) })
      .where('id', '=', merged.undoId)
      .execute();
    expectProblem(await undo(merged.undoId), 404, 'NOT_FOUND');
  });
});
