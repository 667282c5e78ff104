import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor, created, expectProblem, fieldsOf, type Json } from '../helpers/api-requests.js';
import { multipart, toCsv, utf8 } from '../fixtures/imports/import-files.js';

/** Custom fields: defined by administrators, filled on contacts, validated by type, masked like phones, filterable. */

let t: TestApp;
let sector: Json;

const field = (body: Json) => created(t, '/api/custom-fields', body, 'admin');
const get = (as: 'admin' | 'coordinator' | 'staff' | 'viewer', url: string) => t.request(as, { method: 'GET', url });
const names = (res: { json(): any }) => (res.json().items as Json[]).map((i) => i.name).sort();

beforeAll(async () => {
  t = await createTestApp();
  sector = await field({
    key: 'sector',
    type: 'choice',
    kinds: ['activist', 'organization'],
    labelAr: 'القطاع',
    labelEn: 'Sector',
    options: [
      { value: 'health', labelAr: 'الصحة', labelEn: 'Health' },
      { value: 'education', labelAr: 'التعليم', labelEn: 'Education' },
      { value: 'water', labelAr: 'المياه', labelEn: 'Water' },
    ],
  });
  await field({ key: 'nickname', type: 'text', kinds: ['activist'], labelAr: 'الكنية', labelEn: 'Nickname' });
  await field({ key: 'bio', type: 'long_text', kinds: ['activist'], labelAr: 'نبذة', labelEn: 'Biography' });
  await field({ key: 'staff_count', type: 'number', kinds: ['activist', 'organization'], labelAr: 'عدد الموظفين', labelEn: 'Staff' });
  await field({ key: 'founded_on', type: 'date', kinds: ['activist'], labelAr: 'تاريخ التأسيس', labelEn: 'Founded' });
  await field({ key: 'registered', type: 'yes_no', kinds: ['activist'], labelAr: 'مسجل', labelEn: 'Registered' });
  await field({
    key: 'languages',
    type: 'choices',
    kinds: ['activist'],
    labelAr: 'اللغات',
    labelEn: 'Languages',
    options: [
      { value: 'ar', labelAr: 'العربية', labelEn: 'Arabic' },
      { value: 'ku', labelAr: 'الكردية', labelEn: 'Kurdish' },
    ],
  });
  await field({
    key: 'threat_level',
    type: 'text',
    kinds: ['activist'],
    labelAr: 'مستوى الخطر',
    labelEn: 'Threat level',
    restricted: true,
  });
});
afterAll(() => t.close());

describe('custom field definitions', () => {
  it('lets only an administrator define fields; everyone reads them in order', async () => {
    const body = { key: 'other', type: 'text', kinds: ['activist'], labelAr: 'أخرى', labelEn: 'Other' };
    for (const who of ['coordinator', 'staff', 'viewer'] as const) {
      expectProblem(await t.request(who, { method: 'POST', url: '/api/custom-fields', payload: body }), 403, 'FORBIDDEN');
    }
    const listed = await get('viewer', '/api/custom-fields');
    expect(listed.statusCode).toBe(200);
    expect((listed.json().items as Json[]).map((f) => f.key)).toContain('sector');
    expectProblem(await get('staff', '/api/custom-fields?archived=true'), 403, 'FORBIDDEN');
    const again = await t.request('admin', { method: 'POST', url: '/api/custom-fields', payload: { ...body, key: 'sector' } });
    expectProblem(again, 409, 'CUSTOM_FIELD_EXISTS');
    const noOptions = await t.request('admin', { method: 'POST', url: '/api/custom-fields', payload: { ...body, type: 'choice' } });
    expectProblem(noOptions, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(noOptions)).toEqual(['options']);
  });

  it('updates with a version check and audits the change', async () => {
    const f = await field({ key: 'motto', type: 'text', kinds: ['organization'], labelAr: 'شعار', labelEn: 'Motto' });
    const ok = await t.request('admin', { method: 'PATCH', url: `/api/custom-fields/${f.id}`, payload: { version: 1, labelEn: 'Slogan' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ labelEn: 'Slogan', version: 2 });
    const stale = await t.request('admin', { method: 'PATCH', url: `/api/custom-fields/${f.id}`, payload: { version: 1, labelEn: 'X' } });
    expectProblem(stale, 409, 'CONFLICT');
    const byStaff = await t.request('staff', { method: 'PATCH', url: `/api/custom-fields/${f.id}`, payload: { version: 2, labelEn: 'X' } });
    expectProblem(byStaff, 403, 'FORBIDDEN');
    const audit = await auditFor(t, f.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1].changed_fields).toEqual(['label_en']);
  });

  it('refuses to take away an option some contact has', async () => {
    await created(t, '/api/contacts', {
      kind: 'organization',
      subtype: 'local_ngo',
      name: 'منظمة الماء',
      governorates: ['IQ-BA'],
      customValues: { sector: 'water' },
    });
    const current = (await get('admin', '/api/custom-fields')).json().items.find((f: Json) => f.key === 'sector');
    const res = await t.request('admin', {
      method: 'PATCH',
      url: `/api/custom-fields/${sector.id}`,
      payload: { version: current.version, options: current.options.filter((o: Json) => o.value !== 'water') },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res)).toEqual(['options']);
  });
});

describe('custom values on contacts', () => {
  it('stores valid values of every type and shows them on the contact', async () => {
    const values = {
      sector: 'health',
      nickname: '  أبو علي ',
      bio: 'سطر أول\nسطر ثانٍ',
      staff_count: 12,
      founded_on: '2019-03-01',
      registered: true,
      languages: ['ar', 'ku'],
    };
    const contact = await created(t, '/api/contacts', {
      kind: 'activist',
      name: 'ناشط الحقول',
      governorates: ['IQ-BG'],
      customValues: values,
    });
    expect(contact.customValues).toEqual({ ...values, nickname: 'أبو علي' });
    const read = await get('viewer', `/api/contacts/${contact.id}`);
    expect(read.json().customValues).toEqual({ ...values, nickname: 'أبو علي' });

    const cleared = await t.request('staff', {
      method: 'PATCH',
      url: `/api/contacts/${contact.id}`,
      payload: { version: 1, customValues: { staff_count: null, registered: false } },
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().customValues).toMatchObject({ registered: false, sector: 'health' });
    expect(cleared.json().customValues).not.toHaveProperty('staff_count');

    const history = await get('staff', `/api/contacts/${contact.id}/history`);
    expect(history.statusCode, history.body).toBe(200);
    expect(JSON.stringify(history.json())).toContain('custom.registered');
  });

  it.each([
    ['sector', 'politics'],
    ['sector', 3],
    ['nickname', 5],
    ['nickname', 'two\nlines'],
    ['bio', false],
    ['staff_count', 'twelve'],
    ['founded_on', '2019-02-30'],
    ['registered', 'yes'],
    ['languages', ['ar', 'fr']],
    ['languages', 'ar'],
    ['unknown_key', 'x'],
  ])('refuses %s = %j with a 400 naming the field, and stores nothing', async (key, value) => {
    const res = await t.request('staff', {
      method: 'POST',
      url: '/api/contacts',
      payload: { kind: 'activist', name: `خطأ ${key}`, governorates: ['IQ-BG'], customValues: { [key]: value } },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res)).toEqual([`customValues.${key}`]);
    const found = await get('admin', `/api/contacts?q=${encodeURIComponent(`خطأ ${key}`)}`);
    expect(found.json().total).toBe(0);
  });

  it('refuses a field not defined for the contact kind', async () => {
    const res = await t.request('staff', {
      method: 'POST',
      url: '/api/contacts',
      payload: { kind: 'volunteer_team', name: 'فريق الحقول', governorates: ['IQ-BG'], customValues: { sector: 'health' } },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.json().errors[0]).toMatchObject({ field: 'customValues.sector', code: 'not_allowed' });
  });
});

describe('restricted custom fields', () => {
  it("withholds a restricted contact's restricted values from staff and viewers, like its phones", async () => {
    const contact = await created(
      t,
      '/api/contacts',
      {
        kind: 'activist',
        name: 'ناشطة محمية',
        governorates: ['IQ-NI'],
        sensitivity: 'restricted',
        phones: ['07701234567'],
        customValues: { threat_level: 'عالٍ', nickname: 'أم سارة' },
      },
      'coordinator',
    );
    expect((await get('coordinator', `/api/contacts/${contact.id}`)).json().customValues).toEqual({
      threat_level: 'عالٍ',
      nickname: 'أم سارة',
    });
    for (const who of ['staff', 'viewer'] as const) {
      const seen = (await get(who, `/api/contacts/${contact.id}`)).json();
      expect(seen.detailsHidden).toBe(true);
      expect(seen.customValues).toEqual({ nickname: 'أم سارة' });
      // Nor can they learn it by filtering.
      expect((await get(who, '/api/contacts?custom=threat_level:has:عال')).json().total).toBe(0);
    }
    expect((await get('coordinator', '/api/contacts?custom=threat_level:has:عال')).json().total).toBe(1);
    const blind = await t.request('staff', {
      method: 'PATCH',
      url: `/api/contacts/${contact.id}`,
      payload: { version: 1, customValues: { threat_level: 'منخفض' } },
    });
    expectProblem(blind, 403, 'FORBIDDEN');
    const open = await t.request('staff', {
      method: 'PATCH',
      url: `/api/contacts/${contact.id}`,
      payload: { version: 1, customValues: { nickname: 'أم سارة الجديدة' } },
    });
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json().customValues).toEqual({ nickname: 'أم سارة الجديدة' });

    // The history withholds the restricted value's changes too, and shows the others.
    const history = (await get('staff', `/api/contacts/${contact.id}/history`)).json().items as Json[];
    const changed = history.flatMap((e) => e.fields as Json[]);
    expect(changed.find((f) => f.field === 'custom.threat_level')).toMatchObject({ hidden: true, new: null });
    expect(changed.find((f) => f.field === 'custom.nickname' && f.new === 'أم سارة الجديدة')).toMatchObject({ hidden: false });

    // The export leaves the restricted value's cell empty for them, like the phones, with the field's label as header.
    const csv = (who: 'staff' | 'coordinator') =>
      t.request(who, {
        method: 'GET',
        url: '/api/contacts/export?format=csv&lang=en&governorate=IQ-NI&columns=name,phones,cf:threat_level,cf:nickname',
      });
    const lines = (body: string) =>
      body
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
    expect(lines((await csv('staff')).body)).toEqual(['Name,Phones,Threat level,Nickname', 'ناشطة محمية,,,أم سارة الجديدة']);
    expect(lines((await csv('coordinator')).body)[1]).toBe('ناشطة محمية,"\t+9647701234567",عالٍ,أم سارة الجديدة');
  });

  it('exports a column per field in use by default, options by their label in the export language', async () => {
    await created(t, '/api/contacts', {
      kind: 'activist',
      name: 'تصدير الحقول',
      governorates: ['IQ-MU'],
      customValues: { sector: 'education', registered: true, languages: ['ar', 'ku'] },
    });
    const res = await t.request('viewer', { method: 'GET', url: '/api/contacts/export?format=csv&lang=ar&governorate=IQ-MU' });
    expect(res.statusCode, res.body).toBe(200);
    const [header, row] = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header).toContain('القطاع');
    expect(header).toContain('مستوى الخطر');
    expect(row).toContain('التعليم');
    expect(row).toContain('نعم');
    expect(row).toContain('العربية، الكردية');
    expectProblem(
      await t.request('viewer', { method: 'GET', url: '/api/contacts/export?format=csv&columns=name,cf:nope' }),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('filtering by custom fields', () => {
  beforeAll(async () => {
    const add = (name: string, customValues: Json) =>
      created(t, '/api/contacts', { kind: 'activist', name, governorates: ['IQ-KA'], customValues });
    await add('فلتر صحة', { sector: 'health', staff_count: 5, founded_on: '2010-01-01', registered: true, languages: ['ar'] });
    await add('فلتر تعليم', { sector: 'education', staff_count: 50, founded_on: '2020-06-01', registered: false, languages: ['ku', 'ar'] });
    await add('فلتر بلا قيم', {});
  });
  const list = (query: string) => get('staff', `/api/contacts?governorate=IQ-KA&${query}`);

  it('filters by choice (any of), choices, yes/no, number and date bounds, text', async () => {
    expect(names(await list('custom=sector:any:health'))).toEqual(['فلتر صحة']);
    expect(names(await list('custom=sector:any:health|education'))).toEqual(['فلتر تعليم', 'فلتر صحة']);
    expect(names(await list('custom=languages:any:ku'))).toEqual(['فلتر تعليم']);
    expect(names(await list('custom=registered:is:false'))).toEqual(['فلتر تعليم']);
    expect(names(await list('custom=staff_count:min:10'))).toEqual(['فلتر تعليم']);
    expect(names(await list('custom=staff_count:min:1&custom=staff_count:max:10'))).toEqual(['فلتر صحة']);
    expect(names(await list('custom=founded_on:max:2015-12-31'))).toEqual(['فلتر صحة']);
  });

  it('refuses a filter on an unknown field or with a value that does not fit, naming it', async () => {
    const unknown = await list('custom=nope:is:true');
    expectProblem(unknown, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(unknown)).toEqual(['custom.0']);
    expect(fieldsOf(await list('custom=sector:any:health&custom=staff_count:min:many'))).toEqual(['custom.1']);
    expectProblem(await list('custom=sector:is:true'), 400, 'VALIDATION_FAILED');
  });

  it('saves the filter in a segment, which counts and lists the same contacts', async () => {
    const segment = await created(t, '/api/segments', {
      name: 'قطاع الصحة',
      filter: { governorate: 'IQ-KA', custom: ['sector:any:health'] },
    });
    expect(segment.count).toBe(1);
    expect(names(await get('staff', `/api/contacts?segment=${segment.id}`))).toEqual(['فلتر صحة']);
    const bad = await t.request('staff', {
      method: 'POST',
      url: '/api/segments',
      payload: { name: 'خطأ', filter: { custom: ['nope:is:true'] } },
    });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
  });
});

describe('archiving and purging', () => {
  it('archives a field (hidden, values kept) and purges its values for good', async () => {
    const f = await field({ key: 'old_code', type: 'text', kinds: ['activist'], labelAr: 'رمز قديم', labelEn: 'Old code' });
    const contact = await created(t, '/api/contacts', {
      kind: 'activist',
      name: 'أرشيف',
      governorates: ['IQ-DI'],
      customValues: { old_code: 'A-1' },
    });
    expectProblem(await t.request('staff', { method: 'DELETE', url: `/api/custom-fields/${f.id}?version=1` }), 403, 'FORBIDDEN');
    expectProblem(
      await t.request('admin', { method: 'POST', url: `/api/custom-fields/${f.id}/purge?version=1` }),
      409,
      'CUSTOM_FIELD_NOT_ARCHIVED',
    );
    expect((await t.request('admin', { method: 'DELETE', url: `/api/custom-fields/${f.id}?version=1` })).statusCode).toBe(204);

    expect((await get('staff', '/api/custom-fields')).json().items.map((x: Json) => x.key)).not.toContain('old_code');
    expect((await get('staff', `/api/contacts/${contact.id}`)).json().customValues).toEqual({});
    const stored = () => t.database.db.selectFrom('contact').select('custom_values').where('id', '=', contact.id).executeTakeFirstOrThrow();
    expect((await stored()).custom_values).toEqual({ old_code: 'A-1' });
    // Writing an archived field is refused; editing the contact keeps its archived value.
    const write = await t.request('staff', {
      method: 'PATCH',
      url: `/api/contacts/${contact.id}`,
      payload: { version: 1, customValues: { old_code: 'B' } },
    });
    expect(fieldsOf(write)).toEqual(['customValues.old_code']);
    await t.request('staff', { method: 'PATCH', url: `/api/contacts/${contact.id}`, payload: { version: 1, name: 'أرشيف ثان' } });
    expect((await stored()).custom_values).toEqual({ old_code: 'A-1' });

    // Restoring brings the value back.
    const restored = await t.request('admin', {
      method: 'PATCH',
      url: `/api/custom-fields/${f.id}`,
      payload: { version: 2, archived: false },
    });
    expect(restored.json()).toMatchObject({ archived: false, version: 3 });
    expect((await get('staff', `/api/contacts/${contact.id}`)).json().customValues).toEqual({ old_code: 'A-1' });
    await t.request('admin', { method: 'DELETE', url: `/api/custom-fields/${f.id}?version=3` });
    const purged = await t.request('admin', { method: 'POST', url: `/api/custom-fields/${f.id}/purge?version=4` });
    expect(purged.statusCode, purged.body).toBe(200);
    expect(purged.json()).toEqual({ contactsCleared: 1 });
    expect((await stored()).custom_values).toEqual({});
    expect((await get('admin', '/api/custom-fields?archived=true')).json().items.map((x: Json) => x.key)).not.toContain('old_code');
  });
});

describe('importing custom values', () => {
  it('offers custom fields as mapping targets, reads cells by type, reports bad cells per row, fills on merge, undoes', async () => {
    const existing = await created(t, '/api/contacts', {
      kind: 'activist',
      name: 'مستورد قائم',
      governorates: ['IQ-WA'],
      phones: ['07809990001'],
      customValues: { sector: 'water' },
    });
    const csv = toCsv([
      ['Name', 'Phone', 'Governorate', 'Sector', 'Staff', 'Founded', 'Registered', 'Languages'],
      ['مستورد أول', '', 'Wasit', 'الصحة', '٤٢', '15/3/2020', 'نعم', 'Arabic, ku'],
      ['مستورد ثان', '', 'Wasit', 'Politics', 'many', '2020-02-30', 'maybe', 'fr'],
      ['مستورد قائم', '07809990001', 'Wasit', 'Health', '7', '', '', ''],
    ]);
    const up = await t.request('staff', { method: 'POST', url: '/api/imports', ...multipart('حقول.csv', utf8(csv)) });
    expect(up.statusCode, up.body).toBe(201);
    const id = up.json().id as string;
    const mapping = ['name', 'phones', 'governorates', 'cf:sector', 'cf:staff_count', 'cf:founded_on', 'cf:registered', 'cf:languages'];
    const unknown = await t.request('staff', {
      method: 'POST',
      url: `/api/imports/${id}/preview`,
      payload: { mapping: [...mapping.slice(0, 7), 'cf:nope'] },
    });
    expectProblem(unknown, 400, 'VALIDATION_FAILED');
    const previewed = await t.request('staff', { method: 'POST', url: `/api/imports/${id}/preview`, payload: { mapping } });
    expect(previewed.statusCode, previewed.body).toBe(200);
    expect(previewed.json().counts).toMatchObject({ create: 1, update: 1, invalid: 1 });
    const rows = (await t.request('staff', { method: 'GET', url: `/api/imports/${id}/rows?limit=10` })).json().items as Json[];
    const bad = rows.find((r) => r.row === 3)!;
    expect((bad.errors as Json[]).map((e) => e.field).sort()).toEqual(
      ['cf:founded_on', 'cf:languages', 'cf:registered', 'cf:sector', 'cf:staff_count'].sort(),
    );

    const done = await t.request('staff', { method: 'POST', url: `/api/imports/${id}/commit`, payload: {} });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().result).toMatchObject({ created: 1, updated: 1 });
    const createdId = (await t.request('staff', { method: 'GET', url: `/api/imports/${id}/rows?limit=10` }))
      .json()
      .items.find((r: Json) => r.row === 2).contactId as string;
    expect((await get('staff', `/api/contacts/${createdId}`)).json().customValues).toEqual({
      sector: 'health',
      staff_count: 42,
      founded_on: '2020-03-15',
      registered: true,
      languages: ['ar', 'ku'],
    });
    // The existing contact keeps its own sector and gains the staff count it lacked.
    expect((await get('staff', `/api/contacts/${existing.id}`)).json().customValues).toEqual({ sector: 'water', staff_count: 7 });

    const undone = await t.request('staff', { method: 'DELETE', url: `/api/imports/${id}` });
    expect(undone.statusCode, undone.body).toBe(200);
    expect((await get('staff', `/api/contacts/${existing.id}`)).json().customValues).toEqual({ sector: 'water' });
  });
});
