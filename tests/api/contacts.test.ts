import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/src/domain/roles.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const E164 = '+9647701234567';
/** Every phone number written by this file, to prove none of them reaches the audit log. */
const PHONE_DIGITS = ['7701234567', '7811112233', '7901239876', '7509998877', '7712223344', '7723334455'];

type Json = Record<string, any>;

async function create(body: Json, as: Role = 'staff'): Promise<Json> {
  const res = await t.request(as, { method: 'POST', url: '/api/contacts', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const auditFor = (entityId: string) =>
  t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', entityId).orderBy('id').execute();

const contactRow = (id: string) => t.database.db.selectFrom('contact').selectAll().where('id', '=', id).executeTakeFirst();

const countByName = async (name: string) =>
  Number(
    (
      await t.database.db
        .selectFrom('contact')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).n,
  );

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): any }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ type: 'about:blank', status, code });
}

const fieldsOf = (res: { json(): any }) => (res.json().errors as { field: string }[]).map((e) => e.field);

describe('POST /api/contacts', () => {
  it('creates an activist with name parts, gender, phones, emails, tags and notes', async () => {
    const res = await t.request('staff', {
      method: 'POST',
      url: '/api/contacts',
      payload: {
        kind: 'activist',
        name: '  زينب   علي حسين ',
        nameLatin: 'Zainab Ali Hussein',
        nameParts: { first: 'زينب', father: 'علي', grandfather: 'حسين' },
        gender: 'female',
        governorates: ['IQ-BG'],
        phones: ['0770 123 4567'],
        emails: ['Zainab@Example.ORG'],
        tags: ['youth', ' youth ', 'women'],
        notes: 'Met at the Karrada workshop.',
        source: 'workshop list',
      },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      kind: 'activist',
      subtype: null,
      name: 'زينب علي حسين',
      nameLatin: 'Zainab Ali Hussein',
      nameKu: null,
      nameParts: { first: 'زينب', father: 'علي', grandfather: 'حسين' },
      gender: 'female',
      governorates: ['IQ-BG'],
      phones: [E164],
      emails: ['zainab@example.org'],
      tags: ['youth', 'women'],
      notes: 'Met at the Karrada workshop.',
      detailsHidden: false,
      sensitivity: 'normal',
      source: 'workshop list',
      consentNote: null,
      version: 1,
    });
    expect(body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Date(body.createdAt).toISOString()).toBe(body.createdAt);

    const row = await contactRow(body.id);
    expect(row).toMatchObject({
      kind: 'activist',
      name: 'زينب علي حسين',
      name_first: 'زينب',
      name_father: 'علي',
      name_grandfather: 'حسين',
      name_family: null,
      phones: [E164],
      emails: ['zainab@example.org'],
      created_by: t.users.staff.id,
      version: 1,
    });
  });

  it('creates a volunteer team with only the required fields', async () => {
    const body = await create({ kind: 'volunteer_team', name: 'فريق شباب البصرة', governorates: ['IQ-BA'] });
    expect(body).toMatchObject({
      kind: 'volunteer_team',
      subtype: null,
      nameParts: null,
      gender: null,
      governorates: ['IQ-BA'],
      phones: [],
      emails: [],
      notes: null,
      tags: [],
      detailsHidden: false,
      sensitivity: 'normal',
    });
  });

  it('creates an organisation with its subtype', async () => {
    const body = await create({
      kind: 'organization',
      subtype: 'international_ngo',
      name: 'منظمة الأمل الدولية',
      nameLatin: 'Hope International',
      governorates: ['IQ-NI', 'IQ-KI'],
    });
    expect(body).toMatchObject({ kind: 'organization', subtype: 'international_ngo', nameParts: null });
    expect([...body.governorates].sort()).toEqual(['IQ-KI', 'IQ-NI']);
  });

  it('creates a government focal point, including in Halabja', async () => {
    const body = await create({
      kind: 'government_focal_point',
      name: 'كاروان محمد',
      nameKu: 'کاروان محەمەد',
      nameParts: { first: 'كاروان', family: 'محمد' },
      gender: 'male',
      governorates: ['HALABJA', 'IQ-SU'],
    });
    expect(body).toMatchObject({
      kind: 'government_focal_point',
      nameKu: 'کاروان محەمەد',
      nameParts: { first: 'كاروان', family: 'محمد' },
      gender: 'male',
    });
    expect([...body.governorates].sort()).toEqual(['HALABJA', 'IQ-SU']);
    const links = await t.database.db
      .selectFrom('contact_governorate')
      .select('governorate_code')
      .where('contact_id', '=', body.id)
      .orderBy('governorate_code')
      .execute();
    expect(links.map((l) => l.governorate_code)).toEqual(['HALABJA', 'IQ-SU']);
  });

  it.each([
    ['07xx national form', '07701234567'],
    ['+964 with spaces', '+964 770 123 4567'],
    ['00964 with dashes', '00964-770-123-4567'],
    ['Arabic-Indic digits', '٠٧٧٠١٢٣٤٥٦٧'],
    ['Arabic-Indic digits with +964', '+٩٦٤ ٧٧٠ ١٢٣ ٤٥٦٧'],
  ])('stores a phone given in the %s as E.164', async (_label, phone) => {
    const body = await create({ kind: 'activist', name: `هاتف ${phone}`, governorates: ['IQ-BG'], phones: [phone] });
    expect(body.phones).toEqual([E164]);
    expect((await contactRow(body.id))!.phones).toEqual([E164]);
  });

  it('drops duplicates once every form of the same number is normalised', async () => {
    const body = await create({
      kind: 'activist',
      name: 'رقم مكرر',
      governorates: ['IQ-BG'],
      phones: ['07701234567', '+9647701234567', '009647701234567', '٠٧٧٠١٢٣٤٥٦٧'],
    });
    expect(body.phones).toEqual([E164]);
  });

  describe('refuses invalid input with 400 and writes nothing', () => {
    const cases: [string, Json, string[]][] = [
      [
        'an invalid second phone',
        { kind: 'activist', name: 'هاتف خاطئ', governorates: ['IQ-BG'], phones: ['07701234567', '12345'] },
        ['phones.1'],
      ],
      ['an organisation without a subtype', { kind: 'organization', name: 'منظمة بلا نوع', governorates: ['IQ-BG'] }, ['subtype']],
      ['a subtype on an activist', { kind: 'activist', subtype: 'donor', name: 'ناشط بنوع', governorates: ['IQ-BG'] }, ['subtype']],
      [
        'name parts on a volunteer team',
        { kind: 'volunteer_team', name: 'فريق بأسماء', nameParts: { first: 'أحمد' }, governorates: ['IQ-BG'] },
        ['nameParts'],
      ],
      [
        'gender on an organisation',
        { kind: 'organization', subtype: 'media', name: 'إعلام بجنس', gender: 'male', governorates: ['IQ-BG'] },
        ['gender'],
      ],
      ['an unknown governorate code', { kind: 'activist', name: 'محافظة مجهولة', governorates: ['IQ-XX'] }, ['governorates.0']],
      ['empty governorates', { kind: 'activist', name: 'بلا محافظة', governorates: [] }, ['governorates']],
      ['missing governorates', { kind: 'activist', name: 'بلا محافظات' }, ['governorates']],
      ['a repeated governorate', { kind: 'activist', name: 'محافظة مكررة', governorates: ['IQ-BG', 'IQ-BG'] }, ['governorates']],
      ['a name of only spaces', { kind: 'activist', name: '    ', governorates: ['IQ-BG'] }, ['name']],
      ['an empty name', { kind: 'activist', name: '', governorates: ['IQ-BG'] }, ['name']],
      ['an unknown field', { kind: 'activist', name: 'حقل مجهول', governorates: ['IQ-BG'], nickname: 'Abu Ali' }, ['nickname']],
      ['an unknown kind', { kind: 'person', name: 'نوع مجهول', governorates: ['IQ-BG'] }, ['kind']],
      ['an invalid email', { kind: 'activist', name: 'بريد خاطئ', governorates: ['IQ-BG'], emails: ['not-an-email'] }, ['emails.0']],
      [
        'an unknown name part',
        { kind: 'activist', name: 'جزء مجهول', governorates: ['IQ-BG'], nameParts: { nickname: 'x' } },
        ['nameParts.nickname'],
      ],
    ];
    it.each(cases)('%s', async (_label, payload, fields) => {
      const before = Number(
        (
          await t.database.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      const res = await t.request('staff', { method: 'POST', url: '/api/contacts', payload });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(res)).toEqual(expect.arrayContaining(fields));
      if (typeof payload.name === 'string' && payload.name.trim()) expect(await countByName(payload.name)).toBe(0);
      const after = Number(
        (
          await t.database.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      expect(after).toBe(before);
    });
  });

  it('names the unknown field as not allowed', async () => {
    const res = await t.request('staff', {
      method: 'POST',
      url: '/api/contacts',
      payload: { kind: 'activist', name: 'حقل', governorates: ['IQ-BG'], favouriteColour: 'blue' },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.json().errors).toEqual([{ field: 'favouriteColour', code: 'additionalProperties', message: 'is not an allowed field' }]);
  });

  it('refuses an anonymous caller with 401', async () => {
    const res = await t.request(null, {
      method: 'POST',
      url: '/api/contacts',
      payload: { kind: 'activist', name: 'مجهول', governorates: ['IQ-BG'] },
    });
    expectProblem(res, 401, 'UNAUTHORIZED');
    expect(await countByName('مجهول')).toBe(0);
  });
});

describe('GET /api/contacts (list)', () => {
  // This block alone files contacts under Al Muthanna (IQ-MU) and Wasit (IQ-WA).
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ids.hassan = (
      await create({
        kind: 'activist',
        name: 'حسن كاظم السماوي',
        nameLatin: 'Hassan Kadhim al-Samawi',
        governorates: ['IQ-MU'],
        phones: ['07811112233'],
      })
    ).id;
    ids.nakheel = (
      await create({
        kind: 'organization',
        subtype: 'local_ngo',
        name: 'منظمة نخيل السماوة',
        nameLatin: 'Nakheel Samawah Organisation',
        governorates: ['IQ-MU'],
      })
    ).id;
    ids.kut = (
      await create({ kind: 'volunteer_team', name: 'فريق الكوت التطوعي', nameLatin: 'Kut Volunteers', governorates: ['IQ-WA'] })
    ).id;
    ids.suad = (
      await create({
        kind: 'government_focal_point',
        name: 'سعاد جبار',
        governorates: ['IQ-MU', 'IQ-WA'],
        phones: ['07901239876'],
      })
    ).id;
  });

  const list = async (query: string, as: Role = 'viewer') => {
    const res = await t.request(as, { method: 'GET', url: `/api/contacts${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Json[]; total: number; limit: number; offset: number };
  };

  it('filters by governorate and sorts by name', async () => {
    const page = await list('?governorate=IQ-MU');
    expect(page.total).toBe(3);
    expect(page.items.map((c) => c.name)).toEqual(['حسن كاظم السماوي', 'سعاد جبار', 'منظمة نخيل السماوة']);
    expect(page.limit).toBe(50);
    expect(page.offset).toBe(0);
  });

  it('filters by kind', async () => {
    const page = await list('?kind=organization&governorate=IQ-MU');
    expect(page.total).toBe(1);
    expect(page.items.map((c) => c.id)).toEqual([ids.nakheel]);
    const all = await list('?kind=volunteer_team&limit=200');
    expect(all.items.every((c) => c.kind === 'volunteer_team')).toBe(true);
    expect(all.items.map((c) => c.id)).toContain(ids.kut);
  });

  it('finds an Arabic substring of the name', async () => {
    const page = await list(`?q=${encodeURIComponent('السماو')}`);
    expect(page.items.map((c) => c.id).sort()).toEqual([ids.hassan, ids.nakheel].sort());
    expect(page.total).toBe(2);
  });

  it('finds the Latin name regardless of case', async () => {
    const page = await list('?q=kUT%20volun');
    expect(page.items.map((c) => c.id)).toEqual([ids.kut]);
  });

  it('finds phone digits, typed in national form or in Arabic-Indic digits', async () => {
    expect((await list('?q=0790123')).items.map((c) => c.id)).toEqual([ids.suad]);
    expect((await list(`?q=${encodeURIComponent('٠٧٩٠١٢٣')}`)).items.map((c) => c.id)).toEqual([ids.suad]);
    expect((await list('?q=%2B964%20781%20111')).items.map((c) => c.id)).toEqual([ids.hassan]);
  });

  it('answers an empty page when nothing matches', async () => {
    expect(await list('?q=nobody-by-this-name')).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
  });

  it('pages with limit and offset while total counts every match', async () => {
    const first = await list('?governorate=IQ-MU&limit=2&offset=0');
    const second = await list('?governorate=IQ-MU&limit=2&offset=2');
    expect(first).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(second).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect([...first.items, ...second.items].map((c) => c.id)).toEqual((await list('?governorate=IQ-MU')).items.map((c) => c.id));
    const beyond = await list('?governorate=IQ-MU&limit=2&offset=10');
    expect(beyond).toEqual({ items: [], total: 3, limit: 2, offset: 10 });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['offset=-1', 'offset'],
    ['kind=person', 'kind'],
    ['governorate=IQ-XX', 'governorate'],
    ['sensitivity=secret', 'sensitivity'],
    ['colour=blue', 'colour'],
  ])('refuses ?%s with 400 naming %s', async (query, field) => {
    const res = await t.request('viewer', { method: 'GET', url: `/api/contacts?${query}` });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res)).toContain(field);
  });

  it('refuses an anonymous caller with 401', async () => {
    expectProblem(await t.request(null, { method: 'GET', url: '/api/contacts' }), 401, 'UNAUTHORIZED');
  });
});

describe('GET /api/contacts/:id', () => {
  it('returns the contact as created', async () => {
    const created = await create({ kind: 'activist', name: 'علي للقراءة', governorates: ['IQ-BG'], phones: ['07712223344'] });
    const res = await t.request('viewer', { method: 'GET', url: `/api/contacts/${created.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(created);
  });

  it('answers 404 for an unknown id', async () => {
    expectProblem(await t.request('admin', { method: 'GET', url: `/api/contacts/${randomUUID()}` }), 404, 'NOT_FOUND');
  });

  it('answers 400 naming id for an id that is not a uuid', async () => {
    const res = await t.request('admin', { method: 'GET', url: '/api/contacts/not-a-uuid' });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res)).toEqual(['id']);
  });

  it('refuses an anonymous caller with 401', async () => {
    expectProblem(await t.request(null, { method: 'GET', url: `/api/contacts/${randomUUID()}` }), 401, 'UNAUTHORIZED');
  });
});

describe('PATCH /api/contacts/:id', () => {
  it('applies a change with the current version and bumps it', async () => {
    const created = await create({ kind: 'activist', name: 'قبل التعديل', governorates: ['IQ-BG'] });
    const res = await t.request('staff', {
      method: 'PATCH',
      url: `/api/contacts/${created.id}`,
      payload: { version: 1, name: 'بعد التعديل', nameLatin: 'After Edit', governorates: ['IQ-BG', 'IQ-BB'], tags: ['media'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ id: created.id, name: 'بعد التعديل', nameLatin: 'After Edit', tags: ['media'], version: 2 });
    expect([...body.governorates].sort()).toEqual(['IQ-BB', 'IQ-BG']);
    expect(body.createdAt).toBe(created.createdAt);
    const row = await contactRow(created.id);
    expect(row).toMatchObject({ name: 'بعد التعديل', name_latin: 'After Edit', version: 2, updated_by: t.users.staff.id });
  });

  it('normalises phones given in a change', async () => {
    const created = await create({ kind: 'activist', name: 'تعديل الهاتف', governorates: ['IQ-BG'] });
    const res = await t.request('staff', {
      method: 'PATCH',
      url: `/api/contacts/${created.id}`,
      payload: { version: 1, phones: ['٠٧٧٠١٢٣٤٥٦٧'] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().phones).toEqual([E164]);
    expect((await contactRow(created.id))!.phones).toEqual([E164]);
  });

  it('refuses a stale version with 409 CONFLICT and leaves the row unchanged', async () => {
    const created = await create({ kind: 'activist', name: 'نسخة قديمة', governorates: ['IQ-BG'] });
    const first = await t.request('staff', {
      method: 'PATCH',
      url: `/api/contacts/${created.id}`,
      payload: { version: 1, nameLatin: 'First writer' },
    });
    expect(first.statusCode).toBe(200);
    const stale = await t.request('coordinator', {
      method: 'PATCH',
      url: `/api/contacts/${created.id}`,
      payload: { version: 1, nameLatin: 'Second writer', name: 'كتابة ثانية' },
    });
    expectProblem(stale, 409, 'CONFLICT');
    const row = await contactRow(created.id);
    expect(row).toMatchObject({ name: 'نسخة قديمة', name_latin: 'First writer', version: 2 });
  });

  it('drops the subtype when an organisation becomes an activist', async () => {
    const created = await create({ kind: 'organization', subtype: 'donor', name: 'جهة مانحة', governorates: ['IQ-BG'] });
    const res = await t.request('staff', {
      method: 'PATCH',
      url: `/api/contacts/${created.id}`,
      payload: { version: 1, kind: 'activist', gender: 'male' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'activist', subtype: null, gender: 'male', version: 2 });
    expect(await contactRow(created.id)).toMatchObject({ kind: 'activist', subtype: null });
  });

  it('drops name parts and gender when an activist becomes a volunteer team', async () => {
    const created = await create({
      kind: 'activist',
      name: 'ناشط يصبح فريقا',
      nameParts: { first: 'ناشط' },
      gender: 'female',
      governorates: ['IQ-BG'],
    });
    const res = await t.request('staff', {
      method: 'PATCH',
      url: `/api/contacts/${created.id}`,
      payload: { version: 1, kind: 'volunteer_team' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'volunteer_team', nameParts: null, gender: null });
    expect(await contactRow(created.id)).toMatchObject({ name_first: null, gender: null });
  });

  it('refuses turning an activist into an organisation without a subtype', async () => {
    const created = await create({ kind: 'activist', name: 'بلا نوع فرعي', governorates: ['IQ-BG'] });
    const res = await t.request('staff', {
      method: 'PATCH',
      url: `/api/contacts/${created.id}`,
      payload: { version: 1, kind: 'organization' },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res)).toEqual(['subtype']);
    expect(await contactRow(created.id)).toMatchObject({ kind: 'activist', version: 1 });
  });

  it.each([
    ['a missing version', { name: 'x' }, 'version'],
    ['version 0', { version: 0, name: 'x' }, 'version'],
    ['an invalid phone', { version: 1, phones: ['abc'] }, 'phones.0'],
    ['a name of only spaces', { version: 1, name: '   ' }, 'name'],
    ['empty governorates', { version: 1, governorates: [] }, 'governorates'],
    ['an unknown field', { version: 1, id: '00000000-0000-4000-8000-000000000000' }, 'id'],
    ['name parts on a volunteer team', { version: 1, kind: 'volunteer_team', nameParts: { first: 'x' } }, 'nameParts'],
  ])('refuses %s with 400 and changes nothing', async (_label, payload, field) => {
    const created = await create({ kind: 'activist', name: 'تعديل مرفوض', governorates: ['IQ-BG'], phones: ['07509998877'] });
    const res = await t.request('staff', { method: 'PATCH', url: `/api/contacts/${created.id}`, payload });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res)).toContain(field);
    expect(await contactRow(created.id)).toMatchObject({ name: 'تعديل مرفوض', phones: ['+9647509998877'], version: 1 });
    expect((await auditFor(created.id)).map((a) => a.action)).toEqual(['create']);
  });

  it('answers 404 for an unknown id and 400 for a non-uuid id', async () => {
    expectProblem(
      await t.request('staff', { method: 'PATCH', url: `/api/contacts/${randomUUID()}`, payload: { version: 1, name: 'x' } }),
      404,
      'NOT_FOUND',
    );
    const res = await t.request('staff', { method: 'PATCH', url: '/api/contacts/123', payload: { version: 1, name: 'x' } });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res)).toEqual(['id']);
  });

  it('refuses an anonymous caller with 401', async () => {
    const created = await create({ kind: 'activist', name: 'تعديل مجهول', governorates: ['IQ-BG'] });
    const res = await t.request(null, { method: 'PATCH', url: `/api/contacts/${created.id}`, payload: { version: 1, name: 'x' } });
    expectProblem(res, 401, 'UNAUTHORIZED');
    expect(await contactRow(created.id)).toMatchObject({ name: 'تعديل مجهول', version: 1 });
  });
});

describe('DELETE /api/contacts/:id', () => {
  it('deletes, answers 204, then 404', async () => {
    const created = await create({ kind: 'volunteer_team', name: 'فريق للحذف', governorates: ['IQ-DI'] });
    const res = await t.request('staff', { method: 'DELETE', url: `/api/contacts/${created.id}` });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expectProblem(await t.request('staff', { method: 'GET', url: `/api/contacts/${created.id}` }), 404, 'NOT_FOUND');
    expectProblem(await t.request('staff', { method: 'DELETE', url: `/api/contacts/${created.id}` }), 404, 'NOT_FOUND');
    expect(await contactRow(created.id)).toBeUndefined();
    const links = await t.database.db.selectFrom('contact_governorate').selectAll().where('contact_id', '=', created.id).execute();
    expect(links).toEqual([]);
  });

  it('deletes when the given version is current', async () => {
    const created = await create({ kind: 'volunteer_team', name: 'حذف بنسخة', governorates: ['IQ-DI'] });
    const res = await t.request('staff', { method: 'DELETE', url: `/api/contacts/${created.id}?version=1` });
    expect(res.statusCode).toBe(204);
    expect(await contactRow(created.id)).toBeUndefined();
  });

  it('refuses a stale version with 409 and keeps the contact', async () => {
    const created = await create({ kind: 'volunteer_team', name: 'حذف قديم', governorates: ['IQ-DI'] });
    const patched = await t.request('staff', {
      method: 'PATCH',
      url: `/api/contacts/${created.id}`,
      payload: { version: 1, nameLatin: 'Changed meanwhile' },
    });
    expect(patched.statusCode).toBe(200);
    const res = await t.request('staff', { method: 'DELETE', url: `/api/contacts/${created.id}?version=1` });
    expectProblem(res, 409, 'CONFLICT');
    expect(await contactRow(created.id)).toMatchObject({ name: 'حذف قديم', version: 2 });
    expect((await t.request('viewer', { method: 'GET', url: `/api/contacts/${created.id}` })).statusCode).toBe(200);
    expect((await auditFor(created.id)).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('answers 400 for a version that is not a number and for a non-uuid id', async () => {
    const created = await create({ kind: 'volunteer_team', name: 'حذف بنسخة خاطئة', governorates: ['IQ-DI'] });
    const res = await t.request('staff', { method: 'DELETE', url: `/api/contacts/${created.id}?version=latest` });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res)).toEqual(['version']);
    expect(await contactRow(created.id)).toBeDefined();
    const bad = await t.request('staff', { method: 'DELETE', url: '/api/contacts/abc' });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(bad)).toEqual(['id']);
  });

  it('refuses an anonymous caller with 401', async () => {
    const created = await create({ kind: 'volunteer_team', name: 'حذف مجهول', governorates: ['IQ-DI'] });
    expectProblem(await t.request(null, { method: 'DELETE', url: `/api/contacts/${created.id}` }), 401, 'UNAUTHORIZED');
    expect(await contactRow(created.id)).toBeDefined();
  });
});

describe('audit log', () => {
  it('records a creation with the names of the filled fields', async () => {
    const created = await create(
      {
        kind: 'activist',
        name: 'تدقيق الإنشاء',
        nameParts: { first: 'تدقيق' },
        governorates: ['IQ-KA'],
        phones: ['07723334455'],
        emails: ['audit@example.org'],
      },
      'coordinator',
    );
    const rows = await auditFor(created.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'create',
      entity_type: 'contact',
      entity_id: created.id,
      user_id: t.users.coordinator.id,
    });
    expect([...rows[0].changed_fields].sort()).toEqual(
      ['emails', 'governorates', 'kind', 'name', 'name_first', 'phones', 'sensitivity'].sort(),
    );
  });

  it('records exactly the changed field names of an update', async () => {
    const created = await create({ kind: 'activist', name: 'تدقيق التعديل', governorates: ['IQ-KA'] });
    const res = await t.request('admin', {
      method: 'PATCH',
      url: `/api/contacts/${created.id}`,
      payload: { version: 1, phones: ['07723334455'], nameLatin: 'Audit Update', governorates: ['IQ-KA'] },
    });
    expect(res.statusCode).toBe(200);
    const rows = await auditFor(created.id);
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
    expect(rows[1]).toMatchObject({ entity_type: 'contact', user_id: t.users.admin.id });
    expect([...rows[1].changed_fields].sort()).toEqual(['name_latin', 'phones']);
  });

  it('records governorates and kind changes by name', async () => {
    const created = await create({ kind: 'organization', subtype: 'media', name: 'تدقيق النوع', governorates: ['IQ-KA'] });
    const res = await t.request('staff', {
      method: 'PATCH',
      url: `/api/contacts/${created.id}`,
      payload: { version: 1, kind: 'activist', governorates: ['IQ-KA', 'IQ-NA'] },
    });
    expect(res.statusCode).toBe(200);
    const rows = await auditFor(created.id);
    expect([...rows[1].changed_fields].sort()).toEqual(['governorates', 'kind', 'subtype']);
  });

  it('records a deletion', async () => {
    const created = await create({ kind: 'activist', name: 'تدقيق الحذف', governorates: ['IQ-KA'], phones: ['07723334455'] });
    expect((await t.request('staff', { method: 'DELETE', url: `/api/contacts/${created.id}` })).statusCode).toBe(204);
    const rows = await auditFor(created.id);
    expect(rows.map((r) => r.action)).toEqual(['create', 'delete']);
    expect(rows[1]).toMatchObject({ entity_type: 'contact', entity_id: created.id, user_id: t.users.staff.id });
    // The delete names the trash item it went to (POST /api/trash/{trashId}/restore brings it back).
    expect(rows[1].details).toEqual({ kind: 'activist', governorates: ['IQ-KA'], trashId: expect.any(String) });
  });

  it('writes nothing for a refused stale update or delete', async () => {
    const created = await create({ kind: 'activist', name: 'تدقيق الرفض', governorates: ['IQ-KA'] });
    await t.request('staff', { method: 'PATCH', url: `/api/contacts/${created.id}`, payload: { version: 1, nameLatin: 'v2' } });
    const beforeRows = await auditFor(created.id);
    expectProblem(
      await t.request('staff', { method: 'PATCH', url: `/api/contacts/${created.id}`, payload: { version: 1, nameLatin: 'v3' } }),
      409,
      'CONFLICT',
    );
    expectProblem(await t.request('staff', { method: 'DELETE', url: `/api/contacts/${created.id}?version=1` }), 409, 'CONFLICT');
    expect(await auditFor(created.id)).toEqual(beforeRows);
    expect(await contactRow(created.id)).toMatchObject({ name_latin: 'v2', version: 2 });
  });

  it('never holds a phone number, in details or in changed_fields', async () => {
    const rows = await t.database.db.selectFrom('audit_log').select(['changed_fields', 'details']).execute();
    expect(rows.length).toBeGreaterThan(10);
    const text = JSON.stringify(rows);
    for (const digits of PHONE_DIGITS) expect(text).not.toContain(digits);
    expect(text).not.toContain('+964');
  });
});
