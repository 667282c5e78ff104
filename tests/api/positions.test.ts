import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/src/domain/roles.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor as auditOf, created, expectProblem, fieldsOf, type Json } from '../helpers/api-requests.js';

let t: TestApp;
let ministry: Json;
let ali: Json;
let sara: Json;
let team: Json;
beforeAll(async () => {
  t = await createTestApp();
  ministry = await contact({ kind: 'organization', subtype: 'government_body', name: 'مديرية شؤون المرأة', governorates: ['IQ-BG'] });
  ali = await contact({ kind: 'government_focal_point', name: 'علي حسن', governorates: ['IQ-BG'] });
  sara = await contact({ kind: 'government_focal_point', name: 'سارة كريم', governorates: ['IQ-BG'] });
  team = await contact({ kind: 'volunteer_team', name: 'فريق شباب البصرة', governorates: ['IQ-BA'] });
});
afterAll(() => t.close());

const contact = (body: Json) => created(t, '/api/contacts', body);

const position = (body: Json, as: Role = 'staff') => created(t, '/api/positions', body, as);

const auditFor = (entityId: string) => auditOf(t, entityId);

describe('positions', () => {
  it('creates a focal-point position with dates as YYYY-MM-DD and audits it', async () => {
    const p = await position({
      personId: ali.id,
      organizationId: ministry.id,
      title: 'مدير القسم',
      isFocalPoint: true,
      startDate: '2024-01-15',
      note: ' nominated by the governor ',
    });
    expect(p).toMatchObject({
      person: { id: ali.id, name: 'علي حسن', kind: 'government_focal_point' },
      organization: { id: ministry.id, kind: 'organization' },
      title: 'مدير القسم',
      isFocalPoint: true,
      startDate: '2024-01-15',
      endDate: null,
      current: true,
      note: 'nominated by the governor',
      version: 1,
    });
    const audit = await auditFor(p.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', entity_type: 'position', user_id: t.users.staff.id });
  });

  it('refuses a non-person as the person and a person as the organisation (400 with fields)', async () => {
    const res = await t.request('staff', {
      method: 'POST',
      url: '/api/positions',
      payload: { personId: ministry.id, organizationId: ali.id, title: 'x' },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res).sort()).toEqual(['organizationId', 'personId']);
  });

  it('accepts a volunteer team as the organisation', async () => {
    const p = await position({ personId: sara.id, organizationId: team.id, title: 'منسقة' });
    expect(p).toMatchObject({ organization: { id: team.id, kind: 'volunteer_team' }, startDate: null, isFocalPoint: false });
  });

  it('refuses an end date before the start date, bad dates and unknown fields', async () => {
    const base = { personId: ali.id, organizationId: ministry.id, title: 'x' };
    const before = await t.request('staff', {
      method: 'POST',
      url: '/api/positions',
      payload: { ...base, startDate: '2024-05-01', endDate: '2024-04-30' },
    });
    expectProblem(before, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(before)).toEqual(['endDate']);
    const bad = await t.request('staff', { method: 'POST', url: '/api/positions', payload: { ...base, startDate: '2024-13-40' } });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(new Set(fieldsOf(bad))).toEqual(new Set(['startDate']));
    const unknown = await t.request('staff', { method: 'POST', url: '/api/positions', payload: { ...base, salary: 5 } });
    expectProblem(unknown, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(unknown)).toEqual(['salary']);
    const missing = await t.request('staff', { method: 'POST', url: '/api/positions', payload: { ...base, personId: randomUUID() } });
    expectProblem(missing, 404, 'NOT_FOUND');
  });

  it('ends a position with PATCH, refuses a stale version, and lists current and past', async () => {
    const org = await contact({ kind: 'organization', subtype: 'local_ngo', name: 'منظمة النور', governorates: ['IQ-BG'] });
    const p = await position({ personId: ali.id, organizationId: org.id, title: 'عضو مجلس الإدارة', startDate: '2020-03-01' });
    const ended = await t.request('coordinator', {
      method: 'PATCH',
      url: `/api/positions/${p.id}`,
      payload: { version: 1, endDate: '2023-12-31' },
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ endDate: '2023-12-31', current: false, version: 2 });
    const stale = await t.request('staff', { method: 'PATCH', url: `/api/positions/${p.id}`, payload: { version: 1, title: 'y' } });
    expectProblem(stale, 409, 'CONFLICT');
    const row = await t.database.db.selectFrom('position').select(['title', 'version']).where('id', '=', p.id).executeTakeFirst();
    expect(row).toEqual({ title: 'عضو مجلس الإدارة', version: 2 });
    // A creation names the fields it filled (their values are in the position's history).
    expect((await auditFor(p.id)).map((a) => [a.action, a.changed_fields])).toEqual([
      ['create', expect.arrayContaining(['person_id', 'organization_id', 'title'])],
      ['update', ['end_date']],
    ]);

    const past = await t.request('viewer', { method: 'GET', url: `/api/positions?organization=${org.id}&current=false` });
    expect(past.statusCode).toBe(200);
    expect(past.json().items.map((i: Json) => i.id)).toEqual([p.id]);
    const current = await t.request('viewer', { method: 'GET', url: `/api/positions?organization=${org.id}&current=true` });
    expect(current.json().items).toEqual([]);
    const byContact = await t.request('viewer', { method: 'GET', url: `/api/positions?contact=${ali.id}` });
    expect(byContact.json().items.map((i: Json) => i.organization.id)).toContain(org.id);
    const focal = await t.request('viewer', { method: 'GET', url: `/api/positions?contact=${ali.id}&focalPoint=true` });
    expect(focal.json().items.every((i: Json) => i.isFocalPoint)).toBe(true);
  });

  it('replaces a focal point in one step and keeps the history', async () => {
    const office = await contact({ kind: 'organization', subtype: 'government_body', name: 'دائرة التخطيط', governorates: ['IQ-BG'] });
    const old = await position({
      personId: ali.id,
      organizationId: office.id,
      title: 'ضابط الارتباط',
      isFocalPoint: true,
      startDate: '2022-01-01',
    });
    const res = await t.request('staff', {
      method: 'POST',
      url: `/api/positions/${old.id}/replace`,
      payload: { person: sara.id, startDate: '2025-06-01' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { ended, created } = res.json();
    expect(ended).toMatchObject({ id: old.id, person: { id: ali.id }, endDate: '2025-06-01', current: false, version: 2 });
    expect(created).toMatchObject({
      person: { id: sara.id },
      organization: { id: office.id },
      title: 'ضابط الارتباط',
      isFocalPoint: true,
      startDate: '2025-06-01',
      endDate: null,
      current: true,
    });
    const history = await t.request('viewer', { method: 'GET', url: `/api/positions?organization=${office.id}` });
    expect(history.json().items.map((i: Json) => [i.person.id, i.current])).toEqual([
      [sara.id, true],
      [ali.id, false],
    ]);
    expect((await auditFor(old.id)).map((a) => a.action)).toEqual(['create', 'update']);
    expect((await auditFor(created.id)).map((a) => a.action)).toEqual(['create']);

    // An ended position cannot be handed over again; the same person, an earlier date and a non-person are refused.
    expectProblem(
      await t.request('staff', {
        method: 'POST',
        url: `/api/positions/${old.id}/replace`,
        payload: { person: ali.id, startDate: '2026-01-01' },
      }),
      409,
      'POSITION_ENDED',
    );
    const same = await t.request('staff', {
      method: 'POST',
      url: `/api/positions/${created.id}/replace`,
      payload: { person: sara.id, startDate: '2026-01-01' },
    });
    expectProblem(same, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(same)).toEqual(['person']);
    const early = await t.request('staff', {
      method: 'POST',
      url: `/api/positions/${created.id}/replace`,
      payload: { person: ali.id, startDate: '2025-01-01' },
    });
    expectProblem(early, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(early)).toEqual(['startDate']);
    const org = await t.request('staff', {
      method: 'POST',
      url: `/api/positions/${created.id}/replace`,
      payload: { person: ministry.id, startDate: '2026-01-01' },
    });
    expect(fieldsOf(org)).toEqual(['person']);
    // Nothing of the refused attempts was written.
    const count = await t.database.db
      .selectFrom('position')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organization_id', '=', office.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('deletes a position (stale version refused) and audits the deletion', async () => {
    const p = await position({ personId: sara.id, organizationId: ministry.id, title: 'مؤقت' });
    expectProblem(await t.request('staff', { method: 'DELETE', url: `/api/positions/${p.id}?version=7` }), 409, 'CONFLICT');
    const res = await t.request('staff', { method: 'DELETE', url: `/api/positions/${p.id}?version=1` });
    expect(res.statusCode).toBe(204);
    expect(await t.database.db.selectFrom('position').select('id').where('id', '=', p.id).executeTakeFirst()).toBeUndefined();
    expect((await auditFor(p.id)).map((a) => a.action)).toEqual(['create', 'delete']);
    expectProblem(await t.request('staff', { method: 'DELETE', url: `/api/positions/${p.id}` }), 404, 'NOT_FOUND');
  });

  it('lets viewers read but not write', async () => {
    const list = await t.request('viewer', { method: 'GET', url: '/api/positions' });
    expect(list.statusCode).toBe(200);
    const p = list.json().items[0];
    expectProblem(
      await t.request('viewer', {
        method: 'POST',
        url: '/api/positions',
        payload: { personId: ali.id, organizationId: ministry.id, title: 'x' },
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await t.request('viewer', { method: 'PATCH', url: `/api/positions/${p.id}`, payload: { version: p.version, title: 'x' } }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await t.request('viewer', { method: 'DELETE', url: `/api/positions/${p.id}` }), 403, 'FORBIDDEN');
    expectProblem(
      await t.request('viewer', {
        method: 'POST',
        url: `/api/positions/${p.id}/replace`,
        payload: { person: sara.id, startDate: '2030-01-01' },
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await t.request(null, { method: 'GET', url: '/api/positions' }), 401, 'UNAUTHORIZED');
  });

  it("hides positions outside a scoped user's governorates (404, not 403)", async () => {
    const basraActivist = await contact({ kind: 'activist', name: 'حيدر البصري', governorates: ['IQ-BA'] });
    const inBasra = await position({ personId: basraActivist.id, organizationId: team.id, title: 'متطوع' });
    const inBaghdad = await position({ personId: ali.id, organizationId: ministry.id, title: 'مستشار' });
    const { token } = await t.addUser('staff', ['IQ-BA']);
    const as = (opts: Json) => t.app.inject({ ...opts, headers: { authorization: `Bearer ${token}` } });

    const list = await as({ method: 'GET', url: '/api/positions' });
    const ids = list.json().items.map((i: Json) => i.id);
    expect(ids).toContain(inBasra.id);
    expect(ids).not.toContain(inBaghdad.id);
    expectProblem(await as({ method: 'GET', url: `/api/positions?organization=${ministry.id}` }), 404, 'NOT_FOUND');
    expectProblem(
      await as({ method: 'PATCH', url: `/api/positions/${inBaghdad.id}`, payload: { version: 1, title: 'x' } }),
      404,
      'NOT_FOUND',
    );
    expectProblem(await as({ method: 'DELETE', url: `/api/positions/${inBaghdad.id}` }), 404, 'NOT_FOUND');
    expectProblem(
      await as({ method: 'POST', url: '/api/positions', payload: { personId: basraActivist.id, organizationId: ministry.id, title: 'x' } }),
      404,
      'NOT_FOUND',
    );
    const ok = await as({ method: 'PATCH', url: `/api/positions/${inBasra.id}`, payload: { version: 1, title: 'قائد فريق' } });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
