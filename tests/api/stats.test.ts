import { sql } from 'kysely';
import type { InvitationStatus } from '../../server/src/domain/events/vocabulary.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOVERNORATES } from '../../server/src/domain/governorates.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, fieldsOf, type Json } from '../helpers/api-requests.js';

// A small directory with known figures. Period 2025-01-01 … 2025-03-31 (three months).
let t: TestApp;
const c: Record<string, Json> = {};
const PERIOD = 'from=2025-01-01&to=2025-03-31';

async function day(offset: number): Promise<string> {
  const { rows } = await sql<{ d: string }>`SELECT (current_date + ${offset}::int)::text AS d`.execute(t.database.db);
  return rows[0].d;
}

async function contact(key: string, body: Json, createdAt: string | null) {
  c[key] = await created(t, '/api/contacts', body);
  if (createdAt) await t.database.db.updateTable('contact').set({ created_at: createdAt }).where('id', '=', c[key].id).execute();
}

async function event(title: string, startsAt: string, governorate: string, invitations: [string, InvitationStatus, string | null][]) {
  const db = t.database.db;
  const { id } = await db
    .insertInto('event')
    .values({ title, type: 'workshop', starts_at: startsAt, ends_at: startsAt, governorate_code: governorate })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [contactKey, status, representative] of invitations) {
    await db
      .insertInto('invitation')
      .values({ event_id: id, contact_id: c[contactKey].id, status, representative_id: representative ? c[representative].id : null })
      .execute();
  }
}

async function followUp(occurredOn: string, keys: string[], followUpOn: string, followUpDone = false) {
  await created(t, '/api/interactions', {
    kind: 'meeting',
    occurredOn,
    summary: 'x',
    contactIds: keys.map((k) => c[k].id),
    followUpOn,
    followUpDone,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  await contact('a1', { kind: 'activist', name: 'هدى', gender: 'female', governorates: ['IQ-BG'] }, '2025-01-10T10:00:00Z');
  await contact('a2', { kind: 'activist', name: 'أحمد', gender: 'male', governorates: ['IQ-BG'] }, '2025-01-20T10:00:00Z');
  await contact('a3', { kind: 'activist', name: 'مريم', gender: 'female', governorates: ['IQ-BA'] }, '2025-03-05T10:00:00Z');
  await contact('team', { kind: 'volunteer_team', name: 'فريق', governorates: ['IQ-BG', 'IQ-BA'] }, '2025-03-31T23:30:00Z');
  await contact('ngo', { kind: 'organization', subtype: 'local_ngo', name: 'منظمة', governorates: ['IQ-NI'] }, '2024-12-31T12:00:00Z');
  await contact(
    'body1',
    { kind: 'organization', subtype: 'government_body', name: 'مديرية بغداد', governorates: ['IQ-BG'] },
    '2025-02-14T10:00:00Z',
  );
  await contact('gfp1', { kind: 'government_focal_point', name: 'كريم', gender: 'male', governorates: ['IQ-BG'] }, '2025-02-15T10:00:00Z');
  await contact(
    'body2',
    { kind: 'organization', subtype: 'government_body', name: 'مديرية البصرة', governorates: ['IQ-BA'] },
    '2025-02-16T10:00:00Z',
  );
  await contact('gfp2', { kind: 'government_focal_point', name: 'سعاد', gender: 'female', governorates: ['IQ-NI'] }, null);
  await created(t, '/api/positions', {
    personId: c.gfp1.id,
    organizationId: c.body1.id,
    title: 'مدير',
    isFocalPoint: true,
    startDate: '2024-01-01',
  });

  await event('E1', '2025-01-15T09:00:00Z', 'IQ-BG', [
    ['a1', 'attended', null],
    ['a2', 'no_show', null],
    ['gfp1', 'attended', null],
    ['a3', 'declined', null],
    ['team', 'attended', null],
  ]);
  await event('E2', '2025-03-02T09:00:00Z', 'IQ-BA', [
    ['body2', 'attended', 'a3'],
    ['a1', 'proposed', null],
  ]);
  await event('E3', '2025-03-31T22:00:00Z', 'IQ-BG', []);
  await event('E4', '2025-05-01T09:00:00Z', 'IQ-NI', [['gfp2', 'attended', null]]);

  await followUp('2025-01-10', ['a1', 'a3'], '2025-01-20');
  await followUp('2025-01-25', ['ngo'], '2025-02-01', true);
  await followUp(await day(-1), ['a2'], await day(5));
  await followUp(await day(-10), ['body1'], await day(0));
  await followUp(await day(-2), ['gfp2'], await day(-1));
});
afterAll(() => t.close());

const kinds = (activist: number, volunteer_team: number, organization: number, government_focal_point: number) => ({
  activist,
  volunteer_team,
  organization,
  government_focal_point,
});

async function get(url: string, as: 'viewer' | 'admin' = 'viewer') {
  const res = await t.request(as, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function asScoped(url: string, governorates: string[]) {
  const { token } = await t.addUser('viewer', governorates);
  const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('dashboard', () => {
  it('counts contacts by kind and governorate, each contact once in the total', async () => {
    const d = await get(`/api/stats/dashboard?${PERIOD}`);
    expect(d.period).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(d.scope).toBeNull();
    expect(d.contacts.total).toBe(9);
    expect(d.contacts.byKind).toEqual(kinds(3, 1, 3, 2));
    expect(d.contacts.byGovernorate).toHaveLength(19);
    expect(d.contacts.byGovernorate.map((g: Json) => g.governorate)).toEqual(GOVERNORATES.map((g) => g.code));
    const of = (code: string) => d.contacts.byGovernorate.find((g: Json) => g.governorate === code);
    expect(of('IQ-BG')).toEqual({ governorate: 'IQ-BG', total: 5, byKind: kinds(2, 1, 1, 1) });
    expect(of('IQ-BA')).toEqual({ governorate: 'IQ-BA', total: 3, byKind: kinds(1, 1, 1, 0) });
    expect(of('IQ-NI')).toEqual({ governorate: 'IQ-NI', total: 2, byKind: kinds(0, 0, 1, 1) });
    expect(of('IQ-AN')).toEqual({ governorate: 'IQ-AN', total: 0, byKind: kinds(0, 0, 0, 0) });
  });

  it('buckets new contacts by month of creation, empty months included', async () => {
    const d = await get(`/api/stats/dashboard?${PERIOD}`);
    expect(d.months).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(d.contacts.newPerMonth).toEqual([
      { month: '2025-01', total: 2, byKind: kinds(2, 0, 0, 0) },
      { month: '2025-02', total: 3, byKind: kinds(0, 0, 2, 1) },
      { month: '2025-03', total: 2, byKind: kinds(1, 1, 0, 0) },
    ]);
    const wide = await get('/api/stats/dashboard?from=2024-11-15&to=2025-02-10');
    expect(wide.months).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(wide.contacts.newPerMonth.map((m: Json) => m.total)).toEqual([0, 1, 2, 0]);
  });

  it('counts events, invitations and attendance per month by kind and gender', async () => {
    const d = await get(`/api/stats/dashboard?${PERIOD}`);
    expect(d.events.perMonth).toEqual([
      { month: '2025-01', events: 1, invited: 4, attended: 3, byKind: kinds(1, 1, 0, 1), byGender: { female: 1, male: 1, unknown: 1 } },
      { month: '2025-02', events: 0, invited: 0, attended: 0, byKind: kinds(0, 0, 0, 0), byGender: { female: 0, male: 0, unknown: 0 } },
      { month: '2025-03', events: 2, invited: 1, attended: 1, byKind: kinds(1, 0, 0, 0), byGender: { female: 1, male: 0, unknown: 0 } },
    ]);
    expect(d.events.totals).toEqual({
      events: 3,
      invited: 5,
      attended: 4,
      byKind: kinds(2, 1, 0, 1),
      byGender: { female: 2, male: 1, unknown: 1 },
    });
  });

  it('counts follow-ups overdue before today, by the governorates of their participants', async () => {
    const d = await get(`/api/stats/dashboard?${PERIOD}`);
    expect(d.followUps.overdue).toBe(2);
    expect(d.followUps.byGovernorate).toHaveLength(19);
    const nonZero = d.followUps.byGovernorate.filter((g: Json) => g.overdue > 0);
    expect(nonZero).toEqual([
      { governorate: 'IQ-BA', overdue: 1 },
      { governorate: 'IQ-BG', overdue: 1 },
      { governorate: 'IQ-NI', overdue: 1 },
    ]);
  });

  it('narrows every figure to one governorate, and gives the links behind the figures', async () => {
    const d = await get(`/api/stats/dashboard?${PERIOD}&governorate=IQ-NI`);
    expect(d.contacts.total).toBe(2);
    expect(d.contacts.byGovernorate).toEqual([{ governorate: 'IQ-NI', total: 2, byKind: kinds(0, 0, 1, 1) }]);
    expect(d.events.totals.events).toBe(0);
    expect(d.followUps).toEqual({ overdue: 1, byGovernorate: [{ governorate: 'IQ-NI', overdue: 1 }] });
    expect(d.links).toEqual({
      contacts: '/contacts?kind={kind}&governorate={governorate}',
      newContacts: '/contacts?governorate={governorate}&createdFrom={monthStart}&createdTo={monthEnd}',
      events: '/events?governorate={governorate}&from={from}&to={to}',
      followUps: '/follow-ups?all=1&overdue=1&governorate={governorate}',
    });
  });

  it("shows a scoped user only their governorates' figures", async () => {
    const d = await asScoped(`/api/stats/dashboard?${PERIOD}`, ['IQ-BA']);
    expect(d.scope).toEqual(['IQ-BA']);
    expect(d.contacts.total).toBe(3);
    expect(d.contacts.byKind).toEqual(kinds(1, 1, 1, 0));
    expect(d.contacts.byGovernorate).toEqual([{ governorate: 'IQ-BA', total: 3, byKind: kinds(1, 1, 1, 0) }]);
    expect(d.contacts.newPerMonth.map((m: Json) => m.total)).toEqual([0, 1, 2]);
    expect(d.events.totals).toMatchObject({ events: 1, invited: 1, attended: 1 });
    expect(d.followUps).toEqual({ overdue: 1, byGovernorate: [{ governorate: 'IQ-BA', overdue: 1 }] });
    const outside = await asScoped(`/api/stats/dashboard?${PERIOD}&governorate=IQ-BG`, ['IQ-BA']);
    expect(outside.contacts.total).toBe(0);
    expect(outside.contacts.byGovernorate).toEqual([]);
    expect(outside.events.totals.events).toBe(0);
    expect(outside.followUps.overdue).toBe(0);
  });

  it('rejects bad periods and governorates', async () => {
    const req = (q: string) => t.request('viewer', { method: 'GET', url: `/api/stats/dashboard?${q}` });
    const reversed = await req('from=2025-04-01&to=2025-03-31');
    expectProblem(reversed, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(reversed)).toEqual(['from']);
    expect(fieldsOf(await req('from=2025-02-30'))).toEqual(['from']);
    expect(fieldsOf(await req('governorate=IQ-XX'))).toEqual(['governorate']);
    expectProblem(await t.request(null, { method: 'GET', url: '/api/stats/dashboard' }), 401, 'UNAUTHORIZED');
  });
});

describe('governorate statistics', () => {
  it('gives every governorate its partnerships, contacts, events and last government contact', async () => {
    const s = await get(`/api/stats/governorates?${PERIOD}`);
    expect(s.items.map((g: Json) => g.governorate)).toEqual(GOVERNORATES.map((g) => g.code));
    const of = (code: string) => s.items.find((g: Json) => g.governorate === code);
    expect(of('IQ-BG')).toEqual({
      governorate: 'IQ-BG',
      governmentBodies: 1,
      activePartnerships: 1,
      partnershipsByStatus: { active: 1, cooling: 0, dormant: 0, vacant: 0 },
      bodiesWithoutFocalPoint: 0,
      hasAnyGovernmentFocalPoint: true,
      contactsByKind: kinds(2, 1, 1, 1),
      contactsTotal: 5,
      eventsHeld: 2,
      lastGovernmentContactOn: await day(-10),
      daysSinceLastGovernmentContact: 10,
    });
    expect(of('IQ-BA')).toMatchObject({
      governmentBodies: 1,
      activePartnerships: 0,
      partnershipsByStatus: { active: 0, cooling: 0, dormant: 0, vacant: 1 },
      bodiesWithoutFocalPoint: 1,
      hasAnyGovernmentFocalPoint: false,
      eventsHeld: 1,
      lastGovernmentContactOn: '2025-03-02',
    });
    expect(of('IQ-NI')).toMatchObject({
      governmentBodies: 0,
      hasAnyGovernmentFocalPoint: false,
      eventsHeld: 0,
      contactsTotal: 2,
      lastGovernmentContactOn: null,
      daysSinceLastGovernmentContact: null,
    });
    expect(of('HALABJA')).toMatchObject({ governmentBodies: 0, contactsTotal: 0, eventsHeld: 0 });
    expect(s.links.contacts).toBe('/contacts?kind={kind}&governorate={governorate}');
    const later = await get('/api/stats/governorates?from=2025-04-01&to=2025-12-31');
    expect(later.items.find((g: Json) => g.governorate === 'IQ-NI').eventsHeld).toBe(1);
  });

  it("leaves out the governorates outside a scoped user's", async () => {
    const s = await asScoped(`/api/stats/governorates?${PERIOD}`, ['IQ-BA', 'IQ-NI']);
    expect(s.scope).toEqual(['IQ-BA', 'IQ-NI']);
    expect(s.items.map((g: Json) => g.governorate)).toEqual(['IQ-BA', 'IQ-NI']);
    expect(s.items[0]).toMatchObject({ governmentBodies: 1, contactsTotal: 3, eventsHeld: 1 });
  });

  it('rejects a reversed period', async () => {
    const res = await t.request('viewer', { method: 'GET', url: '/api/stats/governorates?from=2025-02-01&to=2025-01-01' });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res)).toEqual(['from']);
  });
});
