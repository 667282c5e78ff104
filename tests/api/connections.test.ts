import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Json = Record<string, any>;

async function post(url: string, body: Json): Promise<Json> {
  const res = await t.request('staff', { method: 'POST', url, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const contact = (body: Json) => post('/api/contacts', body);
const connections = async (id: string, as: 'viewer' | 'staff' = 'viewer') => {
  const res = await t.request(as, { method: 'GET', url: `/api/contacts/${id}/connections` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

function expectProblem(res: { statusCode: number; json(): any }, status: number, code: string) {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  expect(res.json()).toMatchObject({ status, code });
}

const count = async (table: 'position' | 'relationship' | 'interaction_participant' | 'interaction', column: string, id: string) =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where(column as any, '=', id)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('GET /api/contacts/:id/connections', () => {
  it("shows each relationship from the contact's own side: forward label from `from`, reverse from `to`", async () => {
    const activist = await contact({ kind: 'activist', name: 'رغد محمود', governorates: ['IQ-BG'] });
    const team = await contact({ kind: 'volunteer_team', name: 'فريق الكرخ', governorates: ['IQ-BG'] });
    const r = await post('/api/relationships', { type: 'member_of', fromContactId: activist.id, toContactId: team.id, strength: 3 });

    const fromSide = await connections(activist.id);
    expect(fromSide.relationships).toEqual([
      {
        id: r.id,
        type: { key: 'member_of', symmetric: false, direction: 'from', label: { ar: 'عضو في', en: 'member of' } },
        otherContact: { id: team.id, name: 'فريق الكرخ', kind: 'volunteer_team' },
        startDate: null,
        endDate: null,
        active: true,
        strength: 3,
        note: null,
        version: 1,
      },
    ]);
    const toSide = await connections(team.id);
    expect(toSide.relationships[0]).toMatchObject({
      id: r.id,
      type: { key: 'member_of', direction: 'to', label: { en: 'has member' } },
      otherContact: { id: activist.id, kind: 'activist' },
    });
    expect(toSide.relationships[0].type.label.ar).not.toBe('عضو في');
  });

  it('uses the forward label both ways for a symmetric type', async () => {
    const a = await contact({ kind: 'organization', subtype: 'local_ngo', name: 'منظمة بيت السلام', governorates: ['IQ-NI'] });
    const b = await contact({ kind: 'organization', subtype: 'international_ngo', name: 'Peace Works', governorates: ['IQ-NI'] });
    await post('/api/relationships', { type: 'partner_of', fromContactId: a.id, toContactId: b.id });
    const fromA = (await connections(a.id)).relationships[0];
    const fromB = (await connections(b.id)).relationships[0];
    expect(fromA.type.label).toEqual({ ar: 'شريك لـ', en: 'partner of' });
    expect(fromB.type.label).toEqual(fromA.type.label);
    expect(fromB.otherContact.id).toBe(a.id);
  });

  it("shows a government body's current focal point and its history, and flags a focal point with no current position", async () => {
    const body = await contact({
      kind: 'organization',
      subtype: 'government_body',
      name: 'مديرية التربية في بابل',
      governorates: ['IQ-BB'],
    });
    const first = await contact({ kind: 'government_focal_point', name: 'كريم عباس', governorates: ['IQ-BB'] });
    const second = await contact({ kind: 'government_focal_point', name: 'أمل فاضل', governorates: ['IQ-BB'] });
    const unplaced = await contact({ kind: 'government_focal_point', name: 'سعد ياسين', governorates: ['IQ-BB'] });
    const held = await post('/api/positions', {
      personId: first.id,
      organizationId: body.id,
      title: 'معاون المدير',
      isFocalPoint: true,
      startDate: '2021-02-01',
    });
    const replaced = await post(`/api/positions/${held.id}/replace`, { person: second.id, startDate: '2025-01-10' });

    const office = await connections(body.id);
    expect(office.contact).toEqual({ id: body.id, name: 'مديرية التربية في بابل', kind: 'organization' });
    expect(office.positions.map((p: Json) => [p.person.id, p.startDate, p.endDate, p.current])).toEqual([
      [second.id, '2025-01-10', null, true],
      [first.id, '2021-02-01', '2025-01-10', false],
    ]);
    expect(office.currentFocalPoints.map((p: Json) => p.id)).toEqual([replaced.created.id]);
    expect(office.heldPositions).toEqual([]);
    expect(office.focalPointWithoutCurrentPosition).toBe(false);

    const former = await connections(first.id);
    expect(former.heldPositions.map((p: Json) => p.id)).toEqual([held.id]);
    expect(former.focalPointWithoutCurrentPosition).toBe(true);
    expect((await connections(second.id)).focalPointWithoutCurrentPosition).toBe(false);
    expect((await connections(unplaced.id)).focalPointWithoutCurrentPosition).toBe(true);
  });

  it('lists the 20 most recent interactions, newest first', async () => {
    const person = await contact({ kind: 'activist', name: 'عمر خالد', governorates: ['IQ-BG'] });
    for (let day = 1; day <= 22; day++) {
      await post('/api/interactions', {
        kind: 'call',
        occurredOn: `2025-01-${String(day).padStart(2, '0')}`,
        summary: `call ${day}`,
        contactIds: [person.id],
      });
    }
    const { interactions } = await connections(person.id);
    expect(interactions).toHaveLength(20);
    expect(interactions[0].occurredOn).toBe('2025-01-22');
    expect(interactions[19].occurredOn).toBe('2025-01-03');
  });

  it("answers 404 for an unknown contact and for one outside a scoped user's governorates, and hides out-of-scope links", async () => {
    const basra = await contact({ kind: 'activist', name: 'مريم البصراوي', governorates: ['IQ-BA'] });
    const baghdad = await contact({ kind: 'organization', subtype: 'local_ngo', name: 'منظمة دجلة', governorates: ['IQ-BG'] });
    const basraTeam = await contact({ kind: 'volunteer_team', name: 'فريق أبي الخصيب', governorates: ['IQ-BA'] });
    await post('/api/relationships', { type: 'works_with', fromContactId: basra.id, toContactId: baghdad.id });
    await post('/api/relationships', { type: 'member_of', fromContactId: basra.id, toContactId: basraTeam.id });
    const { token } = await t.addUser('viewer', ['IQ-BA']);
    const as = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

    expectProblem(await as(`/api/contacts/${baghdad.id}/connections`), 404, 'NOT_FOUND');
    expectProblem(
      await t.request('viewer', { method: 'GET', url: '/api/contacts/00000000-0000-4000-8000-000000000000/connections' }),
      404,
      'NOT_FOUND',
    );
    const mine = await as(`/api/contacts/${basra.id}/connections`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().relationships.map((r: Json) => r.otherContact.id)).toEqual([basraTeam.id]);
    expect((await connections(basra.id)).relationships).toHaveLength(2);
  });
});

describe('deleting a contact', () => {
  it('removes its positions, relationships and participant rows, and interactions left without participants', async () => {
    const gone = await contact({ kind: 'government_focal_point', name: 'حسين راضي', governorates: ['IQ-KA'] });
    const stays = await contact({ kind: 'activist', name: 'ليلى حسن', governorates: ['IQ-KA'] });
    const office = await contact({ kind: 'organization', subtype: 'government_body', name: 'مديرية صحة كربلاء', governorates: ['IQ-KA'] });
    const position = await post('/api/positions', { personId: gone.id, organizationId: office.id, title: 'مدير', isFocalPoint: true });
    const relFrom = await post('/api/relationships', { type: 'works_with', fromContactId: gone.id, toContactId: stays.id });
    const relTo = await post('/api/relationships', { type: 'referred_by', fromContactId: stays.id, toContactId: gone.id });
    const solo = await post('/api/interactions', { kind: 'call', occurredOn: '2025-05-01', summary: 'alone', contactIds: [gone.id] });
    const shared = await post('/api/interactions', {
      kind: 'meeting',
      occurredOn: '2025-05-02',
      summary: 'together',
      contactIds: [gone.id, stays.id],
    });

    const res = await t.request('staff', { method: 'DELETE', url: `/api/contacts/${gone.id}` });
    expect(res.statusCode).toBe(204);

    expect(await count('position', 'id', position.id)).toBe(0);
    expect(await count('relationship', 'id', relFrom.id)).toBe(0);
    expect(await count('relationship', 'id', relTo.id)).toBe(0);
    expect(await count('interaction_participant', 'contact_id', gone.id)).toBe(0);
    expect(await count('interaction', 'id', solo.id)).toBe(0);
    expect(await count('interaction', 'id', shared.id)).toBe(1);
    expect(await count('interaction_participant', 'interaction_id', shared.id)).toBe(1);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity_type', '=', 'contact')
      .where('entity_id', '=', gone.id)
      .where('action', '=', 'delete')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ deletedInteractions: [solo.id] });

    const left = await connections(stays.id);
    expect(left.relationships).toEqual([]);
    expect(left.interactions.map((i: Json) => i.id)).toEqual([shared.id]);
    expect((await connections(office.id)).positions).toEqual([]);
  });
});

describe('the contacts list flags government focal points without a current position', () => {
  it('until a current position is filed for them', async () => {
    const t = await createTestApp();
    try {
      const create = async (body: Record<string, unknown>) =>
        (await t.request('staff', { method: 'POST', url: '/api/contacts', payload: body })).json() as { id: string };
      const body = await create({
        kind: 'organization',
        subtype: 'government_body',
        name: 'قسم شؤون المنظمات — محافظة بابل',
        governorates: ['IQ-BB'],
      });
      const person = await create({ kind: 'government_focal_point', name: 'حيدر كاظم', governorates: ['IQ-BB'] });
      const flagged = async () => {
        const res = await t.request('viewer', { method: 'GET', url: '/api/contacts?governorate=IQ-BB' });
        return (res.json() as { items: { id: string; focalPointWithoutPosition: boolean }[] }).items
          .filter((c) => c.focalPointWithoutPosition)
          .map((c) => c.id);
      };
      expect(await flagged()).toEqual([person.id]);
      const res = await t.request('staff', {
        method: 'POST',
        url: '/api/positions',
        payload: { personId: person.id, organizationId: body.id, title: 'مدير القسم', isFocalPoint: true, startDate: '2024-01-01' },
      });
      expect(res.statusCode).toBe(201);
      expect(await flagged()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
