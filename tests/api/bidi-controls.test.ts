import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, fieldsOf, type Json } from '../helpers/api-requests.js';
import { multipart, toCsv, utf8 } from '../fixtures/imports/import-files.js';

/**
 * Direction controls (issue 17, item 9): embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are
 * stripped from every text that is stored, and the marks (U+200E, U+200F, U+061C) from one-line texts; ZWNJ/ZWJ stay.
 * Search finds the stored name whether the query carries the controls or not.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const RLO = '\u202E';
const PDF = '\u202C';
const RLI = '\u2067';
const PDI = '\u2069';
const RLM = '\u200F';
const ZWNJ = '\u200C';
const CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

const get = async (url: string, as: 'staff' | 'admin' = 'staff') => {
  const res = await t.request(as, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const searchNames = async (q: string) =>
  ((await get(`/api/search?q=${encodeURIComponent(q)}`)).results as Json[]).map((r) => r.name as string);

describe('contacts', () => {
  let contact: Json;
  beforeAll(async () => {
    contact = await created(t, '/api/contacts', {
      kind: 'activist',
      name: `${RLO}زهراء${PDF} ${RLI}الكناني${PDI}${RLM}`,
      nameLatin: `Zahraa ${RLO}inanak-la${PDF}`,
      nameKu: `زەھرا${ZWNJ}ی ${RLO}کینانی`,
      nameParts: { first: `${RLO}زهراء`, family: `الكناني${RLM}` },
      governorates: ['IQ-BG'],
      tags: [`${RLO}إعلام${PDF}`, 'إعلام', `${RLO}${PDF}`],
      notes: `التقيتها في ${RLO}Baghdad${PDF}${RLM}.`,
      source: `${RLI}ورشة${PDI}`,
    });
  });

  it('stores the names, parts, tags and source without any direction control, keeping ZWNJ', async () => {
    const back = await get(`/api/contacts/${contact.id}`);
    expect(back).toMatchObject({
      name: 'زهراء الكناني',
      nameLatin: 'Zahraa inanak-la',
      nameKu: `زەھرا${ZWNJ}ی کینانی`,
      nameParts: { first: 'زهراء', family: 'الكناني' },
      tags: ['إعلام'],
      source: 'ورشة',
    });
    expect(contact.name).toBe('زهراء الكناني');
  });

  it('strips overrides from notes but keeps the marks a writer may have put there', async () => {
    expect((await get(`/api/contacts/${contact.id}`)).notes).toBe(`التقيتها في Baghdad${RLM}.`);
  });

  it('is found by search, with or without the controls in the query, and in the contacts list', async () => {
    expect(await searchNames('زهراء الكناني')).toContain('زهراء الكناني');
    expect(await searchNames(`${RLO}زهراء${PDF} الكناني`)).toContain('زهراء الكناني');
    expect(await searchNames('Zahraa')).toContain('زهراء الكناني');
    const list = await get(`/api/contacts?q=${encodeURIComponent('الكناني')}`);
    expect((list.items as Json[]).map((c) => c.name)).toContain('زهراء الكناني');
  });

  it('strips them on an update too', async () => {
    const res = await t.request('staff', {
      method: 'PATCH',
      url: `/api/contacts/${contact.id}`,
      payload: { version: contact.version, name: `زهراء ${RLO}علي${PDF} الكناني` },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().name).toBe('زهراء علي الكناني');
    expect((await get(`/api/contacts/${contact.id}`)).name).toBe('زهراء علي الكناني');
  });

  it('refuses a name made only of direction controls and spaces, as a missing name', async () => {
    const res = await t.request('staff', {
      method: 'POST',
      url: '/api/contacts',
      payload: { kind: 'activist', name: `${RLO} ${PDF}${RLM}`, governorates: ['IQ-BG'] },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res)).toEqual(['name']);
  });

  it('strips them from an organisation name', async () => {
    const org = await created(t, '/api/contacts', {
      kind: 'organization',
      subtype: 'local_ngo',
      name: `منظمة ${RLO}الغد${PDF}`,
      governorates: ['IQ-BG'],
    });
    expect((await get(`/api/contacts/${org.id}`)).name).toBe('منظمة الغد');
  });
});

describe('other texts', () => {
  it('event title and venue lose every control; the description keeps its marks', async () => {
    const e = await created(t, '/api/events', {
      title: `${RLO}الجلسة الختامية${PDF}`,
      type: 'closing_session',
      startsAt: '2026-06-10T09:00:00.000Z',
      endsAt: '2026-06-10T15:00:00.000Z',
      venue: `فندق ${RLI}بابل${PDI}${RLM}`,
      description: `برنامج ${RLO}NPA${PDF}${RLM}.`,
    });
    expect(e).toMatchObject({ title: 'الجلسة الختامية', venue: 'فندق بابل', description: `برنامج NPA${RLM}.` });
    const group = await created(t, `/api/events/${e.id}/groups`, { name: `${RLO}التحديات${PDF}` });
    expect(group.name).toBe('التحديات');
    const groups = await get(`/api/events/${e.id}/groups`);
    expect(JSON.stringify(groups)).not.toMatch(CONTROLS);
    expectProblem(
      await t.request('staff', { method: 'POST', url: `/api/events/${e.id}/groups`, payload: { name: `${RLO}${PDF}` } }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('position titles and notes, interaction summaries', async () => {
    const person = await created(t, '/api/contacts', { kind: 'government_focal_point', name: 'حيدر كاظم', governorates: ['IQ-BG'] });
    const org = await created(t, '/api/contacts', {
      kind: 'organization',
      subtype: 'government_body',
      name: 'دائرة البيئة',
      governorates: ['IQ-BG'],
    });
    const position = await created(t, '/api/positions', {
      personId: person.id,
      organizationId: org.id,
      title: `${RLO}مدير${PDF} القسم`,
      note: `${RLO}مؤقت${RLM}`,
    });
    expect(position).toMatchObject({ title: 'مدير القسم', note: `مؤقت${RLM}` });
    const interaction = await created(t, '/api/interactions', {
      kind: 'meeting',
      occurredOn: '2026-01-05',
      summary: `${RLO}اجتماع${PDF} تمهيدي`,
      contactIds: [person.id],
    });
    expect(interaction.summary).toBe('اجتماع تمهيدي');
    expectProblem(
      await t.request('staff', {
        method: 'POST',
        url: '/api/interactions',
        payload: { kind: 'call', occurredOn: '2026-01-05', summary: `${RLO}`, contactIds: [person.id] },
      }),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('imports', () => {
  it('an imported row loses the controls in its name, organisation and title, and is found by search', async () => {
    const csv = toCsv([
      ['الاسم', 'المحافظة', 'الجهة', 'المنصب', 'ملاحظات'],
      [`${RLO}سجاد${PDF} ${RLI}الموسوي${PDI}`, 'بغداد', `${RLO}منظمة النخيل${PDF}`, `${RLO}منسق${PDF}`, `${RLO}من الورشة${PDF}${RLM}`],
    ]);
    const up = await t.request('staff', { method: 'POST', url: '/api/imports', ...multipart('rlo.csv', utf8(csv)) });
    expect(up.statusCode, up.body).toBe(201);
    const { id } = up.json();
    const preview = await t.request('staff', {
      method: 'POST',
      url: `/api/imports/${id}/preview`,
      payload: { mapping: ['name', 'governorates', 'organization', 'title', 'notes'] },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const done = await t.request('staff', { method: 'POST', url: `/api/imports/${id}/commit`, payload: {} });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'committed', result: { created: 1, failed: 0 } });

    const rows = (await get(`/api/imports/${id}/rows?limit=10`)).items as Json[];
    const contactId = rows[0].contactId as string;
    const person = await get(`/api/contacts/${contactId}`);
    expect(person).toMatchObject({ name: 'سجاد الموسوي', notes: `من الورشة${RLM}` });
    expect(await searchNames('سجاد الموسوي')).toContain('سجاد الموسوي');
    const stored = await t.database.db
      .selectFrom('position as p')
      .innerJoin('contact as o', 'o.id', 'p.organization_id')
      .select(['p.title', 'o.name'])
      .where('p.person_id', '=', contactId)
      .execute();
    expect(stored).toEqual([{ title: 'منسق', name: 'منظمة النخيل' }]);
  });
});
