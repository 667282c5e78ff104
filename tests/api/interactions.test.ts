import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/src/domain/roles.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor as auditOf, created, expectProblem, fieldsOf, type Json } from '../helpers/api-requests.js';

let t: TestApp;
let huda: Json;
let office: Json;
let basraTeam: Json;
beforeAll(async () => {
  t = await createTestApp();
  huda = await contact({ kind: 'activist', name: 'هدى جاسم', governorates: ['IQ-BG'] });
  office = await contact({ kind: 'organization', subtype: 'government_body', name: 'مجلس محافظة بغداد', governorates: ['IQ-BG'] });
  basraTeam = await contact({ kind: 'volunteer_team', name: 'فريق شط العرب', governorates: ['IQ-BA'] });
});
afterAll(() => t.close());

const contact = (body: Json) => created(t, '/api/contacts', body);

const interaction = (body: Json, as: Role = 'staff') => created(t, '/api/interactions', body, as);

const auditFor = (entityId: string) => auditOf(t, entityId);
/** A day relative to the database's current_date, the clock the follow-up rule uses. */
async function isoDay(offsetDays: number): Promise<string> {
  const { rows } = await sql<{ d: string }>`SELECT (current_date + ${offsetDays}::int)::text AS d`.execute(t.database.db);
  return rows[0].d;
}

describe('interactions', () => {
  it('logs a meeting with several contacts and a follow-up date, audited', async () => {
    const i = await interaction({
      kind: 'meeting',
      occurredOn: '2025-03-10',
      summary: ' Planning the closing session ',
      contactIds: [huda.id, office.id],
      followUpOn: '2025-03-20',
    });
    expect(i).toMatchObject({
      kind: 'meeting',
      occurredOn: '2025-03-10',
      summary: 'Planning the closing session',
      followUpOn: '2025-03-20',
      followUpDone: false,
      needsFollowUp: true,
      hiddenParticipants: 0,
      loggedBy: t.users.staff.id,
      version: 1,
    });
    expect(i.participants.map((p: Json) => p.id).sort()).toEqual([huda.id, office.id].sort());
    const rows = await t.database.db
      .selectFrom('interaction_participant')
      .select('contact_id')
      .where('interaction_id', '=', i.id)
      .execute();
    expect(rows).toHaveLength(2);
    expect(await auditFor(i.id)).toMatchObject([{ action: 'create', entity_type: 'interaction', user_id: t.users.staff.id }]);
  });

  it('validates kind, dates, participants and unknown fields', async () => {
    const base = { kind: 'call', occurredOn: '2025-01-01', summary: 'x', contactIds: [huda.id] };
    const post = (payload: Json) => t.request('staff', { method: 'POST', url: '/api/interactions', payload });
    const kind = await post({ ...base, kind: 'email' });
    expectProblem(kind, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(kind)).toEqual(['kind']);
    expect(fieldsOf(await post({ ...base, occurredOn: '01/01/2025' }))).toEqual(['occurredOn']);
    expect(fieldsOf(await post({ ...base, contactIds: [] }))).toEqual(['contactIds']);
    expect(fieldsOf(await post({ ...base, contactIds: Array.from({ length: 51 }, () => randomUUID()) }))).toEqual(['contactIds']);
    expect(fieldsOf(await post({ ...base, mood: 'good' }))).toEqual(['mood']);
    expectProblem(await post({ ...base, contactIds: [huda.id, randomUUID()] }), 404, 'NOT_FOUND');
  });

  it("lists a contact's timeline newest first, filtered by dates", async () => {
    const person = await contact({ kind: 'activist', name: 'مصطفى ناظم', governorates: ['IQ-BG'] });
    const a = await interaction({ kind: 'call', occurredOn: '2024-01-05', summary: 'first call', contactIds: [person.id] });
    const b = await interaction({ kind: 'visit', occurredOn: '2024-06-01', summary: 'visit', contactIds: [person.id] });
    const c = await interaction({ kind: 'message', occurredOn: '2024-03-15', summary: 'message', contactIds: [person.id, huda.id] });
    const res = await t.request('viewer', { method: 'GET', url: `/api/interactions?contact=${person.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(res.json().items.map((i: Json) => i.id)).toEqual([b.id, c.id, a.id]);
    const ranged = await t.request('viewer', {
      method: 'GET',
      url: `/api/interactions?contact=${person.id}&from=2024-02-01&to=2024-05-31`,
    });
    expect(ranged.json().items.map((i: Json) => i.id)).toEqual([c.id]);
    expectProblem(await t.request('viewer', { method: 'GET', url: '/api/interactions?from=yesterday' }), 400, 'VALIDATION_FAILED');
  });

  it('lists overdue follow-ups: due today or earlier and not done', async () => {
    const who = await contact({ kind: 'activist', name: 'نور الهدى', governorates: ['IQ-BG'] });
    const overdue = await interaction({
      kind: 'call',
      occurredOn: await isoDay(-10),
      summary: 'overdue',
      contactIds: [who.id],
      followUpOn: await isoDay(-3),
    });
    const dueToday = await interaction({
      kind: 'call',
      occurredOn: await isoDay(-2),
      summary: 'today',
      contactIds: [who.id],
      followUpOn: await isoDay(0),
    });
    await interaction({ kind: 'call', occurredOn: await isoDay(-1), summary: 'later', contactIds: [who.id], followUpOn: await isoDay(5) });
    await interaction({
      kind: 'call',
      occurredOn: await isoDay(-1),
      summary: 'done',
      contactIds: [who.id],
      followUpOn: await isoDay(-5),
      followUpDone: true,
    });
    await interaction({ kind: 'call', occurredOn: await isoDay(-1), summary: 'none', contactIds: [who.id] });
    const res = await t.request('viewer', { method: 'GET', url: `/api/interactions?contact=${who.id}&needsFollowUp=true` });
    expect(res.json().items.map((i: Json) => i.id)).toEqual([overdue.id, dueToday.id]);
    expect(res.json().items.every((i: Json) => i.needsFollowUp)).toBe(true);

    const done = await t.request('staff', {
      method: 'PATCH',
      url: `/api/interactions/${overdue.id}`,
      payload: { version: 1, followUpDone: true },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ followUpDone: true, needsFollowUp: false, version: 2 });
    const after = await t.request('viewer', { method: 'GET', url: `/api/interactions?contact=${who.id}&needsFollowUp=true` });
    expect(after.json().items.map((i: Json) => i.id)).toEqual([dueToday.id]);
  });

  it('mine=true lists only the interactions the caller logged, also with needsFollowUp=true', async () => {
    const who = await contact({ kind: 'activist', name: 'زينب علي', governorates: ['IQ-BG'] });
    const staffDue = await interaction({
      kind: 'call',
      occurredOn: await isoDay(-4),
      summary: 'staff due',
      contactIds: [who.id],
      followUpOn: await isoDay(-1),
    });
    const staffPlain = await interaction({ kind: 'call', occurredOn: await isoDay(-2), summary: 'staff plain', contactIds: [who.id] });
    const coordinatorDue = await interaction(
      { kind: 'visit', occurredOn: await isoDay(-3), summary: 'coordinator due', contactIds: [who.id], followUpOn: await isoDay(-2) },
      'coordinator',
    );
    const ids = async (as: Role, query: string) => {
      const res = await t.request(as, { method: 'GET', url: `/api/interactions?contact=${who.id}&${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return { ids: res.json().items.map((i: Json) => i.id), total: res.json().total };
    };
    expect(await ids('staff', 'mine=true&needsFollowUp=true')).toEqual({ ids: [staffDue.id], total: 1 });
    expect(await ids('coordinator', 'mine=true&needsFollowUp=true')).toEqual({ ids: [coordinatorDue.id], total: 1 });
    expect(await ids('staff', 'mine=true')).toEqual({ ids: [staffPlain.id, staffDue.id], total: 2 });
    expect((await ids('staff', 'needsFollowUp=true')).ids).toEqual([coordinatorDue.id, staffDue.id]);
    expect((await ids('staff', 'mine=false&needsFollowUp=true')).ids).toEqual([coordinatorDue.id, staffDue.id]);
    expect(await ids('viewer', 'mine=true')).toEqual({ ids: [], total: 0 });
    expectProblem(await t.request('staff', { method: 'GET', url: '/api/interactions?mine=maybe' }), 400, 'VALIDATION_FAILED');
  });

  it('updates fields and participants with a version check, audited', async () => {
    const i = await interaction({ kind: 'meeting', occurredOn: '2025-02-01', summary: 'draft', contactIds: [huda.id] });
    const res = await t.request('coordinator', {
      method: 'PATCH',
      url: `/api/interactions/${i.id}`,
      payload: { version: 1, summary: 'Agreed on the agenda', contactIds: [huda.id, office.id], kind: 'visit' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'visit', summary: 'Agreed on the agenda', version: 2 });
    expect(res.json().participants).toHaveLength(2);
    const audit = await auditFor(i.id);
    expect([...audit[1].changed_fields].sort()).toEqual(['kind', 'participants', 'summary']);
    expectProblem(
      await t.request('staff', { method: 'PATCH', url: `/api/interactions/${i.id}`, payload: { version: 1, summary: 'lost' } }),
      409,
      'CONFLICT',
    );
    const row = await t.database.db.selectFrom('interaction').select('summary').where('id', '=', i.id).executeTakeFirst();
    expect(row).toEqual({ summary: 'Agreed on the agenda' });
  });

  it('deletes an interaction and its participant rows, audited', async () => {
    const i = await interaction({ kind: 'other', occurredOn: '2025-02-02', summary: 'x', contactIds: [huda.id] });
    expectProblem(await t.request('staff', { method: 'DELETE', url: `/api/interactions/${i.id}?version=3` }), 409, 'CONFLICT');
    expect((await t.request('staff', { method: 'DELETE', url: `/api/interactions/${i.id}` })).statusCode).toBe(204);
    expect(
      await t.database.db.selectFrom('interaction_participant').select('contact_id').where('interaction_id', '=', i.id).execute(),
    ).toEqual([]);
    expect((await auditFor(i.id)).map((a) => a.action)).toEqual(['create', 'delete']);
  });

  it('lets viewers read but not write', async () => {
    const i = await interaction({ kind: 'call', occurredOn: '2025-02-03', summary: 'x', contactIds: [huda.id] });
    expect((await t.request('viewer', { method: 'GET', url: '/api/interactions' })).statusCode).toBe(200);
    expectProblem(
      await t.request('viewer', {
        method: 'POST',
        url: '/api/interactions',
        payload: { kind: 'call', occurredOn: '2025-01-01', summary: 'x', contactIds: [huda.id] },
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await t.request('viewer', { method: 'PATCH', url: `/api/interactions/${i.id}`, payload: { version: 1, summary: 'y' } }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await t.request('viewer', { method: 'DELETE', url: `/api/interactions/${i.id}` }), 403, 'FORBIDDEN');
  });

  it('scopes interactions: visible when one participant is; other participants withheld; writes need visible contacts', async () => {
    const mixed = await interaction({ kind: 'meeting', occurredOn: '2025-04-01', summary: 'joint', contactIds: [basraTeam.id, huda.id] });
    const baghdadOnly = await interaction({ kind: 'call', occurredOn: '2025-04-02', summary: 'baghdad', contactIds: [huda.id] });
    const { token } = await t.addUser('staff', ['IQ-BA']);
    const as = (opts: Json) => t.app.inject({ ...opts, headers: { authorization: `Bearer ${token}` } });

    const list = await as({ method: 'GET', url: '/api/interactions' });
    const items = list.json().items;
    expect(items.map((i: Json) => i.id)).toEqual([mixed.id]);
    expect(items[0]).toMatchObject({ participants: [{ id: basraTeam.id }], hiddenParticipants: 1 });
    expectProblem(await as({ method: 'GET', url: `/api/interactions?contact=${huda.id}` }), 404, 'NOT_FOUND');
    expectProblem(
      await as({ method: 'PATCH', url: `/api/interactions/${baghdadOnly.id}`, payload: { version: 1, summary: 'x' } }),
      404,
      'NOT_FOUND',
    );
    expectProblem(await as({ method: 'DELETE', url: `/api/interactions/${baghdadOnly.id}` }), 404, 'NOT_FOUND');
    expectProblem(
      await as({
        method: 'POST',
        url: '/api/interactions',
        payload: { kind: 'call', occurredOn: '2025-01-01', summary: 'x', contactIds: [huda.id] },
      }),
      404,
      'NOT_FOUND',
    );
    // Editing the participants they can see keeps those they cannot.
    const edited = await as({ method: 'PATCH', url: `/api/interactions/${mixed.id}`, payload: { version: 1, contactIds: [basraTeam.id] } });
    expect(edited.statusCode, edited.body).toBe(200);
    const rows = await t.database.db
      .selectFrom('interaction_participant')
      .select('contact_id')
      .where('interaction_id', '=', mixed.id)
      .execute();
    expect(rows.map((r) => r.contact_id).sort()).toEqual([basraTeam.id, huda.id].sort());
  });
});
