import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/src/domain/roles.js';
import type { InvitationStatus } from '../../server/src/domain/events/vocabulary.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor, created, expectProblem, fieldsOf, type Json } from '../helpers/api-requests.js';

/**
 * Programmes and donors (issue 16, item 2): CRUD with version checks, donors that must be organisations, roles and
 * governorate scope, attribution of events, interactions and tasks, participants, and the overview's figures counting
 * each person once.
 */

let t: TestApp;
let basrahCoordinator: { user: Json; token: string };
let basrahStaff: { user: Json; token: string };
let donor: Json;
let basrahDonor: Json;
beforeAll(async () => {
  t = await createTestApp();
  basrahCoordinator = await t.addUser('coordinator', ['IQ-BA']);
  basrahStaff = await t.addUser('staff', ['IQ-BA']);
  donor = await created(t, '/api/contacts', {
    kind: 'organization',
    subtype: 'international_ngo',
    name: 'منظمة مانحة',
    governorates: ['IQ-BG'],
  });
  basrahDonor = await created(t, '/api/contacts', {
    kind: 'organization',
    subtype: 'local_ngo',
    name: 'مؤسسة البصرة',
    governorates: ['IQ-BA'],
  });
});
afterAll(() => t.close());

const as = (who: { token: string }, options: InjectOptions) =>
  t.app.inject({ ...options, headers: { authorization: `Bearer ${who.token}` } });
const createProgramme = (body: Json, role: Role = 'coordinator') =>
  t.request(role, { method: 'POST', url: '/api/programmes', payload: body });
const get = async (url: string, role: Role = 'viewer') => {
  const res = await t.request(role, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Json;
};
const programme = (extra: Json = {}) =>
  created(t, '/api/programmes', { nameAr: 'برنامج الديمقراطية', startsOn: '2026-01-01', ...extra }, 'coordinator');

describe('programmes: create, read, update, delete', () => {
  it('creates a programme with donors and governorates, lists it with counts, and audits the write', async () => {
    const p = await programme({
      nameEn: 'Democracy programme',
      nameKu: 'بەرنامەی دیموکراسی',
      endsOn: '2026-12-31',
      goals: 'مشاركة الشباب',
      donorIds: [donor.id],
      governorates: ['IQ-BG', 'IQ-BA'],
    });
    expect(p).toMatchObject({
      nameAr: 'برنامج الديمقراطية',
      nameEn: 'Democracy programme',
      nameKu: 'بەرنامەی دیموکراسی',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      goals: 'مشاركة الشباب',
      governorates: ['IQ-BA', 'IQ-BG'],
      donors: [{ id: donor.id, name: 'منظمة مانحة' }],
      hiddenDonors: 0,
      counts: { events: 0, interactions: 0, tasks: 0, participants: 0 },
      createdBy: { id: t.users.coordinator.id },
      version: 1,
    });
    expect(await get(`/api/programmes/${p.id}`)).toEqual(p);
    const list = await get('/api/programmes?limit=200');
    expect(list.items.find((i: Json) => i.id === p.id)).toMatchObject({ counts: { events: 0 }, donors: [{ id: donor.id }] });
    const audit = await auditFor(t, p.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', entity_type: 'programme', user_id: t.users.coordinator.id });
  });

  it('updates with the version, answers 409 to a stale one and changes nothing', async () => {
    const p = await programme({ governorates: ['IQ-BG'] });
    const res = await t.request('admin', {
      method: 'PATCH',
      url: `/api/programmes/${p.id}`,
      payload: { version: 1, nameEn: 'Youth', governorates: ['IQ-BG', 'IQ-NI'], donorIds: [donor.id] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ nameEn: 'Youth', governorates: ['IQ-BG', 'IQ-NI'], donors: [{ id: donor.id }], version: 2 });
    const stale = await t.request('admin', { method: 'PATCH', url: `/api/programmes/${p.id}`, payload: { version: 1, nameEn: 'Old' } });
    expectProblem(stale, 409, 'CONFLICT');
    expect((await get(`/api/programmes/${p.id}`)).nameEn).toBe('Youth');
    const audit = await auditFor(t, p.id);
    expect(audit.at(-1)).toMatchObject({ action: 'update', changed_fields: ['name_en', 'governorates', 'donors'] });
  });

  it('refuses bad input with stable codes', async () => {
    expectProblem(await createProgramme({ nameAr: '', startsOn: '2026-01-01' }), 400, 'VALIDATION_FAILED');
    const period = await createProgramme({ nameAr: 'أ', startsOn: '2026-05-01', endsOn: '2026-04-30' });
    expectProblem(period, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(period)).toEqual(['endsOn']);
    const person = await created(t, '/api/contacts', { kind: 'activist', name: 'ليس منظمة', governorates: ['IQ-BG'] });
    const notOrg = await createProgramme({ nameAr: 'أ', startsOn: '2026-01-01', donorIds: [donor.id, person.id] });
    expectProblem(notOrg, 400, 'PROGRAMME_DONOR_NOT_ORGANISATION');
    expect(fieldsOf(notOrg)).toEqual(['donorIds.1']);
    expectProblem(await createProgramme({ nameAr: 'أ', startsOn: '2026-01-01', governorates: ['XX'] }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await t.request('viewer', { method: 'GET', url: '/api/programmes/00000000-0000-4000-8000-000000000000' }),
      404,
      'NOT_FOUND',
    );
    expect((await get('/api/programmes?limit=200')).items.some((i: Json) => i.nameAr === 'أ')).toBe(false);
  });

  it('deletes into the trash, and the restore brings back its donors, governorates and attributions', async () => {
    const p = await programme({ donorIds: [donor.id], governorates: ['IQ-BG'] });
    const event = await created(t, '/api/events', {
      title: 'ورشة',
      type: 'workshop',
      startsAt: '2026-03-01T09:00:00Z',
      endsAt: '2026-03-01T12:00:00Z',
      programmeIds: [p.id],
    });
    expectProblem(await t.request('staff', { method: 'DELETE', url: `/api/programmes/${p.id}` }), 403, 'FORBIDDEN');
    expectProblem(await t.request('coordinator', { method: 'DELETE', url: `/api/programmes/${p.id}?version=9` }), 409, 'CONFLICT');
    expect((await t.request('coordinator', { method: 'DELETE', url: `/api/programmes/${p.id}?version=1` })).statusCode).toBe(204);
    expectProblem(await t.request('viewer', { method: 'GET', url: `/api/programmes/${p.id}` }), 404, 'NOT_FOUND');
    expect((await get(`/api/events/${event.id}`)).programmeIds).toEqual([]);
    const trash = await get(`/api/trash?entityType=programme&entityId=${p.id}`, 'coordinator');
    expect(trash.items).toHaveLength(1);
    const restored = await t.request('coordinator', { method: 'POST', url: `/api/trash/${trash.items[0].id}/restore` });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(await get(`/api/programmes/${p.id}`)).toMatchObject({
      donors: [{ id: donor.id }],
      governorates: ['IQ-BG'],
      counts: { events: 1 },
    });
    expect((await get(`/api/events/${event.id}`)).programmeIds).toEqual([p.id]);
  });
});

describe('roles and governorate scope', () => {
  it('lets coordinators and admins manage programmes, not staff or viewers', async () => {
    for (const role of ['staff', 'viewer'] as const) {
      expectProblem(await createProgramme({ nameAr: 'أ', startsOn: '2026-01-01' }, role), 403, 'FORBIDDEN');
    }
    const p = await programme();
    expectProblem(
      await t.request('staff', { method: 'PATCH', url: `/api/programmes/${p.id}`, payload: { version: 1, nameEn: 'x' } }),
      403,
      'FORBIDDEN',
    );
    expect(
      (await t.request('admin', { method: 'PATCH', url: `/api/programmes/${p.id}`, payload: { version: 1, nameEn: 'x' } })).statusCode,
    ).toBe(200);
  });

  it('shows a scoped user the programmes sharing a governorate with them, and hides the rest as 404', async () => {
    const baghdad = await programme({ governorates: ['IQ-BG'] });
    const both = await programme({ governorates: ['IQ-BG', 'IQ-BA'] });
    const national = await programme();
    const list = (await as(basrahStaff, { method: 'GET', url: '/api/programmes?limit=200' })).json();
    const ids = list.items.map((i: Json) => i.id);
    expect(ids).toContain(both.id);
    expect(ids).not.toContain(baghdad.id);
    expect(ids).not.toContain(national.id);
    expectProblem(await as(basrahStaff, { method: 'GET', url: `/api/programmes/${baghdad.id}` }), 404, 'NOT_FOUND');
    expectProblem(await as(basrahStaff, { method: 'GET', url: `/api/programmes/${baghdad.id}/overview` }), 404, 'NOT_FOUND');
    expect((await as(basrahStaff, { method: 'GET', url: `/api/programmes/${both.id}` })).statusCode).toBe(200);
  });

  it('lets a scoped coordinator manage only programmes wholly in their governorates, and keeps donors hidden from them', async () => {
    const mine = await as(basrahCoordinator, {
      method: 'POST',
      url: '/api/programmes',
      payload: { nameAr: 'برنامج البصرة', startsOn: '2026-01-01', governorates: ['IQ-BA'], donorIds: [basrahDonor.id] },
    });
    expect(mine.statusCode, mine.body).toBe(201);
    const outside = { nameAr: 'أ', startsOn: '2026-01-01' };
    expectProblem(await as(basrahCoordinator, { method: 'POST', url: '/api/programmes', payload: outside }), 403, 'FORBIDDEN');
    const bg = { ...outside, governorates: ['IQ-BA', 'IQ-BG'] };
    expectProblem(await as(basrahCoordinator, { method: 'POST', url: '/api/programmes', payload: bg }), 403, 'FORBIDDEN');
    // A donor outside their governorates is as unknown to them as any hidden contact.
    const hiddenDonor = { ...outside, governorates: ['IQ-BA'], donorIds: [donor.id] };
    expectProblem(await as(basrahCoordinator, { method: 'POST', url: '/api/programmes', payload: hiddenDonor }), 404, 'NOT_FOUND');

    const shared = await programme({ governorates: ['IQ-BA'], donorIds: [donor.id, basrahDonor.id] });
    const seen = (await as(basrahCoordinator, { method: 'GET', url: `/api/programmes/${shared.id}` })).json();
    expect(seen).toMatchObject({ donors: [{ id: basrahDonor.id }], hiddenDonors: 1 });
    const update = await as(basrahCoordinator, {
      method: 'PATCH',
      url: `/api/programmes/${shared.id}`,
      payload: { version: 1, donorIds: [] },
    });
    expect(update.statusCode, update.body).toBe(200);
    expect((await get(`/api/programmes/${shared.id}`)).donors.map((d: Json) => d.id)).toEqual([donor.id]);
    const wide = await programme({ governorates: ['IQ-BA', 'IQ-BG'] });
    const refused = await as(basrahCoordinator, {
      method: 'PATCH',
      url: `/api/programmes/${wide.id}`,
      payload: { version: 1, nameEn: 'x' },
    });
    expectProblem(refused, 403, 'FORBIDDEN');
  });
});

describe('the audit viewer', () => {
  it("shows a scoped coordinator the audit of programmes in their governorates, named, and not the others'", async () => {
    const basrah = await programme({ nameAr: 'برنامج البصرة للشباب', governorates: ['IQ-BA'] });
    const baghdad = await programme({ governorates: ['IQ-BG'] });
    const entries = async (id: string) =>
      (await as(basrahCoordinator, { method: 'GET', url: `/api/audit?entityType=programme&entityId=${id}` })).json().items;
    expect((await entries(basrah.id)).map((e: Json) => [e.action, e.entity.label])).toEqual([['create', 'برنامج البصرة للشباب']]);
    expect(await entries(baghdad.id)).toEqual([]);
  });
});

describe('attribution of events, interactions and tasks', () => {
  it('round-trips programmeIds on create and update, counts them on the programme, and audits the change', async () => {
    const a = await programme({ governorates: ['IQ-BG'] });
    const b = await programme({ governorates: ['IQ-BG'] });
    const contact = await created(t, '/api/contacts', { kind: 'activist', name: 'مشاركة', governorates: ['IQ-BG'] });
    const event = await created(t, '/api/events', {
      title: 'جلسة حوار',
      type: 'dialogue_session',
      startsAt: '2026-04-01T09:00:00Z',
      endsAt: '2026-04-01T12:00:00Z',
      programmeIds: [a.id, b.id],
    });
    expect([...event.programmeIds].sort()).toEqual([a.id, b.id].sort());
    const updated = await t.request('staff', {
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      payload: { version: event.version, programmeIds: [b.id] },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().programmeIds).toEqual([b.id]);
    expect((await auditFor(t, event.id)).at(-1)).toMatchObject({ action: 'update', changed_fields: ['programmes'] });

    const interaction = await created(t, '/api/interactions', {
      kind: 'meeting',
      occurredOn: '2026-04-02',
      summary: 'اجتماع',
      contactIds: [contact.id],
      programmeIds: [a.id],
    });
    expect(interaction.programmeIds).toEqual([a.id]);
    const iu = await t.request('staff', {
      method: 'PATCH',
      url: `/api/interactions/${interaction.id}`,
      payload: { version: interaction.version, programmeIds: [] },
    });
    expect(iu.json().programmeIds).toEqual([]);

    const task = await created(t, '/api/tasks', { title: 'متابعة', programmeIds: [a.id] });
    expect(task.programmeIds).toEqual([a.id]);
    const tu = await t.request('staff', {
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      payload: { version: task.version, programmeIds: [a.id, b.id] },
    });
    expect([...tu.json().programmeIds].sort()).toEqual([a.id, b.id].sort());

    expect((await get(`/api/programmes/${a.id}`)).counts).toEqual({ events: 0, interactions: 0, tasks: 1, participants: 0 });
    expect((await get(`/api/programmes/${b.id}`)).counts).toEqual({ events: 1, interactions: 0, tasks: 1, participants: 0 });
  });

  it('refuses a programme the caller cannot see, and keeps the hidden ones a scoped update does not name', async () => {
    const baghdad = await programme({ governorates: ['IQ-BG'] });
    const basrah = await programme({ governorates: ['IQ-BA'] });
    const body = { title: 'ورشة البصرة', type: 'workshop', startsAt: '2026-05-01T09:00:00Z', endsAt: '2026-05-01T12:00:00Z' };
    const hidden = await as(basrahStaff, { method: 'POST', url: '/api/events', payload: { ...body, programmeIds: [baghdad.id] } });
    expectProblem(hidden, 404, 'NOT_FOUND');
    const unknown = await t.request('staff', {
      method: 'POST',
      url: '/api/events',
      payload: { ...body, programmeIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expectProblem(unknown, 404, 'NOT_FOUND');
    const event = await created(t, '/api/events', { ...body, programmeIds: [baghdad.id, basrah.id] });
    const seen = (await as(basrahStaff, { method: 'GET', url: `/api/events/${event.id}` })).json();
    expect(seen.programmeIds).toEqual([basrah.id]);
    const cleared = await as(basrahStaff, {
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      payload: { version: seen.version, programmeIds: [] },
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect((await get(`/api/events/${event.id}`)).programmeIds).toEqual([baghdad.id]);
    expectProblem(
      await t.request('viewer', { method: 'POST', url: '/api/tasks', payload: { title: 'x', programmeIds: [baghdad.id] } }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('participants', () => {
  it('adds and removes participants and beneficiaries, refusing duplicates, bad dates and viewers', async () => {
    const p = await programme({ governorates: ['IQ-BG'] });
    const person = await created(t, '/api/contacts', { kind: 'activist', name: 'مستفيدة', gender: 'female', governorates: ['IQ-BG'] });
    const url = `/api/programmes/${p.id}/participants`;
    const added = await created(t, url, { contactId: person.id, role: 'beneficiary', startsOn: '2026-02-01' });
    expect(added).toMatchObject({
      contact: { id: person.id, gender: 'female' },
      role: 'beneficiary',
      startsOn: '2026-02-01',
      endsOn: null,
    });
    await created(t, url, { contactId: person.id, role: 'participant', startsOn: '2026-02-01', endsOn: '2026-03-01' });
    expectProblem(
      await t.request('staff', { method: 'POST', url, payload: { contactId: person.id, role: 'beneficiary', startsOn: '2026-02-01' } }),
      409,
      'PROGRAMME_PARTICIPANT_EXISTS',
    );
    expectProblem(
      await t.request('staff', { method: 'POST', url, payload: { contactId: person.id, role: 'other', startsOn: '2026-02-01' } }),
      400,
      'VALIDATION_FAILED',
    );
    const backwards = { contactId: person.id, role: 'participant', startsOn: '2026-02-01', endsOn: '2026-01-01' };
    expectProblem(await t.request('staff', { method: 'POST', url, payload: backwards }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await t.request('viewer', { method: 'POST', url, payload: { contactId: person.id, role: 'participant', startsOn: '2026-02-01' } }),
      403,
      'FORBIDDEN',
    );
    expect((await get(url)).items.map((i: Json) => i.role)).toEqual(['beneficiary', 'participant']);
    expect((await get(`/api/programmes/${p.id}`)).counts.participants).toBe(1);
    const removed = await t.request('staff', { method: 'DELETE', url: `${url}/${person.id}/participant` });
    expect(removed.statusCode).toBe(204);
    expectProblem(await t.request('staff', { method: 'DELETE', url: `${url}/${person.id}/participant` }), 404, 'NOT_FOUND');
    expect((await get(url)).items.map((i: Json) => i.role)).toEqual(['beneficiary']);
  });
});

describe('the overview', () => {
  it('counts each person once across events, by governorate, kind, gender and month, with bodies and reach', async () => {
    const p = await programme({ governorates: ['IQ-BG', 'IQ-BA'] });
    const other = await programme({ governorates: ['IQ-BG'] });
    const contact = (name: string, extra: Json) => created(t, '/api/contacts', { kind: 'activist', name, ...extra });
    const zahra = await contact('زهراء', { gender: 'female', governorates: ['IQ-BG'] });
    const ali = await contact('علي', { gender: 'male', governorates: ['IQ-BA'] });
    const huda = await contact('هدى', { kind: 'government_focal_point', gender: 'female', governorates: ['IQ-BG'] });
    const body = await created(t, '/api/contacts', {
      kind: 'organization',
      subtype: 'government_body',
      name: 'مجلس المحافظة',
      governorates: ['IQ-BG'],
    });
    await created(t, '/api/positions', { personId: huda.id, organizationId: body.id, title: 'مستشارة' });
    const event = (title: string, startsAt: string, programmeIds: string[]) =>
      created(t, '/api/events', { title, type: 'workshop', startsAt, endsAt: startsAt.replace('T09', 'T12'), programmeIds });
    const march = await event('ورشة آذار', '2026-03-10T09:00:00Z', [p.id]);
    const april = await event('ورشة نيسان', '2026-04-10T09:00:00Z', [p.id, other.id]);
    const elsewhere = await event('ورشة أخرى', '2026-04-11T09:00:00Z', [other.id]);
    const invite = (eventId: string, contactId: string, status: InvitationStatus) =>
      t.database.db.insertInto('invitation').values({ event_id: eventId, contact_id: contactId, status }).execute();
    await invite(march.id, zahra.id, 'attended');
    await invite(march.id, ali.id, 'attended');
    await invite(march.id, huda.id, 'declined');
    await invite(april.id, zahra.id, 'attended');
    await invite(april.id, huda.id, 'attended');
    await invite(april.id, ali.id, 'proposed');
    await invite(elsewhere.id, ali.id, 'attended');
    await created(t, '/api/interactions', {
      kind: 'meeting',
      occurredOn: '2026-05-02',
      summary: 'لقاء',
      contactIds: [body.id],
      programmeIds: [p.id],
    });
    const beneficiary = await contact('مريم', { gender: 'female', governorates: ['IQ-BA'] });
    await created(t, `/api/programmes/${p.id}/participants`, { contactId: beneficiary.id, role: 'beneficiary', startsOn: '2026-05-15' });

    const o = await get(`/api/programmes/${p.id}/overview`);
    expect(o.events.map((e: Json) => [e.title, e.invited, e.attended, e.status])).toEqual([
      ['ورشة آذار', 3, 2, 'held'],
      ['ورشة نيسان', 2, 2, 'held'],
    ]);
    // zahra at both events counts once; ali's proposed invitation is not sent.
    expect(o.attendance).toMatchObject({ total: 3, invitations: 5 });
    expect(o.attendance.byGovernorate).toEqual([
      { value: 'IQ-BG', count: 2 },
      { value: 'IQ-BA', count: 1 },
    ]);
    expect(o.attendance.byGender).toEqual([
      { value: 'female', count: 2 },
      { value: 'male', count: 1 },
    ]);
    expect(o.attendance.byKind).toEqual([
      { value: 'activist', count: 2 },
      { value: 'government_focal_point', count: 1 },
    ]);
    expect(o.attendance.byMonth).toEqual([
      { value: '2026-03', count: 2 },
      { value: '2026-04', count: 2 },
    ]);
    // The council: through its adviser at April's workshop and itself in May's meeting.
    expect(o.partnerships.bodies).toEqual([
      { id: body.id, name: 'مجلس المحافظة', governorates: ['IQ-BG'], events: 1, interactions: 1, lastMonth: '2026-05' },
    ]);
    expect(o.partnerships).toMatchObject({
      total: 1,
      byMonth: [
        { value: '2026-04', count: 1 },
        { value: '2026-05', count: 1 },
      ],
    });
    // Reached: three attendees, the council in the meeting, and the beneficiary.
    expect(o.reached.total).toBe(5);
    expect(o.reached.byKind).toEqual([
      { value: 'activist', count: 3 },
      { value: 'government_focal_point', count: 1 },
      { value: 'organization', count: 1 },
    ]);
    expect(o.reached.byGender).toEqual([
      { value: 'female', count: 3 },
      { value: 'male', count: 1 },
      { value: null, count: 1 },
    ]);

    // A Basrah-limited user counts only the people in Basrah.
    const scoped = (await as(basrahStaff, { method: 'GET', url: `/api/programmes/${p.id}/overview` })).json();
    expect(scoped.attendance.total).toBe(1);
    expect(scoped.reached.total).toBe(2);
    expect(scoped.partnerships.bodies).toEqual([]);
  });
});
