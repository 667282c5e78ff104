import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCoreOrLocalTag, isCoreTag, parseHxlTag } from '../../server/src/domain/hxl/hxl-tags.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor, created, expectProblem } from '../helpers/api-requests.js';
import { buildProgrammeFixture, type ProgrammeFixture } from '../helpers/programme-fixture.js';

/**
 * HXL exports of the directory and of a programme's activities, and the programme's 3W (issue 16, item 4), read back
 * as a partner's tool would and checked against the HXL 1.1 core hashtags and attributes (plus our one documented
 * local attribute, +unknown). Data: tests/helpers/programme-fixture.ts, plus an event in Halabja.
 */
let t: TestApp;
let f: ProgrammeFixture;
let erbilStaff: string;
let halabjaEvent: string;
beforeAll(async () => {
  t = await createTestApp();
  f = await buildProgrammeFixture(t);
  erbilStaff = (await t.addUser('staff', ['IQ-AR'])).token;
  const db = t.database.db;
  const person = await created(t, '/api/contacts', { kind: 'activist', name: 'شيلان أحمد', gender: 'female', governorates: ['HALABJA'] });
  const event = await created(t, '/api/events', {
    title: 'ورشة حلبجة',
    type: 'training',
    startsAt: '2026-06-15T09:00:00+03:00',
    endsAt: '2026-06-16T13:00:00+03:00',
    governorate: 'HALABJA',
  });
  halabjaEvent = event.id;
  await db.insertInto('event_programme').values({ event_id: event.id, programme_id: f.programmeId }).execute();
  await db.insertInto('invitation').values({ event_id: event.id, contact_id: person.id, status: 'attended' }).execute();
  await created(t, '/api/contacts', {
    kind: 'activist',
    name: 'ناشط محمي',
    governorates: ['IQ-AR'],
    phones: ['+9647705556666'],
    sensitivity: 'restricted',
  });
});
afterAll(() => t.close());

const PERIOD = 'from=2026-03-01&to=2026-06-30';
const download = (url: string, token?: string) =>
  token ? t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } }) : t.request('staff', { method: 'GET', url });
const readCsv = (body: string) => parse(body.replace(/^\uFEFF/, '')) as string[][];

function expectHxlTags(tags: string[]) {
  for (const tag of tags) {
    const parsed = parseHxlTag(tag);
    expect(parsed, tag).not.toBeNull();
    expect(isCoreOrLocalTag(parsed!), tag).toBe(true);
  }
  // The only tag outside the core is the documented "gender not recorded" column.
  expect(tags.filter((tag) => !isCoreTag(parseHxlTag(tag)!))).toEqual(tags.includes('#reached+unknown') ? ['#reached+unknown'] : []);
}

describe('HXL directory (dataset=contacts)', () => {
  it('writes people and organisations with their organisation, kind, p-codes, restricted details masked', async () => {
    const res = await download('/api/exports/hxl?dataset=contacts&lang=en');
    expect(res.statusCode, res.body).toBe(200);
    const [header, tags, ...rows] = readCsv(res.body);
    expect(header[0]).toBe('Name');
    expect(tags).toEqual([
      '#contact+name',
      '#contact+type',
      '#org+name',
      '#org+type',
      '#country+code',
      '#adm1+name+i_en',
      '#adm1+code',
      '#contact+phone',
      '#contact+email',
      '#meta+id',
      '#description',
    ]);
    expectHxlTags(tags);
    const byName = (name: string) => rows.find((r) => r[0] === name)!;
    expect(byName('كريم حسن').slice(0, 7)).toEqual([
      'كريم حسن',
      'Government focal point',
      'مديرية شباب بغداد',
      'Government body',
      'IRQ',
      'Baghdad',
      'IQG08',
    ]);
    expect(byName('منظمة الأمل').slice(2, 4)).toEqual(['منظمة الأمل', 'Local NGO']);
    expect(byName('شيلان أحمد').slice(5, 7)).toEqual(['Halabja', 'HALABJA']);
    expect(byName('شيلان أحمد')[10]).toContain('no OCHA p-code');
    expect(byName('ناشط محمي')[7]).toBe('');
    const coordinator = readCsv((await t.request('coordinator', { method: 'GET', url: '/api/exports/hxl?dataset=contacts' })).body);
    expect(coordinator.find((r) => r[0] === 'ناشط محمي')![7]).toBe('\t+9647705556666');
    const erbil = readCsv((await download('/api/exports/hxl?dataset=contacts', erbilStaff)).body).slice(2);
    expect(erbil.map((r) => r[6])).toEqual(erbil.map(() => 'IQG11'));
    expect(erbil.map((r) => r[0]).sort()).toEqual(['ئاری کەریم', 'ناشط محمي', 'مجلس محافظة أربيل'].sort());
  });
});

describe('HXL programme activities (dataset=activities)', () => {
  it('writes one row per attributed event in the period with dates, place, organiser, donor and people reached', async () => {
    const res = await download(`/api/exports/hxl?dataset=activities&programme=${f.programmeId}&${PERIOD}&lang=en`);
    expect(res.statusCode, res.body).toBe(200);
    const [, tags, ...rows] = readCsv(res.body);
    expect(tags).toEqual([
      '#activity+name',
      '#activity+programme+name',
      '#sector+name',
      '#org+impl+name',
      '#org+funder+name',
      '#date+start',
      '#date+end',
      '#country+code',
      '#adm1+name+i_en',
      '#adm1+code',
      '#reached+f',
      '#reached+m',
      '#reached+unknown',
      '#reached',
      '#meta+id',
      '#description',
    ]);
    expectHxlTags(tags);
    expect(rows.map((r) => r[14])).toEqual([f.events.e1, f.events.e2, f.events.e3, halabjaEvent]);
    expect(rows[0].slice(0, 10)).toEqual([
      'ورشة المشاركة المدنية',
      'Democracy programme',
      'Governance',
      'منظمة الأمل',
      'صندوق الديمقراطية',
      '2026-03-10',
      '2026-03-10',
      'IRQ',
      'Baghdad',
      'IQG08',
    ]);
    expect(rows.map((r) => r.slice(10, 14))).toEqual([
      ['1', '1', '0', '2'],
      ['1', '0', '1', '2'],
      ['2', '0', '0', '2'],
      ['1', '0', '0', '1'],
    ]);
    expect(rows[3].slice(6, 10)).toEqual(['2026-06-16', 'IRQ', 'Halabja', 'HALABJA']);
    expect(rows[3][15]).toContain('no OCHA p-code');
  });

  it('needs a programme, hides one outside the caller’s governorates, and limits a scoped caller to theirs', async () => {
    expectProblem(await download('/api/exports/hxl?dataset=activities'), 400, 'VALIDATION_FAILED');
    const basra = (await t.addUser('staff', ['IQ-BA'])).token;
    expectProblem(await download(`/api/exports/hxl?dataset=activities&programme=${f.programmeId}`, basra), 404, 'NOT_FOUND');
    const rows = readCsv((await download(`/api/exports/hxl?dataset=activities&programme=${f.programmeId}&${PERIOD}`, erbilStaff)).body);
    expect(rows.slice(2).map((r) => [r[14], r[13]])).toEqual([[f.events.e2, '2']]);
  });
});

describe('3W export', () => {
  it('writes organisation × governorate with p-codes, sector, dates and people reached, Halabja with its own key', async () => {
    const res = await download(`/api/exports/3w?programme=${f.programmeId}&${PERIOD}&lang=en`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const [header, tags, ...rows] = readCsv(res.body);
    expect(header[0]).toBe('Implementing organisation');
    expectHxlTags(tags);
    expect(tags).toEqual([
      '#org+impl+name',
      '#org+funder+name',
      '#sector+name',
      '#activity+programme+name',
      '#country+code',
      '#adm1+name+i_en',
      '#adm1+code',
      '#date+start',
      '#date+end',
      '#reached+f',
      '#reached+m',
      '#reached+unknown',
      '#reached',
      '#description',
    ]);
    expect(rows.map((r) => [r[0], r[6], r[7], r[8], ...r.slice(9, 13)])).toEqual([
      ['منظمة الأمل', 'IQG11', '2026-04-10', '2026-04-10', '1', '0', '1', '2'],
      ['منظمة الأمل', 'IQG08', '2026-03-10', '2026-03-10', '1', '1', '0', '2'],
      ['', 'HALABJA', '2026-06-15', '2026-06-15', '1', '0', '0', '1'],
      ['', 'IQG08', '2026-05-10', '2026-05-10', '2', '0', '0', '2'],
    ]);
    expect(rows[2][13]).toContain('no OCHA p-code');
    expect(rows[0].slice(1, 4)).toEqual(['صندوق الديمقراطية', 'Governance', 'Democracy programme']);
    const audit = (await auditFor(t, f.programmeId)).filter((a) => (a.details as { dataset?: string } | null)?.dataset === '3w');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'export', entity_type: 'programme' });
  });

  it('writes XLSX in Arabic, right to left, reached figures as numbers', async () => {
    const res = await download(`/api/exports/3w?programme=${f.programmeId}&${PERIOD}&format=xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)[0]).toBe('الجهة المنفذة');
    expectHxlTags(values(2) as string[]);
    expect(values(3).slice(5, 13)).toEqual(['أربيل', 'IQG11', '2026-04-10', '2026-04-10', 1, 0, 1, 2]);
  });
});
