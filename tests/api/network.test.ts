import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { betweenness } from '../../server/src/modules/network/betweenness.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

type Json = Record<string, any>;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function contact(name: string, governorates: string[], kind = 'activist'): Promise<string> {
  const body: Json = { kind, name, governorates };
  if (kind === 'organization') body.subtype = 'local_ngo';
  const res = await t.request('staff', { method: 'POST', url: '/api/contacts', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function relate(type: string, from: string, to: string, extra: Json = {}): Promise<string> {
  const res = await t.request('staff', {
    method: 'POST',
    url: '/api/relationships',
    payload: { type, fromContactId: from, toContactId: to, ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function network(query: string, as: 'viewer' | 'admin' = 'viewer', token?: string) {
  const res = token
    ? await t.app.inject({ method: 'GET', url: `/api/network?${query}`, headers: { authorization: `Bearer ${token}` } })
    : await t.request(as, { method: 'GET', url: `/api/network?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Json;
}

const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();

describe('betweenness (Brandes)', () => {
  it('scores a path and a star', () => {
    const path = betweenness(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'd'],
      ],
    );
    expect(Object.fromEntries(path)).toEqual({ a: 0, b: 2, c: 2, d: 0 });
    const star = betweenness(
      ['h', 'x', 'y', 'z'],
      [
        ['h', 'x'],
        ['h', 'y'],
        ['z', 'h'],
        ['x', 'h'],
      ],
    );
    expect(star.get('h')).toBe(3);
    expect(star.get('x')).toBe(0);
  });

  it('splits shortest paths evenly (a square)', () => {
    const sq = betweenness(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'd'],
        ['d', 'a'],
      ],
    );
    expect([...sq.values()]).toEqual([0.5, 0.5, 0.5, 0.5]);
  });
});

describe('GET /api/network', () => {
  // Baghdad (IQ-DI for the scope test): centre — a, b (hop 1); a — c (hop 2); c — d (hop 3); centre — old (ended).
  let centre: string, a: string, b: string, c: string, d: string, old: string, org: string, far: string;
  beforeAll(async () => {
    centre = await contact('المركز', ['IQ-BG']);
    a = await contact('ألف', ['IQ-BG']);
    b = await contact('باء', ['IQ-BG']);
    c = await contact('جيم', ['IQ-BG']);
    d = await contact('دال', ['IQ-BG']);
    old = await contact('قديم', ['IQ-BG']);
    org = await contact('منظمة الشبكة', ['IQ-BG'], 'organization');
    far = await contact('بعيد', ['IQ-BA']);
    await relate('works_with', centre, a);
    await relate('member_of', b, centre);
    await relate('partner_of', a, b);
    await relate('works_with', a, c);
    await relate('works_with', c, d);
    await relate('works_with', centre, old, { startDate: '2020-01-01', endDate: '2021-01-01' });
    await relate('works_with', c, far);
    const pos = await t.request('staff', {
      method: 'POST',
      url: '/api/positions',
      payload: { personId: centre, organizationId: org, title: 'منسق' },
    });
    expect(pos.statusCode, pos.body).toBe(201);
  });

  it('answers one hop with relationships and positions, and figures about the centre', async () => {
    const res = await network(`contact=${centre}`);
    expect(res.nodes[0].id).toBe(centre);
    expect(ids(res.nodes)).toEqual([centre, a, b, org].sort());
    expect(res.edges).toHaveLength(4); // centre–a, b–centre, a–b (among the ring), centre–org position
    const position = res.edges.find((e: Json) => e.type === 'position');
    expect(position).toMatchObject({ source: centre, target: org, label: { ar: 'منسق', en: 'منسق' }, active: true });
    expect(res.edges.find((e: Json) => e.type === 'member_of')).toMatchObject({
      source: b,
      target: centre,
      label: { en: 'member of' },
    });
    expect(res.figures).toEqual({ connections: 3, organisationsReached: 1, governoratesReached: 1 });
    expect(res.bridges).toEqual([]);
    expect(res.truncated).toBe(false);
    expect(res.nodes[0]).toMatchObject({ name: 'المركز', kind: 'activist', governorates: ['IQ-BG'] });
  });

  it('answers two hops', async () => {
    const res = await network(`contact=${centre}&depth=2`);
    expect(ids(res.nodes)).toEqual([centre, a, b, org, c].sort());
    expect(res.nodes.map((n: Json) => n.id)).not.toContain(d);
    expect(res.figures.governoratesReached).toBe(1);
    const res2 = await network(`contact=${a}&depth=2`, 'admin');
    expect(ids(res2.nodes)).toEqual([a, centre, b, c, d, far, org].sort());
    expect(res2.figures.governoratesReached).toBe(2);
  });

  it('hides ended relationships unless asked', async () => {
    expect((await network(`contact=${centre}`)).nodes.map((n: Json) => n.id)).not.toContain(old);
    const res = await network(`contact=${centre}&includeEnded=true`);
    expect(res.nodes.map((n: Json) => n.id)).toContain(old);
    expect(res.edges.find((e: Json) => e.target === old)).toMatchObject({ active: false, type: 'works_with' });
  });

  it("leaves out contacts outside a scoped viewer's governorates, and 404s an out-of-scope centre", async () => {
    const { token } = await t.addUser('viewer', ['IQ-BG']);
    const res = await network(`contact=${a}&depth=2`, 'viewer', token);
    expect(res.nodes.map((n: Json) => n.id)).not.toContain(far);
    expect(res.edges.every((e: Json) => e.source !== far && e.target !== far)).toBe(true);
    const out = await t.app.inject({ method: 'GET', url: `/api/network?contact=${far}`, headers: { authorization: `Bearer ${token}` } });
    expect(out.statusCode).toBe(404);
  });

  it('answers 400 without exactly one of contact or governorate, or with a bad depth; 401 signed out', async () => {
    for (const q of ['', `contact=${centre}&governorate=IQ-BG`, `contact=${centre}&depth=3`, 'governorate=XX', 'contact=nope']) {
      const res = await t.request('viewer', { method: 'GET', url: `/api/network?${q}` });
      expect(res.statusCode, q).toBe(400);
    }
    expect((await t.request(null, { method: 'GET', url: `/api/network?contact=${centre}` })).statusCode).toBe(401);
  });
});

describe('the 500-node cap', () => {
  it('cuts a larger graph and says so', async () => {
    const hub = await contact('محور كبير', ['IQ-MU']);
    const { rows } = await sql<{ id: string }>`INSERT INTO contact (kind, name)
      SELECT 'activist', 'عضو ' || g FROM generate_series(1, 520) g RETURNING id`.execute(t.database.db);
    await t.database.db
      .insertInto('contact_governorate')
      .values(rows.map((r) => ({ contact_id: r.id, governorate_code: 'IQ-MU' })))
      .execute();
    const type = await t.database.db.selectFrom('relationship_type').select('id').where('key', '=', 'works_with').executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('relationship')
      .values(rows.map((r) => ({ type_id: type.id, from_contact_id: hub, to_contact_id: r.id })))
      .execute();
    const res = await network(`contact=${hub}`);
    expect(res.nodes).toHaveLength(500);
    expect(res.truncated).toBe(true);
    expect(res.edges).toHaveLength(499);
    const gov = await network('governorate=IQ-MU');
    expect(gov.nodes).toHaveLength(500);
    expect(gov.nodes[0].id).toBe(hub);
    expect(gov.truncated).toBe(true);
    expect(gov.bridges[0].id).toBe(hub);
  });
});

describe('governorate view', () => {
  // Two triangles in Wasit joined through one contact: left1–left2–left3, right1–right2–right3, left1–hub–right1.
  let hub: string, left: string[], right: string[], lonely: string, outside: string;
  beforeAll(async () => {
    hub = await contact('الجسر', ['IQ-WA']);
    left = [await contact('يسار 1', ['IQ-WA']), await contact('يسار 2', ['IQ-WA']), await contact('يسار 3', ['IQ-WA'])];
    right = [await contact('يمين 1', ['IQ-WA']), await contact('يمين 2', ['IQ-WA']), await contact('يمين 3', ['IQ-WA'])];
    lonely = await contact('وحيد', ['IQ-WA', 'IQ-NA']);
    outside = await contact('خارج', ['IQ-NA']);
    for (const side of [left, right]) {
      await relate('works_with', side[0], side[1]);
      await relate('works_with', side[1], side[2]);
      await relate('works_with', side[2], side[0]);
    }
    await relate('works_with', left[0], hub);
    await relate('partner_of', hub, right[0]);
    await relate('works_with', hub, outside);
    await relate('works_with', lonely, left[2], { endDate: '2022-01-01' });
  });

  it('lists all contacts of the governorate and the relationships among them, bridges first', async () => {
    const res = await network('governorate=IQ-WA');
    expect(ids(res.nodes)).toEqual([hub, ...left, ...right, lonely].sort());
    expect(res.nodes.map((n: Json) => n.id)).not.toContain(outside);
    expect(res.edges).toHaveLength(8);
    expect(res.bridges[0]).toMatchObject({ id: hub, name: 'الجسر' });
    // Every shortest path between one of the 3 left and one of the 3 right contacts runs through hub: 3 · 3 pairs.
    expect(res.bridges[0].score).toBe(9);
    expect(ids(res.bridges.slice(1, 3))).toEqual([left[0], right[0]].sort());
    expect(res.figures).toEqual({ connections: 8, organisationsReached: 0, governoratesReached: 2 });
    expect(res.truncated).toBe(false);
    const ended = await network('governorate=IQ-WA&includeEnded=true');
    expect(ended.edges).toHaveLength(9);
  });

  it('shows a scoped viewer only contacts in scope', async () => {
    const { token } = await t.addUser('viewer', ['IQ-NA']);
    const res = await network('governorate=IQ-WA', 'viewer', token);
    expect(ids(res.nodes)).toEqual([lonely]);
    expect(res.edges).toEqual([]);
    expect(res.bridges).toEqual([]);
  });
});
