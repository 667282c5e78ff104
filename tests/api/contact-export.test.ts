import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem } from '../helpers/api-requests.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await created(t, '/api/contacts', {
    kind: 'activist',
    name: 'هدى جاسم',
    gender: 'female',
    governorates: ['IQ-BG'],
    phones: ['07701112233'],
    emails: ['huda@example.org'],
    tags: ['شباب'],
  });
  await created(
    t,
    '/api/contacts',
    { kind: 'activist', name: 'ناشط محمي', governorates: ['IQ-BG'], phones: ['07709998877'], notes: 'سري', sensitivity: 'restricted' },
    'coordinator',
  );
  await created(t, '/api/contacts', {
    kind: 'organization',
    subtype: 'media',
    name: '=HYPERLINK("http://x")',
    governorates: ['IQ-BA'],
    phones: ['07801234567'],
  });
});
afterAll(() => t.close());

const exportAs = (as: 'staff' | 'viewer' | 'coordinator', query: string) =>
  t.request(as, { method: 'GET', url: `/api/contacts/export?${query}` });
const csvLines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);

describe('directory export', () => {
  it('writes the filtered list as CSV with a BOM and Arabic headers, phones masked on restricted contacts for staff', async () => {
    const res = await exportAs('staff', 'format=csv&governorate=IQ-BG&columns=name,gender,governorates,phones,notes');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    expect(csvLines(res.body)).toEqual([
      'الاسم,الجنس,المحافظات,الهواتف,ملاحظات',
      'ناشط محمي,,بغداد,,',
      // A leading tab keeps the phone as text in Excel and LibreOffice (tests/unit/spreadsheets.test.ts).
      'هدى جاسم,أنثى,بغداد,"\t+9647701112233",',
    ]);
  });

  it('shows restricted details to a coordinator', async () => {
    const res = await exportAs('coordinator', 'format=csv&governorate=IQ-BG&columns=name,phones,notes&lang=en');
    expect(csvLines(res.body)).toEqual(['Name,Phones,Notes', 'ناشط محمي,"\t+9647709998877",سري', 'هدى جاسم,"\t+9647701112233",']);
  });

  it('neutralises formulas, filters by kind and search, and exports XLSX right-to-left', async () => {
    const csv = await exportAs('viewer', 'format=csv&kind=organization&columns=name,kind,subtype&lang=en');
    expect(csvLines(csv.body)).toEqual(['Name,Kind,Organisation type', `"'=HYPERLINK(""http://x"")",Organisation,Media`]);
    const searched = await exportAs('viewer', `format=csv&q=${encodeURIComponent('هدى')}&columns=name`);
    expect(csvLines(searched.body)).toEqual(['الاسم', 'هدى جاسم']);
    const xlsx = await exportAs('viewer', 'format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    expect(sheet.getRow(1).values).toEqual([undefined, 'الاسم', 'النوع', 'المحافظات', 'الهواتف', 'البريد الإلكتروني', 'الوسوم']);
    expect(sheet.rowCount).toBe(4);
  });

  it('keeps a scoped user to their governorates', async () => {
    const scoped = await t.addUser('viewer', ['IQ-BA']);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/contacts/export?columns=name',
      headers: { authorization: `Bearer ${scoped.token}` },
    });
    expect(csvLines(res.body)).toEqual(['الاسم', `"'=HYPERLINK(""http://x"")"`]);
  });

  it('records every export in the audit log with filters and count, never values', async () => {
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type', 'user_id', 'details'])
      .where('action', '=', 'export')
      .orderBy('id')
      .execute();
    expect(rows.length).toBe(6);
    expect(rows[0]).toMatchObject({
      entity_type: 'contact',
      user_id: t.users.staff.id,
      details: { format: 'csv', filters: { governorate: 'IQ-BG' }, count: 2, restrictedMasked: true },
    });
    expect(JSON.stringify(rows)).not.toContain('7701112233');
  });

  it('refuses unknown columns and formats', async () => {
    expectProblem(await exportAs('staff', 'columns=name,password'), 400, 'VALIDATION_FAILED');
    expectProblem(await exportAs('staff', 'format=pdf'), 400, 'VALIDATION_FAILED');
    expectProblem(await t.request(null, { method: 'GET', url: '/api/contacts/export' }), 401, 'UNAUTHORIZED');
  });
});
