import { sql } from 'kysely';
import type { InvitationStatus } from '../../server/src/domain/events/vocabulary.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, type Json } from '../helpers/api-requests.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const contact = (body: Json, as: 'staff' | 'coordinator' = 'staff') => created(t, '/api/contacts', body, as);
const merge = (payload: Json, as: 'staff' | 'coordinator' | 'viewer' = 'staff') =>
  t.request(as, { method: 'POST', url: '/api/contacts/merge', payload });
const db = () => t.database.db;

async function event(title: string): Promise<string> {
  const row = await db()
    .insertInto('event')
    .values({ title, type: 'workshop', starts_at: '2026-03-01T09:00:00Z', ends_at: '2026-03-01T15:00:00Z' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
async function invite(
  eventId: string,
  contactId: string,
  status: InvitationStatus,
  representativeId: string | null = null,
): Promise<string> {
  const row = await db()
    .insertInto('invitation')
    .values({ event_id: eventId, contact_id: contactId, representative_id: representativeId, status })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
async function linkCounts(ids: string[]) {
  const { rows } = await sql<Json>`SELECT
    (SELECT count(*) FROM "position" WHERE person_id = ANY(${ids}::uuid[]) OR organization_id = ANY(${ids}::uuid[]))::int AS positions,
    (SELECT count(*) FROM relationship WHERE from_contact_id = ANY(${ids}::uuid[]) OR to_contact_id = ANY(${ids}::uuid[]))::int AS relationships,
    (SELECT count(DISTINCT interaction_id) FROM interaction_participant WHERE contact_id = ANY(${ids}::uuid[]))::int AS interactions,
    (SELECT count(*) FROM invitation WHERE contact_id = ANY(${ids}::uuid[]) OR representative_id = ANY(${ids}::uuid[]))::int AS invitations,
    (SELECT count(*) FROM event_group WHERE facilitator_id = ANY(${ids}::uuid[]))::int AS facilitators,
    (SELECT count(*) FROM event_suggestion_dismissal WHERE contact_id = ANY(${ids}::uuid[]))::int AS dismissals,
    (SELECT count(*) FROM audit_log WHERE entity_type = 'contact' AND entity_id = ANY(${ids}::uuid[]))::int AS audit`.execute(db());
  return rows[0];
}

describe('merge', () => {
  it('moves every kind of linked record to the survivor and loses nothing', async () => {
    const inas = await contact({
      kind: 'activist',
      name: 'إيناس عبدالمحسن',
      governorates: ['IQ-AN'],
      phones: ['07701234567'],
      tags: ['شباب'],
    });
    const dup = await contact({
      kind: 'activist',
      name: 'ايناس عبد المحسن',
      nameLatin: 'Inas Abdulmohsin',
      gender: 'female',
      governorates: ['IQ-BG'],
      phones: ['07701234567', '07811112222'],
      emails: ['inas@example.org'],
      tags: ['نساء'],
      notes: 'from the 2023 sheet',
    });
    const org = await contact({ kind: 'organization', subtype: 'local_ngo', name: 'منظمة الأمل', governorates: ['IQ-AN'] });
    const friend = await contact({ kind: 'activist', name: 'سارة محمود', governorates: ['IQ-AN'] });

    await created(t, '/api/positions', { personId: dup.id, organizationId: org.id, title: 'منسقة' });
    await created(t, '/api/positions', {
      personId: inas.id,
      organizationId: org.id,
      title: 'عضو',
      startDate: '2020-01-01',
      endDate: '2021-01-01',
    });
    // Same active relationship from both sides: one survives. A relationship between the two becomes a self-link: dropped.
    await created(t, '/api/relationships', { type: 'works_with', fromContactId: inas.id, toContactId: friend.id });
    await created(t, '/api/relationships', { type: 'works_with', fromContactId: friend.id, toContactId: dup.id });
    await created(t, '/api/relationships', { type: 'member_of', fromContactId: dup.id, toContactId: org.id });
    await created(t, '/api/relationships', { type: 'referred_by', fromContactId: dup.id, toContactId: inas.id });
    await created(t, '/api/interactions', { kind: 'call', occurredOn: '2025-01-01', summary: 'call', contactIds: [dup.id] });
    await created(t, '/api/interactions', { kind: 'meeting', occurredOn: '2025-02-01', summary: 'both', contactIds: [dup.id, inas.id] });

    const e1 = await event('ورشة الأنبار');
    const e2 = await event('الجلسة الختامية');
    const e3 = await event('تدريب');
    const keptInvitation = await invite(e1, dup.id, 'attended');
    const lostInvitation = await invite(e1, inas.id, 'invited');
    await invite(e2, dup.id, 'confirmed');
    const asRepresentative = await invite(e3, org.id, 'invited', dup.id);
    await db().insertInto('event_group').values({ event_id: e2, name: 'المجموعة 1', facilitator_id: dup.id }).execute();
    await db()
      .insertInto('event_suggestion_dismissal')
      .values([
        { event_id: e2, contact_id: dup.id },
        { event_id: e3, contact_id: dup.id },
        { event_id: e3, contact_id: inas.id },
      ])
      .execute();

    const before = await linkCounts([inas.id, dup.id]);
    expect(before).toMatchObject({ positions: 2, relationships: 4, interactions: 2, invitations: 4, facilitators: 1, dismissals: 3 });

    const res = await merge({
      survivorId: inas.id,
      mergedIds: [dup.id],
      fields: { nameLatin: dup.id, notes: dup.id },
      versions: { [inas.id]: inas.version, [dup.id]: dup.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.merged).toEqual([dup.id]);
    expect(body.moved).toEqual({
      positions: 1,
      relationships: 1,
      relationshipsDropped: 2,
      interactions: 2,
      invitations: 3,
      invitationsDropped: 1,
      groupFacilitators: 1,
      suggestionDismissals: 1,
      auditRows: 1,
    });
    expect(body.contact).toMatchObject({
      id: inas.id,
      name: 'إيناس عبدالمحسن',
      nameLatin: 'Inas Abdulmohsin',
      gender: 'female',
      governorates: ['IQ-AN', 'IQ-BG'],
      phones: ['+9647701234567', '+9647811112222'],
      emails: ['inas@example.org'],
      tags: ['شباب', 'نساء'],
      notes: 'from the 2023 sheet',
      version: inas.version + 1,
    });

    expectProblem(await t.request('staff', { method: 'GET', url: `/api/contacts/${dup.id}` }), 404, 'NOT_FOUND');
    const after = await linkCounts([inas.id]);
    expect(after).toMatchObject({ positions: 2, relationships: 2, interactions: 2, invitations: 3, facilitators: 1, dismissals: 2 });
    // The same-event conflict kept the attended invitation, now the survivor's; the representative moved too.
    const invitations = await db()
      .selectFrom('invitation')
      .select(['id', 'event_id', 'contact_id', 'representative_id', 'status'])
      .where('event_id', 'in', [e1, e3])
      .orderBy('status')
      .execute();
    expect(invitations).toEqual([
      { id: keptInvitation, event_id: e1, contact_id: inas.id, representative_id: null, status: 'attended' },
      { id: asRepresentative, event_id: e3, contact_id: org.id, representative_id: inas.id, status: 'invited' },
    ]);
    expect(invitations.map((i) => i.id)).not.toContain(lostInvitation);
    // The merged contact's history is now filed under the survivor, marked with the id it was recorded under.
    const history = await db()
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity_id', '=', inas.id)
      .orderBy('id')
      .execute();
    expect(history.map((h) => h.action)).toEqual(['create', 'create', 'merge']);
    expect(history[1].details).toMatchObject({ mergedFrom: dup.id });
    expect(history[2].details).toMatchObject({ mergedIds: [dup.id], moved: body.moved });
    // The names are searchable on the survivor.
    const found = (await t.request('staff', { method: 'GET', url: '/api/search?q=Inas' })).json();
    expect(found.results.map((r: Json) => r.id)).toEqual([inas.id]);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const a = await contact({ kind: 'activist', name: 'كرار عباس', governorates: ['IQ-MA'] });
    const b = await contact({ kind: 'activist', name: 'كرار عباس', governorates: ['IQ-MA'], phones: ['07811119999'] });
    await t.request('staff', { method: 'PATCH', url: `/api/contacts/${b.id}`, payload: { version: b.version, tags: ['x'] } });
    expectProblem(
      await merge({ survivorId: a.id, mergedIds: [b.id], versions: { [a.id]: a.version, [b.id]: b.version } }),
      409,
      'CONFLICT',
    );
    expect((await t.request('staff', { method: 'GET', url: `/api/contacts/${b.id}` })).statusCode).toBe(200);
    expect((await t.request('staff', { method: 'GET', url: `/api/contacts/${a.id}` })).json().version).toBe(a.version);
  });

  it('validates the request and checks roles', async () => {
    const a = await contact({ kind: 'activist', name: 'رسل ناجي', governorates: ['IQ-NA'] });
    const b = await contact({ kind: 'activist', name: 'رسل ناجى', governorates: ['IQ-NA'] });
    const versions = { [a.id]: 1, [b.id]: 1 };
    expectProblem(await merge({ survivorId: a.id, mergedIds: [a.id], versions }), 400, 'VALIDATION_FAILED');
    const missing = await merge({ survivorId: a.id, mergedIds: [b.id], versions: { [a.id]: 1 } });
    expect(missing.json().errors[0].field).toBe(`versions.${b.id}`);
    const outsider = await contact({ kind: 'activist', name: 'غريب', governorates: ['IQ-NA'] });
    expect((await merge({ survivorId: a.id, mergedIds: [b.id], fields: { name: outsider.id }, versions })).json().errors[0].field).toBe(
      'fields.name',
    );
    expectProblem(await merge({ survivorId: a.id, mergedIds: [b.id], versions }, 'viewer'), 403, 'FORBIDDEN');
    expectProblem(
      await merge({
        survivorId: a.id,
        mergedIds: ['00000000-0000-4000-8000-000000000000'],
        versions: { ...versions, '00000000-0000-4000-8000-000000000000': 1 },
      }),
      404,
      'NOT_FOUND',
    );
  });

  it('lets only coordinators and admins merge restricted contacts; the survivor stays restricted', async () => {
    const open = await contact({ kind: 'activist', name: 'ناشطة محمية', governorates: ['IQ-DQ'] });
    const hidden = await contact(
      { kind: 'activist', name: 'ناشطة محميه', governorates: ['IQ-DQ'], phones: ['07905554444'], sensitivity: 'restricted' },
      'coordinator',
    );
    const payload = { survivorId: open.id, mergedIds: [hidden.id], versions: { [open.id]: open.version, [hidden.id]: hidden.version } };
    expectProblem(await merge(payload, 'staff'), 403, 'FORBIDDEN');
    const res = await merge(payload, 'coordinator');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().contact).toMatchObject({ sensitivity: 'restricted', phones: ['+9647905554444'] });
    const asStaff = (await t.request('staff', { method: 'GET', url: `/api/contacts/${open.id}` })).json();
    expect(asStaff).toMatchObject({ detailsHidden: true });
    expect(asStaff.phones).toBeUndefined();
  });

  it('merges three into one, taking the kind from another contact', async () => {
    const a = await contact({ kind: 'volunteer_team', name: 'فريق الرافدين', governorates: ['IQ-BG'] });
    const b = await contact({ kind: 'organization', subtype: 'local_ngo', name: 'منظمة الرافدين', governorates: ['IQ-BG'] });
    const c = await contact({ kind: 'volunteer_team', name: 'فريق الرافدين التطوعي', governorates: ['IQ-BB'], tags: ['x'] });
    const res = await merge({
      survivorId: a.id,
      mergedIds: [b.id, c.id],
      fields: { kind: b.id, name: b.id },
      versions: { [a.id]: 1, [b.id]: 1, [c.id]: 1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().contact).toMatchObject({
      kind: 'organization',
      subtype: 'local_ngo',
      name: 'منظمة الرافدين',
      governorates: ['IQ-BB', 'IQ-BG'],
      tags: ['x'],
    });
  });
});
