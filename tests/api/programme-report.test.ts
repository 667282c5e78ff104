import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor, created, expectProblem, type Json } from '../helpers/api-requests.js';
import { buildProgrammeFixture, type ProgrammeFixture } from '../helpers/programme-fixture.js';

/**
 * The donor report (issue 16, item 3) on hand-built data (tests/helpers/programme-fixture.ts): every figure exact,
 * a person at three events counted once, gender not recorded in its own column, a governorate-limited user's view.
 */
let t: TestApp;
let f: ProgrammeFixture;
let erbilStaff: string;
let basraStaff: string;
beforeAll(async () => {
  t = await createTestApp();
  f = await buildProgrammeFixture(t);
  erbilStaff = (await t.addUser('staff', ['IQ-AR'])).token;
  basraStaff = (await t.addUser('staff', ['IQ-BA'])).token;
});
afterAll(() => t.close());

const PERIOD = 'from=2026-03-01&to=2026-06-30';
const get = (url: string, token?: string) =>
  token ? t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } }) : t.request('viewer', { method: 'GET', url });
const report = async (token?: string): Promise<Json> => {
  const res = await get(`/api/programmes/${f.programmeId}/report?${PERIOD}`, token);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('donor report', () => {
  it('counts distinct people per cell and in every total: a person at three events is one person', async () => {
    const r = await report();
    expect(r.period).toEqual({ from: '2026-03-01', to: '2026-06-30' });
    expect(r.scope).toEqual({ governorates: null });
    const rows = r.attendance.rows.map((x: Json) => [x.governorate, x.kind, x.people, x.attendances]);
    expect(rows).toEqual([
      ['IQ-BG', 'activist', { female: 2, male: 0, unknown: 0, total: 2 }, 3],
      ['IQ-BG', 'government_focal_point', { female: 0, male: 1, unknown: 0, total: 1 }, 1],
      ['IQ-AR', 'activist', { female: 1, male: 0, unknown: 1, total: 2 }, 2],
    ]);
    expect(r.attendance.byGovernorate.map((x: Json) => [x.governorate, x.people.total])).toEqual([
      ['IQ-BG', 3],
      ['IQ-AR', 2],
    ]);
    // A counts for Baghdad at two events and for Erbil at one: 3 + 2 governorate totals, 4 people.
    expect(r.attendance.total.people).toEqual({ female: 2, male: 1, unknown: 1, total: 4 });
    expect(r.attendance.total.attendances).toBe(6);
    expect(r.reached).toMatchObject({ attendees: 4, listed: 2, total: 5, unnamedRepresentatives: 1 });
  });

  it('lists the events held with their attendance and links, and the government bodies engaged', async () => {
    const r = await report();
    expect(r.events.map((e: Json) => [e.id, e.startsOn, e.governorate, e.people.total])).toEqual([
      [f.events.e1, '2026-03-10', 'IQ-BG', 2],
      [f.events.e2, '2026-04-10', 'IQ-AR', 2],
      [f.events.e3, '2026-05-10', 'IQ-BG', 2],
    ]);
    expect(r.events[1].people).toEqual({ female: 1, male: 0, unknown: 1, total: 2 });
    expect(r.events[0]).toMatchObject({ link: `/events/${f.events.e1}`, attendeesLink: `/contacts?attended=${f.events.e1}` });
    const bodies = Object.fromEntries(r.governmentBodies.map((b: Json) => [b.id, [b.events, b.interactions, b.link]]));
    expect(bodies).toEqual({
      [f.bodies.g1]: [1, 0, `/contacts/${f.bodies.g1}`],
      [f.bodies.g2]: [1, 0, `/contacts/${f.bodies.g2}`],
      [f.bodies.g3]: [0, 1, `/contacts/${f.bodies.g3}`],
    });
  });

  it('names the new activists: first attendance in the programme within the period', async () => {
    const r = await report();
    expect(r.newActivists.items.map((a: Json) => [a.id, a.firstOn, a.firstEventId])).toEqual([
      [f.people.a, '2026-03-10', f.events.e1],
      [f.people.b, '2026-04-10', f.events.e2],
    ]);
    expect(r.newActivists.count).toBe(2);
    // From February on, D (first came on 1 February) is new too.
    const wider = (await get(`/api/programmes/${f.programmeId}/report?from=2026-02-01&to=2026-06-30`)).json();
    expect(wider.newActivists.items.map((a: Json) => a.id)).toContain(f.people.d);
  });

  it('links every figure to the people behind it, and that list holds exactly them', async () => {
    const r = await report();
    const erbil = r.attendance.rows.find((x: Json) => x.governorate === 'IQ-AR');
    expect(erbil.links.unknown).toBe(`/programmes/${f.programmeId}/report/people?${PERIOD}&governorate=IQ-AR&kind=activist&gender=unknown`);
    const people = async (link: string) => {
      const res = await get(`/api${link}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((p: Json) => p.id);
    };
    expect(await people(erbil.links.unknown)).toEqual([f.people.b]);
    expect((await people(r.attendance.total.links.total)).sort()).toEqual([f.people.a, f.people.b, f.people.c, f.people.d].sort());
    expect((await people(r.newActivists.link)).sort()).toEqual([f.people.a, f.people.b].sort());
    const aRow = (await get(`/api${r.attendance.total.links.female}`)).json().items.find((p: Json) => p.id === f.people.a);
    expect(aRow.attendances).toBe(3);
  });

  it('shows a governorate-limited user only their governorates, and hides the programme from one outside them', async () => {
    const r = await report(erbilStaff);
    expect(r.scope).toEqual({ governorates: ['IQ-AR'] });
    expect(r.attendance.rows.map((x: Json) => x.governorate)).toEqual(['IQ-AR']);
    expect(r.attendance.total.people).toEqual({ female: 1, male: 0, unknown: 1, total: 2 });
    expect(r.events.map((e: Json) => e.id)).toEqual([f.events.e2]);
    expect(r.governmentBodies.map((b: Json) => b.id)).toEqual([f.bodies.g2]);
    expect(r.reached).toMatchObject({ attendees: 2, listed: 0, total: 2, unnamedRepresentatives: 0 });
    expectProblem(await get(`/api/programmes/${f.programmeId}/report?${PERIOD}`, basraStaff), 404, 'NOT_FOUND');
  });

  it('reads the period as whole Baghdad days: late on the last day counts, just after midnight does not', async () => {
    const db = t.database.db;
    const programme = await db
      .insertInto('programme')
      .values({ name_ar: 'برنامج الحدود', starts_on: '2026-01-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const event = async (title: string, startsAt: string) => {
      const e = await created(t, '/api/events', { title, type: 'other', startsAt, endsAt: startsAt });
      await db.insertInto('event_programme').values({ event_id: e.id, programme_id: programme.id }).execute();
      return e.id as string;
    };
    const lateOnTheFirst = await event('قبل منتصف الليل', '2026-03-01T00:10:00+03:00');
    const lateOnTheLast = await event('آخر الليل', '2026-06-30T23:50:00+03:00');
    await event('بعد منتصف الليل', '2026-07-01T00:10:00+03:00');
    await event('قبل البداية', '2026-02-28T23:50:00+03:00');
    const res = await get(`/api/programmes/${programme.id}/report?${PERIOD}`);
    expect(res.json().events.map((e: Json) => e.id)).toEqual([lateOnTheFirst, lateOnTheLast]);
  });

  it('refuses a reversed period and defaults to the programme start until today', async () => {
    expectProblem(await get(`/api/programmes/${f.programmeId}/report?from=2026-07-01&to=2026-06-30`), 400, 'VALIDATION_FAILED');
    const res = await get(`/api/programmes/${f.programmeId}/report`);
    expect(res.json().period.from).toBe('2026-01-01');
  });

  it('exports one sheet per table as XLSX, numbers as numbers, right to left in Arabic, and audits it', async () => {
    const res = await t.request('staff', { method: 'GET', url: `/api/programmes/${f.programmeId}/report?${PERIOD}&format=xlsx` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['الملخص', 'الحضور', 'الفعاليات', 'الجهات الحكومية', 'الناشطون الجدد']);
    expect(workbook.worksheets.every((s) => s.views[0].rightToLeft)).toBe(true);
    const values = (sheet: number, row: number) => (workbook.worksheets[sheet].getRow(row).values as unknown[]).slice(1);
    expect(values(0, 2)).toEqual(['البرنامج', 'برنامج الديمقراطية']);
    expect(values(0, 6)[1]).toBe(5);
    expect(values(1, 2)).toEqual(['بغداد', 'IQG08', 'ناشط/ة', 2, 0, 0, 2, 3]);
    expect(values(2, 3).slice(0, 5)).toEqual(['جلسة حوارية في أربيل', 'ورشة عمل', '2026-04-10', '2026-04-10', 'أربيل']);
    const audit = (await auditFor(t, f.programmeId)).filter((a) => a.action === 'export');
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ format: 'xlsx', from: '2026-03-01', to: '2026-06-30', people: 5 });

    const english = await t.request('staff', {
      method: 'GET',
      url: `/api/programmes/${f.programmeId}/report?${PERIOD}&format=xlsx&lang=en`,
    });
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(english.rawPayload as unknown as ArrayBuffer);
    expect(en.worksheets[0].views[0].rightToLeft).toBe(false);
    expect((en.worksheets[1].getRow(1).values as unknown[]).slice(1, 4)).toEqual(['Governorate', 'P-code (OCHA)', 'Kind']);
  });
});
