import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/src/domain/roles.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor as auditOf, created, expectProblem, fieldsOf, type Json } from '../helpers/api-requests.js';

let t: TestApp;
let zainab: Json;
let team: Json;
let ngo: Json;
let donor: Json;
beforeAll(async () => {
  t = await createTestApp();
  zainab = await contact({ kind: 'activist', name: 'زينب علي', governorates: ['IQ-BG'] });
  team = await contact({ kind: 'volunteer_team', name: 'فريق بغداد التطوعي', governorates: ['IQ-BG'] });
  ngo = await contact({ kind: 'organization', subtype: 'local_ngo', name: 'منظمة الأمل', governorates: ['IQ-BG'] });
  donor = await contact({ kind: 'organization', subtype: 'donor', name: 'الصندوق الدولي', governorates: ['IQ-BA'] });
});
afterAll(() => t.close());

const contact = (body: Json) => created(t, '/api/contacts', body);

const relate = (body: Json, as: Role = 'staff') => t.request(as, { method: 'POST', url: '/api/relationships', payload: body });

const related = (body: Json, as: Role = 'staff') => created(t, '/api/relationships', body, as);

const auditFor = (entityId: string) => auditOf(t, entityId);

describe('relationship types', () => {
  it('lists the seeded default set with Arabic and English labels both ways', async () => {
    const res = await t.request('viewer', { method: 'GET', url: '/api/relationship-types' });
    expect(res.statusCode).toBe(200);
    const byKey = Object.fromEntries(res.json().items.map((i: Json) => [i.key, i]));
    expect(Object.keys(byKey).sort()).toEqual(['funded_by', 'leads', 'member_of', 'partner_of', 'referred_by', 'works_with']);
    expect(byKey.member_of).toMatchObject({
      symmetric: false,
      labels: { forward: { ar: 'عضو في', en: 'member of' }, reverse: { en: 'has member' } },
    });
    expect(byKey.funded_by.labels).toMatchObject({ forward: { en: 'funded by' }, reverse: { en: 'funds', ar: 'يموّل' } });
    expect(byKey.partner_of.symmetric).toBe(true);
    expect(byKey.partner_of.labels.forward).toEqual(byKey.partner_of.labels.reverse);
    expect(byKey.works_with.symmetric).toBe(true);
  });

  it('lets only an admin add a type, audited; a duplicate key is a 409', async () => {
    const body = {
      key: 'advises',
      labels: { forward: { ar: 'يقدّم المشورة لـ', en: 'advises' }, reverse: { ar: 'يستشير', en: 'advised by' } },
    };
    for (const role of ['coordinator', 'staff', 'viewer'] as const) {
      expectProblem(await t.request(role, { method: 'POST', url: '/api/relationship-types', payload: body }), 403, 'FORBIDDEN');
    }
    const res = await t.request('admin', { method: 'POST', url: '/api/relationship-types', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ key: 'advises', symmetric: false, labels: body.labels });
    expect(await auditFor(res.json().id)).toMatchObject([
      { action: 'create', entity_type: 'relationship_type', user_id: t.users.admin.id },
    ]);
    expectProblem(
      await t.request('admin', { method: 'POST', url: '/api/relationship-types', payload: body }),
      409,
      'RELATIONSHIP_TYPE_EXISTS',
    );
  });

  it('needs a reverse label for a directed type; a symmetric type reuses the forward label', async () => {
    const noReverse = await t.request('admin', {
      method: 'POST',
      url: '/api/relationship-types',
      payload: { key: 'mentors', labels: { forward: { ar: 'يرشد', en: 'mentors' } } },
    });
    expectProblem(noReverse, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(noReverse)).toEqual(['labels.reverse']);
    const sym = await t.request('admin', {
      method: 'POST',
      url: '/api/relationship-types',
      payload: { key: 'allied_with', symmetric: true, labels: { forward: { ar: 'حليف لـ', en: 'allied with' } } },
    });
    expect(sym.statusCode, sym.body).toBe(201);
    expect(sym.json().labels.reverse).toEqual({ ar: 'حليف لـ', en: 'allied with' });
    const badKey = await t.request('admin', {
      method: 'POST',
      url: '/api/relationship-types',
      payload: { key: 'Bad Key', symmetric: true, labels: { forward: { ar: 'x', en: 'x' } } },
    });
    expectProblem(badKey, 400, 'VALIDATION_FAILED');
  });
});

describe('relationships', () => {
  it('creates a directed relationship with strength, dates and note, audited', async () => {
    const r = await related({
      type: 'member_of',
      fromContactId: zainab.id,
      toContactId: team.id,
      startDate: '2021-09-01',
      strength: 4,
      note: 'founding member',
    });
    expect(r).toMatchObject({
      type: { key: 'member_of', symmetric: false },
      from: { id: zainab.id, name: 'زينب علي', kind: 'activist' },
      to: { id: team.id, kind: 'volunteer_team' },
      startDate: '2021-09-01',
      endDate: null,
      active: true,
      strength: 4,
      note: 'founding member',
      version: 1,
    });
    const row = await t.database.db.selectFrom('relationship').select(['created_by']).where('id', '=', r.id).executeTakeFirst();
    expect(row).toEqual({ created_by: t.users.staff.id });
    expect(await auditFor(r.id)).toMatchObject([{ action: 'create', entity_type: 'relationship' }]);
  });

  it('refuses a self-relationship (400 on toContactId), an unknown type, bad strength and unknown fields', async () => {
    const self = await relate({ type: 'works_with', fromContactId: ngo.id, toContactId: ngo.id });
    expectProblem(self, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(self)).toEqual(['toContactId']);
    const unknownType = await relate({ type: 'sibling_of', fromContactId: ngo.id, toContactId: team.id });
    expectProblem(unknownType, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(unknownType)).toEqual(['type']);
    const strength = await relate({ type: 'works_with', fromContactId: ngo.id, toContactId: team.id, strength: 6 });
    expectProblem(strength, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(strength)).toContain('strength');
    const extra = await relate({ type: 'works_with', fromContactId: ngo.id, toContactId: team.id, weight: 1 });
    expectProblem(extra, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(extra)).toEqual(['weight']);
    const dates = await relate({ type: 'works_with', fromContactId: ngo.id, toContactId: team.id, startDate: '2024-02-30' });
    expectProblem(dates, 400, 'VALIDATION_FAILED');
    const order = await relate({
      type: 'works_with',
      fromContactId: ngo.id,
      toContactId: team.id,
      startDate: '2024-02-10',
      endDate: '2024-02-01',
    });
    expectProblem(order, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(order)).toEqual(['endDate']);
    expectProblem(await relate({ type: 'works_with', fromContactId: ngo.id, toContactId: randomUUID() }), 404, 'NOT_FOUND');
  });

  it('refuses a duplicate active relationship of the same type (409 RELATIONSHIP_EXISTS), but allows the other direction of a directed type', async () => {
    await related({ type: 'funded_by', fromContactId: ngo.id, toContactId: donor.id });
    expectProblem(await relate({ type: 'funded_by', fromContactId: ngo.id, toContactId: donor.id }), 409, 'RELATIONSHIP_EXISTS');
    // Directed: the reverse direction is a different statement.
    await related({ type: 'funded_by', fromContactId: donor.id, toContactId: ngo.id });
    // Another type between the same pair is fine.
    await related({ type: 'referred_by', fromContactId: ngo.id, toContactId: donor.id });
  });

  it('refuses a duplicate of a symmetric type in both directions', async () => {
    await related({ type: 'partner_of', fromContactId: ngo.id, toContactId: team.id });
    expectProblem(await relate({ type: 'partner_of', fromContactId: ngo.id, toContactId: team.id }), 409, 'RELATIONSHIP_EXISTS');
    expectProblem(await relate({ type: 'partner_of', fromContactId: team.id, toContactId: ngo.id }), 409, 'RELATIONSHIP_EXISTS');
    const n = await t.database.db
      .selectFrom('relationship')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where((eb) => eb.or([eb('from_contact_id', '=', team.id), eb('to_contact_id', '=', team.id)]))
      .where('type_id', 'in', (eb) => eb.selectFrom('relationship_type').select('id').where('key', '=', 'partner_of'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('two concurrent requests for the same symmetric pair, written in opposite directions, create one relationship', async () => {
    const a = await contact({ kind: 'organization', subtype: 'media', name: 'إذاعة المدينة', governorates: ['IQ-BG'] });
    const b = await contact({ kind: 'organization', subtype: 'local_ngo', name: 'منظمة الرافدين', governorates: ['IQ-BG'] });
    const results = await Promise.all([
      relate({ type: 'works_with', fromContactId: a.id, toContactId: b.id }),
      relate({ type: 'works_with', fromContactId: b.id, toContactId: a.id }, 'coordinator'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('RELATIONSHIP_EXISTS');
    const rows = await t.database.db
      .selectFrom('relationship')
      .select('id')
      .where((eb) => eb.or([eb('from_contact_id', '=', a.id), eb('to_contact_id', '=', a.id)]))
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('the unique index backs the rule: a second active row in the same direction fails in the database', async () => {
    const type = await t.database.db.selectFrom('relationship_type').select('id').where('key', '=', 'leads').executeTakeFirstOrThrow();
    const row = { type_id: type.id, from_contact_id: zainab.id, to_contact_id: ngo.id };
    await t.database.db.insertInto('relationship').values(row).execute();
    await expect(t.database.db.insertInto('relationship').values(row).execute()).rejects.toMatchObject({ code: '23505' });
    expectProblem(await relate({ type: 'leads', fromContactId: zainab.id, toContactId: ngo.id }), 409, 'RELATIONSHIP_EXISTS');
  });

  it('ends a relationship with PATCH; then a new active one may start; re-opening the old one is a 409', async () => {
    const first = await related({ type: 'works_with', fromContactId: zainab.id, toContactId: ngo.id, startDate: '2020-01-01' });
    const ended = await t.request('coordinator', {
      method: 'PATCH',
      url: `/api/relationships/${first.id}`,
      payload: { version: 1, endDate: '2022-06-30', strength: 2, note: 'moved away' },
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ endDate: '2022-06-30', active: false, strength: 2, note: 'moved away', version: 2 });
    const audit = await auditFor(first.id);
    expect(audit[1]).toMatchObject({ action: 'update', entity_type: 'relationship' });
    expect([...audit[1].changed_fields].sort()).toEqual(['end_date', 'note', 'strength']);

    // Symmetric: a new active one written the other way round is allowed once the first has ended.
    const second = await related({ type: 'works_with', fromContactId: ngo.id, toContactId: zainab.id, startDate: '2024-01-01' });
    expect(second.active).toBe(true);
    expectProblem(
      await t.request('staff', { method: 'PATCH', url: `/api/relationships/${first.id}`, payload: { version: 2, endDate: null } }),
      409,
      'RELATIONSHIP_EXISTS',
    );
    expectProblem(
      await t.request('staff', { method: 'PATCH', url: `/api/relationships/${first.id}`, payload: { version: 1, strength: 5 } }),
      409,
      'CONFLICT',
    );

    const active = await t.request('viewer', { method: 'GET', url: `/api/relationships?contact=${zainab.id}&type=works_with&active=true` });
    expect(active.json().items.map((i: Json) => i.id)).toEqual([second.id]);
    const past = await t.request('viewer', { method: 'GET', url: `/api/relationships?contact=${zainab.id}&active=false` });
    expect(past.json().items.map((i: Json) => i.id)).toEqual([first.id]);
  });

  it('deletes a relationship, audited; stale version refused', async () => {
    const r = await related({ type: 'referred_by', fromContactId: zainab.id, toContactId: team.id });
    expectProblem(await t.request('staff', { method: 'DELETE', url: `/api/relationships/${r.id}?version=2` }), 409, 'CONFLICT');
    expect((await t.request('staff', { method: 'DELETE', url: `/api/relationships/${r.id}?version=1` })).statusCode).toBe(204);
    expect(await t.database.db.selectFrom('relationship').select('id').where('id', '=', r.id).executeTakeFirst()).toBeUndefined();
    expect((await auditFor(r.id)).map((a) => a.action)).toEqual(['create', 'delete']);
  });

  it('lets viewers read but not write', async () => {
    const list = await t.request('viewer', { method: 'GET', url: '/api/relationships' });
    expect(list.statusCode).toBe(200);
    const r = list.json().items[0];
    expectProblem(await relate({ type: 'works_with', fromContactId: team.id, toContactId: donor.id }, 'viewer'), 403, 'FORBIDDEN');
    expectProblem(
      await t.request('viewer', { method: 'PATCH', url: `/api/relationships/${r.id}`, payload: { version: r.version, strength: 1 } }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await t.request('viewer', { method: 'DELETE', url: `/api/relationships/${r.id}` }), 403, 'FORBIDDEN');
  });

  it("hides relationships with a contact outside a scoped user's governorates (404)", async () => {
    const basraTeam = await contact({ kind: 'volunteer_team', name: 'فريق الفاو', governorates: ['IQ-BA'] });
    const visible = await related({ type: 'partner_of', fromContactId: basraTeam.id, toContactId: donor.id });
    const hidden = await related({ type: 'funded_by', fromContactId: team.id, toContactId: donor.id });
    const { token } = await t.addUser('coordinator', ['IQ-BA']);
    const as = (opts: Json) => t.app.inject({ ...opts, headers: { authorization: `Bearer ${token}` } });

    const list = await as({ method: 'GET', url: `/api/relationships?contact=${donor.id}` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: Json) => i.id)).toEqual([visible.id]);
    expectProblem(await as({ method: 'GET', url: `/api/relationships?contact=${team.id}` }), 404, 'NOT_FOUND');
    expectProblem(
      await as({ method: 'PATCH', url: `/api/relationships/${hidden.id}`, payload: { version: 1, strength: 3 } }),
      404,
      'NOT_FOUND',
    );
    expectProblem(await as({ method: 'DELETE', url: `/api/relationships/${hidden.id}` }), 404, 'NOT_FOUND');
    expectProblem(
      await as({
        method: 'POST',
        url: '/api/relationships',
        payload: { type: 'works_with', fromContactId: basraTeam.id, toContactId: team.id },
      }),
      404,
      'NOT_FOUND',
    );
    const ok = await as({ method: 'PATCH', url: `/api/relationships/${visible.id}`, payload: { version: 1, strength: 3 } });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe('listing relationships by governorate and period', () => {
  it('keeps those with either contact in the governorate, and those overlapping the period', async () => {
    const basra = await contact({ kind: 'activist', name: 'مهند البصري', governorates: ['IQ-BA'] });
    const najaf = await contact({ kind: 'activist', name: 'حوراء النجفية', governorates: ['IQ-NA'] });
    const old = await related({
      type: 'works_with',
      fromContactId: basra.id,
      toContactId: najaf.id,
      startDate: '2019-01-01',
      endDate: '2020-06-30',
    });
    const recent = await related({ type: 'funded_by', fromContactId: najaf.id, toContactId: donor.id, startDate: '2024-03-01' });
    const ids = async (qs: string) =>
      ((await t.request('viewer', { method: 'GET', url: `/api/relationships?${qs}` })).json().items as Json[])
        .map((r) => r.id)
        .filter((id) => id === old.id || id === recent.id)
        .sort();
    expect(await ids('governorate=IQ-NA')).toEqual([old.id, recent.id].sort());
    expect(await ids('governorate=IQ-BA')).toEqual([old.id, recent.id].sort());
    expect(await ids('governorate=IQ-NA&from=2023-01-01')).toEqual([recent.id]);
    expect(await ids('governorate=IQ-NA&to=2021-12-31')).toEqual([old.id]);
    expect(await ids('governorate=IQ-NA&from=2020-01-01&to=2020-12-31')).toEqual([old.id]);
    const bad = await t.request('viewer', { method: 'GET', url: '/api/relationships?from=2024-13-01' });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
  });
});
