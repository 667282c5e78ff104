import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/src/domain/roles.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, fieldsOf, type Json } from '../helpers/api-requests.js';

let t: TestApp;
let baghdad: Json;
let basra: Json;
let erbil: Json;
/** Follow-ups: two days ago (Baghdad + Basra), yesterday (Erbil, logged by the coordinator), today, done, none. */
let overdueShared: Json;
let overdueErbil: Json;
let dueToday: Json;
let doneLate: Json;
let noFollowUp: Json;

/** A day relative to the database's current_date, the clock the follow-up rules use. */
async function isoDay(offsetDays: number): Promise<string> {
  const { rows } = await sql<{ d: string }>`SELECT (current_date + ${offsetDays}::int)::text AS d`.execute(t.database.db);
  return rows[0].d;
}

const contact = (body: Json) => created(t, '/api/contacts', body);
const interaction = (body: Json, as: Role = 'staff') =>
  created(t, '/api/interactions', { kind: 'call', occurredOn: '2025-05-01', ...body }, as);

beforeAll(async () => {
  t = await createTestApp();
  baghdad = await contact({ kind: 'activist', name: 'زينب كريم', governorates: ['IQ-BG'] });
  basra = await contact({ kind: 'activist', name: 'علي حسن', governorates: ['IQ-BA'] });
  erbil = await contact({ kind: 'volunteer_team', name: 'فريق قلعة أربيل', governorates: ['IQ-AR'] });
  overdueShared = await interaction({ summary: 'overdue shared', contactIds: [baghdad.id, basra.id], followUpOn: await isoDay(-2) });
  overdueErbil = await interaction({ summary: 'overdue erbil', contactIds: [erbil.id], followUpOn: await isoDay(-1) }, 'coordinator');
  dueToday = await interaction({ summary: 'due today', contactIds: [basra.id], followUpOn: await isoDay(0) });
  doneLate = await interaction({ summary: 'done', contactIds: [basra.id], followUpOn: await isoDay(-5), followUpDone: true });
  noFollowUp = await interaction({ summary: 'no follow-up', contactIds: [erbil.id, basra.id] });
});
afterAll(() => t.close());

/** The ids listed for `as`: one of the standard users, or the token of a further (scoped) one. */
async function ids(url: string, as: Role | { token: string } = 'viewer'): Promise<string[]> {
  const res =
    typeof as === 'object'
      ? await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${as.token}` } })
      : await t.request(as, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  expect(body.total).toBe(body.items.length);
  return body.items.map((i: Json) => i.id);
}

describe('GET /api/interactions filters', () => {
  it('overdue=true lists follow-ups before today that are not done, oldest first', async () => {
    expect(await ids('/api/interactions?overdue=true')).toEqual([overdueShared.id, overdueErbil.id]);
    expect(await ids('/api/interactions?needsFollowUp=true')).toEqual([overdueShared.id, overdueErbil.id, dueToday.id]);
    expect(await ids('/api/interactions?needsFollowUp=true&overdue=true')).toEqual([overdueShared.id, overdueErbil.id]);
    expect((await ids('/api/interactions?overdue=false')).sort()).toEqual([dueToday.id, doneLate.id, noFollowUp.id].sort());
  });

  it('governorate matches an interaction through any of its participants', async () => {
    expect((await ids('/api/interactions?governorate=IQ-BA')).sort()).toEqual(
      [overdueShared.id, dueToday.id, doneLate.id, noFollowUp.id].sort(),
    );
    expect(await ids('/api/interactions?governorate=IQ-BG')).toEqual([overdueShared.id]);
    expect(await ids('/api/interactions?governorate=IQ-NI')).toEqual([]);
  });

  it('combines governorate, overdue and mine', async () => {
    expect(await ids('/api/interactions?overdue=true&governorate=IQ-BA')).toEqual([overdueShared.id]);
    expect(await ids('/api/interactions?overdue=true&governorate=IQ-AR')).toEqual([overdueErbil.id]);
    expect(await ids('/api/interactions?overdue=true&mine=true', 'staff')).toEqual([overdueShared.id]);
    expect(await ids('/api/interactions?overdue=true&mine=true', 'coordinator')).toEqual([overdueErbil.id]);
    expect(await ids('/api/interactions?overdue=true&mine=true&governorate=IQ-AR', 'staff')).toEqual([]);
    expect(await ids('/api/interactions?needsFollowUp=true&overdue=true&mine=true&governorate=IQ-BG', 'staff')).toEqual([overdueShared.id]);
  });

  it('keeps a governorate-limited user within their scope', async () => {
    const scoped = await t.addUser('viewer', ['IQ-BG']);
    expect(await ids('/api/interactions?overdue=true', scoped)).toEqual([overdueShared.id]);
    expect(await ids('/api/interactions?overdue=true&governorate=IQ-BG', scoped)).toEqual([overdueShared.id]);
    // Basra is outside the scope: the shared interaction must not reveal that a hidden participant is there.
    expect(await ids('/api/interactions?governorate=IQ-BA', scoped)).toEqual([]);
    expect(await ids('/api/interactions?overdue=true&governorate=IQ-AR', scoped)).toEqual([]);
  });

  it('rejects an unknown governorate and a malformed overdue flag', async () => {
    const bad = await t.request('viewer', { method: 'GET', url: '/api/interactions?governorate=IQ-XX' });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(bad)).toEqual(['governorate']);
    const flag = await t.request('viewer', { method: 'GET', url: '/api/interactions?overdue=soon' });
    expectProblem(flag, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(flag)).toEqual(['overdue']);
  });
});
