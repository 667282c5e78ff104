import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFrom } from '../../server/src/domain/partnerships/period.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, fieldsOf, type Json } from '../helpers/api-requests.js';

let t: TestApp;
let today: string;
const body: Record<string, Json> = {};
const person: Record<string, Json> = {};
const focal: Record<string, Json> = {};

/** A day relative to the database's current_date, the clock the status rule runs on. */
async function day(offset: number): Promise<string> {
  const { rows } = await sql<{ d: string }>`SELECT (current_date + ${offset}::int)::text AS d`.execute(t.database.db);
  return rows[0].d;
}

const contact = (b: Json) => created(t, '/api/contacts', b);
const governmentBody = (name: string, governorates: string[], extra: Json = {}) =>
  contact({ kind: 'organization', subtype: 'government_body', name, governorates, ...extra });
const focalPerson = (name: string, governorates: string[], extra: Json = {}) =>
  contact({ kind: 'government_focal_point', name, governorates, ...extra });
const interaction = async (offset: number, contactIds: string[], kind = 'meeting') =>
  created(t, '/api/interactions', { kind, occurredOn: await day(offset), summary: 'meeting', contactIds });

async function attendedEvent(title: string, offset: number, contactId: string, representativeId: string | null) {
  const db = t.database.db;
  const { rows } = await sql<{ id: string }>`INSERT INTO event (title, type, starts_at, ends_at, governorate_code)
    VALUES (${title}, 'workshop', (current_date + ${offset}::int)::timestamp AT TIME ZONE 'UTC' + interval '9 hours',
      (current_date + ${offset}::int)::timestamp AT TIME ZONE 'UTC' + interval '15 hours', 'IQ-BG') RETURNING id`.execute(db);
  const eventId = rows[0].id;
  await db
    .insertInto('invitation')
    .values({ event_id: eventId, contact_id: contactId, representative_id: representativeId, status: 'attended' })
    .execute();
  return eventId;
}

const list = async (query = '', as: 'viewer' | 'admin' | 'staff' = 'viewer') => {
  const res = await t.request(as, { method: 'GET', url: `/api/partnerships${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const rowOf = (result: Json, name: string) => result.items.find((i: Json) => i.id === body[name].id);

beforeAll(async () => {
  t = await createTestApp();
  today = await day(0);
  // active: met the focal point 10 days ago
  body.active = await governmentBody('مديرية شؤون المرأة', ['IQ-BG'], { nameLatin: "Women's Affairs Directorate" });
  person.active = await focalPerson('سارة علي', ['IQ-BG']);
  focal.active = await created(t, '/api/positions', {
    personId: person.active.id,
    organizationId: body.active.id,
    title: 'مديرة',
    isFocalPoint: true,
    startDate: '2024-03-01',
  });
  await interaction(-10, [person.active.id], 'call');
  await interaction(-200, [body.active.id]);
  // cooling: met the body itself 120 days ago
  body.cooling = await governmentBody('مجلس محافظة بغداد', ['IQ-BG']);
  person.cooling = await focalPerson('حسن كريم', ['IQ-BG']);
  await created(t, '/api/positions', { personId: person.cooling.id, organizationId: body.cooling.id, title: 'عضو', isFocalPoint: true });
  await interaction(-120, [body.cooling.id]);
  // dormant: last met 300 days ago
  body.dormant = await governmentBody('مديرية تربية البصرة', ['IQ-BA']);
  person.dormant = await focalPerson('علي جاسم', ['IQ-BA']);
  await created(t, '/api/positions', {
    personId: person.dormant.id,
    organizationId: body.dormant.id,
    title: 'مدير',
    isFocalPoint: true,
    startDate: '2020-01-01',
  });
  await interaction(-300, [person.dormant.id]);
  // never: a focal point but no contact at all
  body.never = await governmentBody('دائرة صحة البصرة', ['IQ-BA']);
  person.never = await focalPerson('زينب حميد', ['IQ-BA'], { sensitivity: 'restricted', phones: ['07701234567'] });
  await created(t, '/api/positions', { personId: person.never.id, organizationId: body.never.id, title: 'مسؤولة', isFocalPoint: true });
  // former: the only holder left 400 days ago; met while in office 500 days ago, and again after leaving (not counted)
  body.former = await governmentBody('مديرية البيئة', ['IQ-BG']);
  person.former = await focalPerson('كاظم ناصر', ['IQ-BG']);
  await created(t, '/api/positions', {
    personId: person.former.id,
    organizationId: body.former.id,
    title: 'مدير',
    isFocalPoint: true,
    startDate: await day(-900),
    endDate: await day(-400),
  });
  await interaction(-500, [person.former.id]);
  await interaction(-5, [person.former.id]);
  // event: no interaction, its focal point represented it at an event 30 days ago
  body.event = await governmentBody('مديرية الشباب والرياضة', ['IQ-BG', 'IQ-BA']);
  person.event = await focalPerson('نور الهدى', ['IQ-BG']);
  await created(t, '/api/positions', { personId: person.event.id, organizationId: body.event.id, title: 'منسقة', isFocalPoint: true });
  body.eventId = { id: await attendedEvent('جلسة حوارية', -30, body.event.id, person.event.id) };
});
afterAll(() => t.close());

describe('partnership status', () => {
  it('is active, cooling or dormant by the days since the last contact, as of today', async () => {
    const r = await list();
    expect(r.asOf).toBe(today);
    expect(r.thresholds).toEqual({ activeDays: 90, coolingDays: 180 });
    expect(rowOf(r, 'active')).toMatchObject({
      status: 'active',
      daysSinceLastContact: 10,
      lastContactOn: await day(-10),
      lastInteraction: { date: await day(-10), kind: 'call' },
      governorates: ['IQ-BG'],
      nameLatin: "Women's Affairs Directorate",
      currentFocalPoints: [
        { positionId: focal.active.id, personId: person.active.id, name: 'سارة علي', title: 'مديرة', since: '2024-03-01' },
      ],
      hiddenFocalPoints: 0,
    });
    expect(rowOf(r, 'cooling')).toMatchObject({ status: 'cooling', daysSinceLastContact: 120 });
    expect(rowOf(r, 'dormant')).toMatchObject({ status: 'dormant', daysSinceLastContact: 300 });
  });

  it('is dormant when there was never any contact', async () => {
    expect(rowOf(await list(), 'never')).toMatchObject({
      status: 'dormant',
      lastInteraction: null,
      lastEventAttendance: null,
      lastContactOn: null,
      daysSinceLastContact: null,
      interactionCount: 0,
      eventAttendanceCount: 0,
    });
  });

  it('counts a former holder only while in office, and is vacant when no focal point is current', async () => {
    expect(rowOf(await list(), 'former')).toMatchObject({
      status: 'vacant',
      currentFocalPoints: [],
      lastContactOn: await day(-500),
      daysSinceLastContact: 500,
    });
  });

  it("counts an event attended by the body's representative as contact", async () => {
    expect(rowOf(await list(), 'event')).toMatchObject({
      status: 'active',
      lastInteraction: null,
      lastEventAttendance: { eventId: body.eventId.id, date: await day(-30), title: 'جلسة حوارية' },
      lastContactOn: await day(-30),
      eventAttendanceCount: 1,
      governorates: ['IQ-BA', 'IQ-BG'],
    });
  });

  it("turns vacant the day after the focal point's position ends, even with recent contact", async () => {
    const b = await governmentBody('مديرية الزراعة', ['IQ-NA']);
    const p = await focalPerson('محمد عباس', ['IQ-NA']);
    const position = await created(t, '/api/positions', { personId: p.id, organizationId: b.id, title: 'مدير', isFocalPoint: true });
    await interaction(-3, [p.id]);
    const before = (await list('?governorate=IQ-NA')).items;
    expect(before).toMatchObject([{ id: b.id, status: 'active', currentFocalPoints: [{ personId: p.id }] }]);
    const ended = await t.request('staff', {
      method: 'PATCH',
      url: `/api/positions/${position.id}`,
      payload: { version: position.version, endDate: await day(-1) },
    });
    expect(ended.statusCode, ended.body).toBe(200);
    const after = (await list('?governorate=IQ-NA')).items;
    expect(after).toMatchObject([{ id: b.id, status: 'vacant', currentFocalPoints: [], daysSinceLastContact: 3 }]);
    await t.database.db.deleteFrom('contact').where('id', 'in', [b.id, p.id]).execute();
  });

  it('counts an interaction with the body and its people once, and leaves out future-dated ones', async () => {
    const b = await governmentBody('مديرية الماء', ['IQ-KA']);
    const p = await focalPerson('رائد فاضل', ['IQ-KA']);
    await created(t, '/api/positions', { personId: p.id, organizationId: b.id, title: 'مدير', isFocalPoint: true });
    await interaction(-40, [b.id, p.id]);
    await interaction(7, [p.id]);
    const [row] = (await list(`?governorate=IQ-KA&to=${await day(30)}`)).items;
    expect(row).toMatchObject({ id: b.id, interactionCount: 1, lastContactOn: await day(-40), daysSinceLastContact: 40 });
    await t.database.db.deleteFrom('contact').where('id', 'in', [b.id, p.id]).execute();
  });

  it('follows the thresholds in the settings', async () => {
    const settings = await t.request('viewer', { method: 'GET', url: '/api/settings/partnerships' });
    expect(settings.json()).toEqual({ activeDays: 90, coolingDays: 180, version: 0, updatedAt: null });
    const put = (payload: Json, as: 'admin' | 'coordinator' = 'admin') =>
      t.request(as, { method: 'PUT', url: '/api/settings/partnerships', payload });
    const saved = await put({ activeDays: 150, coolingDays: 250, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ activeDays: 150, coolingDays: 250, version: 1 });
    const r = await list();
    expect(r.thresholds).toEqual({ activeDays: 150, coolingDays: 250 });
    expect(rowOf(r, 'cooling').status).toBe('active');
    expect(rowOf(r, 'dormant').status).toBe('dormant');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'settings')
      .where('action', '=', 'update')
      .execute();
    expect(audit).toMatchObject([{ user_id: t.users.admin.id, changed_fields: ['activeDays', 'coolingDays'] }]);

    expectProblem(await put({ activeDays: 90, coolingDays: 180, version: 0 }), 409, 'CONFLICT');
    expectProblem(await put({ activeDays: 90, coolingDays: 180, version: 1 }, 'coordinator'), 403, 'FORBIDDEN');
    const order = await put({ activeDays: 100, coolingDays: 100, version: 1 });
    expectProblem(order, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(order)).toEqual(['coolingDays']);
    expect(fieldsOf(await put({ activeDays: 0, coolingDays: 100, version: 1 }))).toEqual(['activeDays']);
    const restored = await put({ activeDays: 90, coolingDays: 180, version: 1 });
    expect(restored.json()).toMatchObject({ activeDays: 90, coolingDays: 180, version: 2 });
    expect(rowOf(await list(), 'cooling').status).toBe('cooling');
  });
});

describe('partnerships list', () => {
  it('counts interactions and attendances within the period only', async () => {
    const r = await list(`?from=${await day(-250)}&to=${await day(-1)}`);
    expect(r.period).toEqual({ from: await day(-250), to: await day(-1) });
    expect(rowOf(r, 'active')).toMatchObject({ interactionCount: 2, eventAttendanceCount: 0 });
    expect(rowOf(r, 'dormant')).toMatchObject({ interactionCount: 0 });
    expect(rowOf(r, 'former')).toMatchObject({ interactionCount: 0 });
    expect(rowOf(r, 'event')).toMatchObject({ eventAttendanceCount: 1 });
    const narrow = await list(`?from=${await day(-20)}&to=${await day(0)}`);
    expect(rowOf(narrow, 'active')).toMatchObject({ interactionCount: 1 });
    expect(rowOf(narrow, 'event')).toMatchObject({ eventAttendanceCount: 0, status: 'active' });
  });

  it('defaults the period to the twelve months up to today', async () => {
    expect((await list()).period).toEqual({ from: defaultFrom(today), to: today });
  });

  it('gives facet totals by status and governorate', async () => {
    const r = await list();
    expect(r.total).toBe(6);
    expect(r.totals.byStatus).toEqual({ active: 2, cooling: 1, dormant: 2, vacant: 1 });
    expect(r.totals.byGovernorate).toEqual([
      { governorate: 'IQ-BA', total: 3, active: 1, cooling: 0, dormant: 2, vacant: 0 },
      { governorate: 'IQ-BG', total: 4, active: 2, cooling: 1, dormant: 0, vacant: 1 },
    ]);
    const basra = await list('?governorate=IQ-BA&status=dormant');
    expect(basra.items.map((i: Json) => i.id).sort()).toEqual([body.dormant.id, body.never.id].sort());
    expect(basra.total).toBe(2);
    expect(basra.totals.byStatus).toEqual({ active: 1, cooling: 0, dormant: 2, vacant: 0 });
    expect(basra.totals.byGovernorate).toEqual([{ governorate: 'IQ-BA', total: 2, active: 0, cooling: 0, dormant: 2, vacant: 0 }]);
    expect((await list('?status=vacant')).items.map((i: Json) => i.id)).toEqual([body.former.id]);
  });

  it('sorts, pages and searches by name', async () => {
    const byContact = await list('?sort=lastContact');
    expect(byContact.items.map((i: Json) => i.id).slice(0, 3)).toEqual([body.never.id, body.former.id, body.dormant.id]);
    const newest = await list('?sort=lastContact&order=desc&limit=2&offset=1');
    expect(newest).toMatchObject({ limit: 2, offset: 1, total: 6 });
    expect(newest.items.map((i: Json) => i.id)).toEqual([body.event.id, body.cooling.id]);
    const worst = await list('?sort=status');
    expect(worst.items.map((i: Json) => i.status)).toEqual(['vacant', 'dormant', 'dormant', 'cooling', 'active', 'active']);
    expect((await list('?q=' + encodeURIComponent('مديريه تربيه'))).items.map((i: Json) => i.id)).toEqual([body.dormant.id]);
    expect((await list('?q=women')).items.map((i: Json) => i.id)).toEqual([body.active.id]);
    expect((await list('?q=100%25')).items).toEqual([]);
  });

  it('rejects bad filters and periods', async () => {
    const get = (query: string) => t.request('viewer', { method: 'GET', url: `/api/partnerships${query}` });
    const reversed = await get('?from=2025-05-01&to=2025-04-30');
    expectProblem(reversed, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(reversed)).toEqual(['from']);
    expect(fieldsOf(await get('?from=2025-13-01'))).toEqual(['from']);
    expect(fieldsOf(await get('?to=yesterday'))).toEqual(['to']);
    expect(fieldsOf(await get('?from=2000-01-01&to=2025-01-01'))).toEqual(['from']);
    expect(fieldsOf(await get('?status=asleep'))).toEqual(['status']);
    expect(fieldsOf(await get('?sort=phone'))).toEqual(['sort']);
    expect(fieldsOf(await get('?governorate=XX'))).toEqual(['governorate']);
    expect(fieldsOf(await get('?limit=501'))).toEqual(['limit']);
    expectProblem(await t.request(null, { method: 'GET', url: '/api/partnerships' }), 401, 'UNAUTHORIZED');
  });
});

describe('partnerships access', () => {
  it('lets every role read, without any phone or email', async () => {
    for (const role of ['admin', 'coordinator', 'staff', 'viewer'] as const) {
      expect((await list('', role as 'viewer')).total).toBe(6);
    }
    const text = JSON.stringify(await list());
    expect(text).not.toContain('+9647701234567');
    expect(rowOf(await list(), 'never').currentFocalPoints).toMatchObject([{ personId: person.never.id, name: 'زينب حميد' }]);
  });

  it('shows a scoped user only the bodies and focal points in their governorates', async () => {
    const { token } = await t.addUser('viewer', ['IQ-BA']);
    const res = await t.app.inject({ method: 'GET', url: '/api/partnerships', headers: { authorization: `Bearer ${token}` } });
    const r = res.json();
    expect(r.items.map((i: Json) => i.id).sort()).toEqual([body.dormant.id, body.never.id, body.event.id].sort());
    // the event body's focal point lives in Baghdad: counted, not named, and the body is not vacant
    expect(r.items.find((i: Json) => i.id === body.event.id)).toMatchObject({
      currentFocalPoints: [],
      hiddenFocalPoints: 1,
      status: 'active',
    });
    expect(r.totals.byGovernorate.map((g: Json) => g.governorate)).toEqual(['IQ-BA']);
    expect(r.totals.byStatus).toEqual({ active: 1, cooling: 0, dormant: 2, vacant: 0 });
  });
});

describe('API document', () => {
  it('describes the management endpoints', async () => {
    const res = await t.request('viewer', { method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/partnerships',
        '/api/partnerships/export',
        '/api/stats/governorates',
        '/api/stats/dashboard',
        '/api/settings/partnerships',
      ]),
    );
  });
});

describe('partnerships export', () => {
  it('exports CSV with a BOM and Arabic headers, audited', async () => {
    const res = await t.request('viewer', { method: 'GET', url: '/api/partnerships/export?format=csv&governorate=IQ-BA&sort=name' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(`partnerships-${today}.csv`);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.rawPayload.subarray(3).toString('utf8').trim().split(/\r?\n/);
    expect(lines[0]).toContain('الجهة الحكومية');
    expect(lines).toHaveLength(4);
    const dormantLine = lines.find((l) => l.includes('مديرية تربية البصرة'))!;
    expect(dormantLine).toContain('علي جاسم – مدير (2020-01-01)');
    expect(dormantLine).toContain('خاملة');
    expect(dormantLine).toContain('البصرة');
    expect(res.body).not.toContain('+9647701234567');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'export')
      .where('entity_type', '=', 'partnership')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ user_id: t.users.viewer.id, details: { format: 'csv', lang: 'ar', rows: 3 } });
    expect(audit[0].details).toMatchObject({ filters: { governorate: 'IQ-BA', sort: 'name', to: today } });
  });

  it('exports XLSX in English with the period on a second sheet', async () => {
    const res = await t.request('admin', { method: 'GET', url: '/api/partnerships/export?format=xlsx&lang=en&status=vacant' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [table, period] = workbook.worksheets;
    expect(table.getRow(1).getCell(1).value).toBe('Government body');
    expect(table.rowCount).toBe(2);
    expect(table.getRow(2).getCell(1).value).toBe('مديرية البيئة');
    expect(table.getRow(2).getCell(10).value).toBe('Vacant');
    expect(table.views[0]).toMatchObject({ rightToLeft: false });
    expect(period.getRow(2).getCell(2).value).toBe(today);
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'export')
      .where('user_id', '=', t.users.admin.id)
      .execute();
    expect(audits).toMatchObject([{ details: { format: 'xlsx', lang: 'en', rows: 1 } }]);
  });

  it('rejects a missing format', async () => {
    const res = await t.request('viewer', { method: 'GET', url: '/api/partnerships/export' });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res)).toEqual(['format']);
  });
});
