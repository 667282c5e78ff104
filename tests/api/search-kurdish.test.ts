import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { backfillSearchKeys } from '../../server/src/modules/search/search-backfill.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const ids = new Map<string, string>();

/** Contacts stored in Arabic script, in Sorani letters, and with the Sorani spelling only in nameKu. */
const CONTACTS = [
  { kind: 'activist', name: 'محمد علي الجاف', governorates: ['IQ-SU'] },
  { kind: 'activist', name: 'أحمد حسين البرزنجي', governorates: ['IQ-AR'] },
  { kind: 'activist', name: 'عثمان رضا', governorates: ['IQ-AR'] },
  { kind: 'activist', name: 'صلاح الدين فاضل', governorates: ['IQ-DA'] },
  { kind: 'activist', name: 'فاطمة خالد', governorates: ['IQ-SU'] },
  { kind: 'activist', name: 'جوران عبد الله', governorates: ['HALABJA'] },
  { kind: 'activist', name: 'زەینەب کەریم ڕەشید', governorates: ['IQ-SU'] },
  { kind: 'activist', name: 'نەجمەدین ئەسعەد', governorates: ['IQ-AR'] },
  { kind: 'activist', name: 'Shirko Bekas', nameKu: 'شێرکۆ بێکەس', governorates: ['IQ-SU'] },
  { kind: 'activist', name: 'Chiya Qadir', nameKu: 'چیا قادر', governorates: ['IQ-AR'] },
  { kind: 'activist', name: 'Vian Jamil', nameKu: 'ڤیان جەمیل', governorates: ['IQ-DA'] },
];

beforeAll(async () => {
  t = await createTestApp();
  for (const contact of CONTACTS) {
    const res = await t.request('staff', { method: 'POST', url: '/api/contacts', payload: contact });
    expect(res.statusCode, res.body).toBe(201);
    ids.set(contact.name, (res.json() as { id: string }).id);
  }
});
afterAll(() => t.close());

interface Result {
  id: string;
  name: string;
  highlight: { name: { start: number; end: number }[] };
}

async function search(q: string): Promise<Result[]> {
  const res = await t.request('viewer', { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` });
  expect(res.statusCode).toBe(200);
  return (res.json() as { results: Result[] }).results;
}

const firstName = async (q: string) => (await search(q))[0]?.name;

describe('GET /api/search finds a contact stored in Arabic script by its Sorani spelling', () => {
  it.each([
    ['ە inside words, ی', 'محەمەد عەلی', 'محمد علي الجاف'],
    ['initial ئ, ێ and و for short u', 'ئەحمەد حوسێن', 'أحمد حسين البرزنجي'],
    ['ث written س, ض written ز, ڕ', 'عوسمان ڕەزا', 'عثمان رضا'],
    ["the compound's article melted into ە, ض written ز, ڵ", 'سەلاحەدین فازڵ', 'صلاح الدين فاضل'],
    ['final ە for ة, ت for ط', 'فاتمە خالید', 'فاطمة خالد'],
    ['گ written ج, عەبدوڵڵا', 'گۆران عەبدوڵڵا', 'جوران عبد الله'],
    ['still typing', 'محەمەد عە', 'محمد علي الجاف'],
  ])('%s: %s', async (_case, query, expected) => {
    expect(await firstName(query)).toBe(expected);
  });
});

describe('GET /api/search finds a contact stored in Sorani letters by Arabic typing', () => {
  it.each([
    ['name in Sorani letters', 'زينب كريم', 'زەینەب کەریم ڕەشید'],
    ['name in Sorani letters, family name first', 'رشيد زينب', 'زەینەب کەریم ڕەشید'],
    ['Sorani compound, typed apart in Arabic', 'نجم الدين اسعد', 'نەجمەدین ئەسعەد'],
    ['Sorani only in nameKu', 'شيركو بيكس', 'Shirko Bekas'],
    ['چ typed ج', 'جيا قادر', 'Chiya Qadir'],
    ['چ typed تش', 'تشيا قادر', 'Chiya Qadir'],
    ['ڤ typed ف', 'فيان جميل', 'Vian Jamil'],
    ['ڤ typed و', 'ويان جميل', 'Vian Jamil'],
  ])('%s: %s', async (_case, query, expected) => {
    expect(await firstName(query)).toBe(expected);
  });

  it('and by Sorani typing too', async () => {
    expect(await firstName('زەینەب کەریم')).toBe('زەینەب کەریم ڕەشید');
    expect(await firstName('چیا')).toBe('Chiya Qadir');
  });

  it('highlights the Sorani words the Arabic query matched, as written', async () => {
    const [first] = await search('زينب كريم');
    expect(first.highlight.name).toEqual([
      { start: 0, end: 6 },
      { start: 7, end: 12 },
    ]);
  });

  it('keeps different words apart: هەولێر does not find a name with أربيل', async () => {
    const created = await t.request('staff', {
      method: 'POST',
      url: '/api/contacts',
      payload: { kind: 'organization', subtype: 'international_ngo', name: 'جمعية أربيل للتنمية', governorates: ['IQ-AR'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await search('هەولێر')).map((r) => r.name)).not.toContain('جمعية أربيل للتنمية');
  });
});

describe('the start-up backfill re-keys rows keyed by an older normalisation', () => {
  it('makes a contact keyed before the Sorani rules findable by its Sorani spelling', async () => {
    const created = await t.request('staff', {
      method: 'POST',
      url: '/api/contacts',
      payload: { kind: 'activist', name: 'Karwan Hamid', nameKu: 'کاروان حەمید', governorates: ['IQ-SU'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    // As the previous version stored it: ە inside a word folded into ه.
    await t.database.db
      .updateTable('contact')
      .set({ search_terms: sql<string[]>`ARRAY['karwan', 'hamid', 'كاروان', 'حهميد']::text[]`, search_version: 1 })
      .where('id', '=', id)
      .execute();
    expect((await search('كاروان حميد')).map((r) => r.id)).not.toContain(id);

    expect(await backfillSearchKeys(t.database.db)).toBe(1);
    const row = await t.database.db
      .selectFrom('contact')
      .select(['search_terms', 'search_version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.search_terms).toContain('حميد');
    expect(row.search_terms).not.toContain('حهميد');
    expect((await search('كاروان حميد '))[0]?.id).toBe(id);
  });
});
