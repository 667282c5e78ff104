import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, type Json } from '../helpers/api-requests.js';

let t: TestApp;
let inas: Json;
let inasAgain: Json;
let basim: Json;
let basimBasra: Json;
let tariq: Json;
let tariqOther: Json;
let mail1: Json;
let mail2: Json;
beforeAll(async () => {
  t = await createTestApp();
  const contact = (body: Json) => created(t, '/api/contacts', body);
  inas = await contact({ kind: 'activist', name: 'إيناس عبدالمحسن', governorates: ['IQ-AN'], phones: ['07701234567'] });
  inasAgain = await contact({ kind: 'activist', name: 'ايناس عبد المحسن', governorates: ['IQ-BG'], phones: ['+964 770 123 4567'] });
  basim = await contact({ kind: 'activist', name: 'باسم الجبوري', governorates: ['IQ-SD'] });
  basimBasra = await contact({ kind: 'activist', name: 'باسم الجبوري', governorates: ['IQ-BA'] });
  // ط and ت share a skeleton: the same governorate makes them a likely pair.
  tariq = await contact({ kind: 'activist', name: 'طارق سلطان', governorates: ['IQ-KI'] });
  tariqOther = await contact({ kind: 'activist', name: 'تارق سلتان', governorates: ['IQ-KI'] });
  mail1 = await contact({
    kind: 'organization',
    subtype: 'media',
    name: 'إذاعة صوت الشباب',
    governorates: ['IQ-NI'],
    emails: ['radio@example.org'],
  });
  mail2 = await contact({
    kind: 'organization',
    subtype: 'media',
    name: 'راديو شباب نينوى',
    governorates: ['IQ-NI'],
    emails: ['Radio@example.org'],
  });
  await contact({ kind: 'activist', name: 'شخص مختلف تماما', governorates: ['IQ-KI'] });
});
afterAll(() => t.close());

const list = async (query = '', as: 'staff' | 'viewer' | 'coordinator' = 'staff') => {
  const res = await t.request(as, { method: 'GET', url: `/api/duplicates?limit=200${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const pairOf = (items: Json[], x: Json, y: Json) => items.find((p) => [p.a.id, p.b.id].sort().join() === [x.id, y.id].sort().join());

describe('duplicates', () => {
  it('lists likely pairs with a score and the reasons, best first', async () => {
    const { items, total } = await list('&minScore=0.3');
    expect(total).toBe(4);
    const phonePair = pairOf(items, inas, inasAgain)!;
    expect(phonePair.reasons.map((r: Json) => r.code)).toEqual(['same_phone', 'same_name_key']);
    expect(phonePair.score).toBe(0.97);
    expect(items[0]).toBe(phonePair);
    expect(pairOf(items, basim, basimBasra)).toMatchObject({ score: 0.7, reasons: [{ code: 'same_name_key' }] });
    expect(pairOf(items, tariq, tariqOther)).toMatchObject({ score: 0.5, reasons: [{ code: 'same_skeleton_same_governorate' }] });
    expect(pairOf(items, mail1, mail2)!.reasons[0]).toEqual({ code: 'same_email' });
    expect(items.map((p: Json) => p.score)).toEqual([...items.map((p: Json) => p.score)].sort((a, b) => b - a));
  });

  it('filters by governorate, kind and score, and pages', async () => {
    expect((await list('&governorate=IQ-KI')).items.map((p: Json) => p.a.governorates)).toEqual([['IQ-KI']]);
    expect((await list('&kind=organization')).total).toBe(1);
    expect((await list('&minScore=0.9')).total).toBe(2);
    const all = (await list('&minScore=0.3')).items;
    const page = (await t.request('staff', { method: 'GET', url: '/api/duplicates?limit=2&offset=1&minScore=0.3' })).json();
    expect(page).toMatchObject({ total: 4, limit: 2, offset: 1 });
    expect(page.items).toEqual(all.slice(1, 3));
  });

  it('masks restricted details and respects governorate scope', async () => {
    const secret = await created(
      t,
      '/api/contacts',
      { kind: 'activist', name: 'ناشط مخفي', governorates: ['IQ-DA'], phones: ['07501112233'], sensitivity: 'restricted' },
      'coordinator',
    );
    const secret2 = await created(t, '/api/contacts', {
      kind: 'activist',
      name: 'ناشط مخفى',
      governorates: ['IQ-DA'],
      phones: ['07501112233'],
    });
    const pair = pairOf((await list()).items, secret, secret2)!;
    const hidden = pair.a.id === secret.id ? pair.a : pair.b;
    expect(hidden).toMatchObject({ detailsHidden: true, sensitivity: 'restricted' });
    expect(hidden.phones).toBeUndefined();
    // The other one's phone is in plain view: a same_phone reason would give the restricted contact's number away.
    expect(pair.reasons).toEqual([{ code: 'same_name_key' }]);
    expect(pairOf((await list('', 'coordinator')).items, secret, secret2)!.reasons.map((r: Json) => r.code)).toEqual([
      'same_phone',
      'same_name_key',
    ]);
    const scoped = await t.addUser('staff', ['IQ-KI']);
    const res = await t.app.inject({ method: 'GET', url: '/api/duplicates', headers: { authorization: `Bearer ${scoped.token}` } });
    expect(res.json().items.map((p: Json) => [p.a.name, p.b.name].sort())).toEqual([['تارق سلتان', 'طارق سلطان']]);
    expectProblem(await t.request('viewer', { method: 'GET', url: '/api/duplicates' }), 403, 'FORBIDDEN');
  });

  it('sees a renamed contact under its new name', async () => {
    const renamed = await t.request('staff', {
      method: 'PATCH',
      url: `/api/contacts/${basimBasra.id}`,
      payload: { version: basimBasra.version, name: 'باسم علي' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(pairOf((await list('&minScore=0.3')).items, basim, basimBasra)).toBeUndefined();
  });

  it('dismisses a pair for good, audited, whichever way round', async () => {
    const res = await t.request('staff', {
      method: 'POST',
      url: '/api/duplicates/dismiss',
      payload: { contactIds: [tariqOther.id, tariq.id] },
    });
    expect(res.statusCode).toBe(204);
    expect(pairOf((await list('&minScore=0.3')).items, tariq, tariqOther)).toBeUndefined();
    const again = await t.request('staff', {
      method: 'POST',
      url: '/api/duplicates/dismiss',
      payload: { contactIds: [tariq.id, tariqOther.id] },
    });
    expect(again.statusCode).toBe(204);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'entity_type']).where('action', '=', 'dismiss').execute();
    expect(audit).toEqual([{ action: 'dismiss', entity_type: 'duplicate' }]);
    expectProblem(
      await t.request('staff', { method: 'POST', url: '/api/duplicates/dismiss', payload: { contactIds: [tariq.id, tariq.id] } }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await t.request('staff', {
        method: 'POST',
        url: '/api/duplicates/dismiss',
        payload: { contactIds: [tariq.id, '00000000-0000-4000-8000-000000000000'] },
      }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('check-duplicates (contact form, before saving)', () => {
  const check = async (payload: Json) => {
    const res = await t.request('staff', { method: 'POST', url: '/api/contacts/check-duplicates', payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Json[];
  };

  it('warns about the same person typed another way, by phone and by name', async () => {
    const items = await check({ name: 'ايناس عبد المحسن', phones: ['٠٧٧٠١٢٣٤٥٦٧'], governorates: ['IQ-AN'], kind: 'activist' });
    expect(items.map((i) => i.contactId).sort()).toEqual([inas.id, inasAgain.id].sort());
    expect(items[0].reasons.map((r: Json) => r.code)).toContain('same_phone');
  });

  it('finds a similar name without any phone, and nothing for a new person', async () => {
    const similar = await check({ name: 'باسم الجبورى', governorates: ['IQ-SD'] });
    expect(similar[0]).toMatchObject({ contactId: basim.id });
    expect(await check({ name: 'اسم جديد لا يشبه أحدا', phones: ['07711110000'] })).toEqual([]);
  });

  it('leaves out the contact being edited', async () => {
    const items = await check({ name: 'إيناس عبدالمحسن', excludeId: inas.id });
    expect(items.map((i) => i.contactId)).not.toContain(inas.id);
  });
});
