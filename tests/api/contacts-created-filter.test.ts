import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, fieldsOf, type Json } from '../helpers/api-requests.js';

let t: TestApp;

/** Creates a contact, then moves its creation time to `createdAt` (ISO, UTC). */
async function contactCreatedAt(body: Json, createdAt: string): Promise<string> {
  const { id } = await created(t, '/api/contacts', body);
  await t.database.db
    .updateTable('contact')
    .set({ created_at: new Date(createdAt) })
    .where('id', '=', id)
    .execute();
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  // The first and last instants of March 2026 in UTC, and one instant either side of them.
  await contactCreatedAt({ kind: 'activist', name: 'سلمى فبراير', governorates: ['IQ-BG'] }, '2026-02-28T23:59:59.999Z');
  await contactCreatedAt({ kind: 'activist', name: 'سلمى آذار الأول', governorates: ['IQ-BG'] }, '2026-03-01T00:00:00.000Z');
  await contactCreatedAt(
    { kind: 'organization', subtype: 'local_ngo', name: 'منظمة آذار', governorates: ['IQ-BG', 'IQ-BA'] },
    '2026-03-15T12:00:00.000Z',
  );
  await contactCreatedAt({ kind: 'activist', name: 'سلمى آذار الأخير', governorates: ['IQ-BA'] }, '2026-03-31T23:59:59.999Z');
  await contactCreatedAt({ kind: 'activist', name: 'سلمى نيسان', governorates: ['IQ-BG'] }, '2026-04-01T00:00:00.000Z');
});
afterAll(() => t.close());

const list = (query: string) => t.request('viewer', { method: 'GET', url: `/api/contacts?${query}` });
const names = async (query: string) => {
  const res = await list(query);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as Json[]).map((c) => c.name as string).sort();
};
const exportNames = async (query: string) => {
  const res = await t.request('staff', { method: 'GET', url: `/api/contacts/export?format=csv&columns=name&${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.body
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .slice(1)
    .sort();
};

const MARCH = ['سلمى آذار الأخير', 'سلمى آذار الأول', 'منظمة آذار'].sort();

describe('contacts list filtered by the UTC day they were added', () => {
  it('includes both boundary days whole and nothing outside them', async () => {
    expect(await names('createdFrom=2026-03-01&createdTo=2026-03-31')).toEqual(MARCH);
    const res = await list('createdFrom=2026-03-01&createdTo=2026-03-31&limit=2');
    expect(res.json()).toMatchObject({ total: 3, limit: 2 });
    expect(await names('createdFrom=2026-03-31&createdTo=2026-03-31')).toEqual(['سلمى آذار الأخير']);
  });

  it('takes either bound alone', async () => {
    expect(await names('createdFrom=2026-04-01')).toEqual(['سلمى نيسان']);
    expect(await names('createdTo=2026-02-28')).toEqual(['سلمى فبراير']);
  });

  it('combines with kind and governorate', async () => {
    expect(await names('createdFrom=2026-03-01&createdTo=2026-03-31&kind=activist')).toEqual(
      ['سلمى آذار الأخير', 'سلمى آذار الأول'].sort(),
    );
    expect(await names('createdFrom=2026-03-01&createdTo=2026-03-31&governorate=IQ-BA')).toEqual(['سلمى آذار الأخير', 'منظمة آذار'].sort());
    expect(await names('createdFrom=2026-03-01&createdTo=2026-03-31&governorate=IQ-BG&kind=activist')).toEqual(['سلمى آذار الأول']);
  });

  it('narrows a text search to the range', async () => {
    const q = encodeURIComponent('سلمى');
    expect(await names(`q=${q}`)).toHaveLength(4);
    expect(await names(`q=${q}&createdFrom=2026-03-01&createdTo=2026-03-31`)).toEqual(['سلمى آذار الأخير', 'سلمى آذار الأول'].sort());
    const res = await list(`q=${q}&createdFrom=2026-03-01&createdTo=2026-03-31&governorate=IQ-BA`);
    expect(res.json()).toMatchObject({ total: 1, items: [{ name: 'سلمى آذار الأخير' }] });
  });

  it('exports the same rows and records the range in the audit log', async () => {
    expect(await exportNames('createdFrom=2026-03-01&createdTo=2026-03-31')).toEqual(MARCH);
    expect(await exportNames(`createdFrom=2026-03-01&createdTo=2026-03-31&q=${encodeURIComponent('سلمى')}&kind=activist`)).toEqual(
      ['سلمى آذار الأخير', 'سلمى آذار الأول'].sort(),
    );
    const audit = await t.database.db.selectFrom('audit_log').select('details').where('action', '=', 'export').orderBy('id').execute();
    expect(audit[0].details).toMatchObject({ filters: { createdFrom: '2026-03-01', createdTo: '2026-03-31' }, count: 3 });
  });

  it('refuses a range that ends before it starts, and dates that are not calendar days', async () => {
    const backwards = await list('createdFrom=2026-03-31&createdTo=2026-03-01');
    expectProblem(backwards, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(backwards)).toEqual(['createdTo']);
    const exported = await t.request('staff', { method: 'GET', url: '/api/contacts/export?createdFrom=2026-03-31&createdTo=2026-03-01' });
    expectProblem(exported, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(exported)).toEqual(['createdTo']);
    expectProblem(await list('createdFrom=2026-13-01'), 400, 'VALIDATION_FAILED');
    expectProblem(await list('createdTo=yesterday'), 400, 'VALIDATION_FAILED');
  });
});
