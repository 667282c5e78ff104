import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoContacts } from '../../seeds/load-demo.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemoContacts(t.database.db, { id: t.users.admin.id, role: 'admin', governorates: null });
});
afterAll(() => t.close());

interface Result {
  id: string;
  kind: string;
  name: string;
  nameLatin: string | null;
  governorates: string[];
  score: number;
  highlight: { name: { start: number; end: number }[]; nameLatin: { start: number; end: number }[] };
}

async function search(q: string, extra = '', as: 'admin' | 'staff' | 'viewer' = 'admin'): Promise<Result[]> {
  const res = await t.request(as, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}${extra}` });
  expect(res.statusCode).toBe(200);
  const body = res.json() as { results: Result[]; tookMs: number };
  expect(typeof body.tookMs).toBe('number');
  return body.results;
}

const topNames = async (q: string, n = 5) => (await search(q)).slice(0, n).map((r) => r.name);

describe('GET /api/search finds people however their name is typed', () => {
  it.each([
    ['exact', 'جمال الجواهري', 'جمال الجواهري'],
    ['ya / alef maqsura', 'الجواهرى', 'جمال الجواهري'],
    ['hamza dropped, compound split', 'ايناس عبد المحسن', 'إيناس عبدالمحسن'],
    ['hamza added', 'أبرار العاني', 'ابرار العاني'],
    ['ى for ي, ي for ى', 'رؤي الدرويش', 'رؤى الدرويش'],
    ['diacritics', 'قَاسِم العُبَيْدِي', 'قاسم العبيدي'],
    ['tatweel', 'جمـــال', 'جمال الجواهري'],
    ['Persian letters', 'ایناس عبدالمحسن', 'إيناس عبدالمحسن'],
    ['article dropped', 'قاسم عبيدي', 'قاسم العبيدي'],
    ['one typo', 'محمود الهيتب', 'محمود الهيتي'],
    ['word order', 'الدرويش رؤى', 'رؤى الدرويش'],
    ['first and family name only', 'مصطفى الساعدي', 'مصطفى عبد الله كاظم الساعدي'],
    ['still typing', 'فاتن صا', 'فاتن صالح'],
    ['Latin script', 'Jamal al-Jawahiri', 'جمال الجواهري'],
    ['Latin, other spelling', 'jawahery', 'جمال الجواهري'],
    ['Latin first + family', 'qasim obaidi', 'قاسم العبيدي'],
    ['wrong keyboard layout', '[lhg hg[,hivd', 'جمال الجواهري'],
  ])('%s: %s', async (_group, query, expected) => {
    expect(await topNames(query)).toContain(expected);
  });
});

describe('GET /api/search finds organisations and bodies by partial or misspelled names', () => {
  it.each([
    ['الامل العراقيه', 'جمعية الأمل العراقية'],
    ['شؤون المرأه بغداد', 'قسم شؤون المرأة — محافظة بغداد'],
    ['مساعدات الشعب النرويجيه', 'منظمة مساعدات الشعب النرويجية'],
    ['Norwegian', 'منظمة مساعدات الشعب النرويجية'],
  ])('%s', async (query, expected) => {
    expect(await topNames(query)).toContain(expected);
  });

  it('filters by kind and governorate alongside the text', async () => {
    const bodies = await search('شؤون المنظمات', '&kind=organization&governorate=IQ-NA');
    expect(bodies.map((r) => r.name)).toEqual(['قسم شؤون المنظمات — محافظة النجف']);
    const people = await search('شؤون المنظمات', '&kind=activist');
    expect(people).toEqual([]);
  });
});

describe('GET /api/search finds phone numbers however they are typed', () => {
  it.each(['07700000012', '0770 000 0012', '+964 770 000 0012', '00964-770-000-0012', '٠٧٧٠٠٠٠٠٠١٢', '7700000012'])('%s', async (query) => {
    expect((await search(query)).map((r) => r.name)).toEqual(['علي حسن هادي الخفاجي']);
  });

  it('does not let staff or viewers find a restricted contact by its hidden phone', async () => {
    // مصطفى عبد الله كاظم الساعدي is restricted; his phone is 0770 000 0002.
    expect((await search('07700000002')).map((r) => r.name)).toEqual(['مصطفى عبد الله كاظم الساعدي']);
    for (const role of ['staff', 'viewer'] as const) {
      expect(await search('07700000002', '', role)).toEqual([]);
    }
  });
});

describe('GET /api/search results', () => {
  it('carry the matched words as offsets into the name as written, and nothing private', async () => {
    const [first] = await search('الجواهرى');
    expect(first.name).toBe('جمال الجواهري');
    expect(first.highlight.name.map((r) => first.name.slice(r.start, r.end))).toEqual(['الجواهري']);
    expect(Object.keys(first).sort()).toEqual(['detail', 'governorates', 'highlight', 'id', 'kind', 'name', 'nameLatin', 'score']);
  });

  it('highlight a compound written apart as one match', async () => {
    const results = await search('عبدالله');
    const mustafa = results.find((r) => r.name === 'مصطفى عبد الله كاظم الساعدي')!;
    expect(mustafa.highlight.name.map((r) => mustafa.name.slice(r.start, r.end))).toEqual(['عبد', 'الله']);
  });

  it('rank the better match first and respect the limit', async () => {
    const results = await search('محمود', '&limit=1');
    expect(results).toHaveLength(1);
    expect(results[0].name).toBe('محمود الهيتي');
  });

  it('match a compound name as a whole: عبدالجبار finds عبد الجبار, not عبد الستار or every عبد', async () => {
    for (const q of ['عبدالجبار', 'عبد الجبار']) expect((await search(q)).map((r) => r.name)).toEqual(['سلوى عبد الجبار العزاوي']);
  });

  it('leave out rows the scorer rejects when real matches exist: فاتن finds the person, not an organisation', async () => {
    expect((await search('فاتن')).map((r) => r.name)).toEqual(['فاتن صالح']);
  });

  it('are limited to the governorates a scoped account covers', async () => {
    const { token } = await t.addUser('viewer', ['IQ-AN']);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/search?q=${encodeURIComponent('قسم شؤون المنظمات')}`,
      headers: { authorization: `Bearer ${token}` },
    });
    const names = (res.json() as { results: Result[] }).results.map((r) => r.name);
    expect(names).toEqual(['قسم شؤون المنظمات — محافظة الأنبار']);
  });

  it('are the same ranking in the contacts list with q', async () => {
    const res = await t.request('admin', { method: 'GET', url: `/api/contacts?q=${encodeURIComponent('الهيتى')}` });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { name: string }[]; total: number };
    expect(body.items[0].name).toBe('محمود الهيتي');
    expect(body.total).toBe(body.items.length);
  });
});

describe('GET /api/search refuses', () => {
  it('an anonymous caller', async () => {
    const res = await t.request(null, { method: 'GET', url: '/api/search?q=x' });
    expect(res.statusCode).toBe(401);
  });

  it.each([
    '',
    '?q=',
    `?q=${'x'.repeat(201)}`,
    '?q=a&limit=0',
    '?q=a&limit=51',
    '?q=a&kind=donor',
    '?q=a&governorate=IQ-XX',
    '?q=a&extra=1',
  ])('a bad query string %j with VALIDATION_FAILED', async (qs) => {
    const res = await t.request('viewer', { method: 'GET', url: `/api/search${qs}` });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
