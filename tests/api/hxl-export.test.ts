import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCoreTag, parseHxlTag } from '../../server/src/domain/hxl/hxl-tags.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, type Json } from '../helpers/api-requests.js';

/**
 * HXL exports (issue 16, item 4): the organisations and the government partnerships with an HXL hashtag row under the
 * header, read back as a partner's tool would and checked against the HXL 1.1 core hashtags and attributes.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await created(t, '/api/contacts', {
    kind: 'organization',
    subtype: 'local_ngo',
    name: 'منظمة الأمل للتنمية',
    nameLatin: 'Al-Amal Development',
    governorates: ['IQ-BG', 'HALABJA'],
    phones: ['+9647701234567'],
  });
  await created(t, '/api/contacts', {
    kind: 'organization',
    subtype: 'local_ngo',
    name: 'رابطة محمية',
    governorates: ['IQ-BG'],
    phones: ['+9647709998877'],
    sensitivity: 'restricted',
  });
  await created(t, '/api/contacts', { kind: 'volunteer_team', name: 'فريق شباب البصرة', governorates: ['IQ-BA'] });
  await created(t, '/api/contacts', { kind: 'activist', name: 'ناشطة لا تُصدَّر', governorates: ['IQ-BG'], phones: ['+9647801111111'] });
  const body = (await created(t, '/api/contacts', {
    kind: 'organization',
    subtype: 'government_body',
    name: 'مديرية شباب بغداد',
    governorates: ['IQ-BG'],
  })) as Json;
  const person = (await created(t, '/api/contacts', { kind: 'government_focal_point', name: 'علي حسن', governorates: ['IQ-BG'] })) as Json;
  await created(t, '/api/positions', { personId: person.id, organizationId: body.id, title: 'مدير', isFocalPoint: true });
});
afterAll(() => t.close());

const download = (query: string, as: 'staff' | 'coordinator' | 'viewer' = 'staff') =>
  t.request(as, { method: 'GET', url: `/api/exports/hxl?${query}` });

function readCsv(body: string): string[][] {
  return parse(body.replace(/^\uFEFF/, ''), { relax_column_count: false }) as string[][];
}

function expectCoreTags(tags: string[]) {
  for (const tag of tags) {
    const parsed = parseHxlTag(tag);
    expect(parsed, tag).not.toBeNull();
    expect(isCoreTag(parsed!), tag).toBe(true);
  }
}

describe('HXL exports', () => {
  it('writes the organisations with a hashtag row, one row per governorate, OCHA p-codes and Halabja with its own key', async () => {
    const res = await download('dataset=organisations&lang=en');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const [header, tags, ...rows] = readCsv(res.body);
    expect(header[0]).toBe('Organisation');
    expect(tags).toEqual([
      '#org+name',
      '#org+name+i_en',
      '#org+type',
      '#country+code',
      '#adm1+name+i_en',
      '#adm1+code',
      '#contact+phone',
      '#contact+email',
      '#description',
    ]);
    expectCoreTags(tags);
    const amal = rows.filter((r) => r[0] === 'منظمة الأمل للتنمية');
    const baghdad = amal.find((r) => r[5] === 'IQG08')!;
    const halabja = amal.find((r) => r[5] === 'HALABJA')!;
    expect(amal).toHaveLength(2);
    expect([baghdad[4], halabja[4]]).toEqual(['Baghdad', 'Halabja']);
    expect(baghdad[8]).toBe('');
    expect(halabja[8]).toContain('no OCHA p-code');
    expect(baghdad[2]).toBe('Local NGO');
    expect(baghdad[6]).toBe('\t+9647701234567');
    expect(rows.find((r) => r[0] === 'فريق شباب البصرة')).toMatchObject({ 2: 'Volunteer team', 5: 'IQG02' });
    // People are never part of this dataset; a restricted organisation keeps its phones from staff.
    expect(rows.some((r) => r.join(' ').includes('ناشطة'))).toBe(false);
    expect(rows.find((r) => r[0] === 'رابطة محمية')![6]).toBe('');
    const asCoordinator = readCsv((await download('dataset=organisations&lang=en', 'coordinator')).body);
    expect(asCoordinator.find((r) => r[0] === 'رابطة محمية')![6]).toBe('\t+9647709998877');
  });

  it('writes the government partnerships as XLSX with the focal point, status and the hashtag row in Arabic mode', async () => {
    const res = await download('dataset=partnerships&format=xlsx');
    expect(res.statusCode, res.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)[0]).toBe('الجهة الحكومية');
    const tags = values(2) as string[];
    expect(tags).toEqual([
      '#org+name',
      '#org+type',
      '#country+code',
      '#adm1+name+i_ar',
      '#adm1+code',
      '#contact+name',
      '#date',
      '#status',
      '#description',
    ]);
    expectCoreTags(tags);
    const row = values(3);
    expect(row.slice(0, 6)).toEqual(['مديرية شباب بغداد', 'جهة حكومية', 'IRQ', 'بغداد', 'IQG08', 'علي حسن']);
    expect(row[7]).toBe('dormant');
  });

  it('keeps a scoped user to their governorates, audits every export and refuses an unknown dataset', async () => {
    const basra = await t.addUser('viewer', ['IQ-BA']);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/exports/hxl?dataset=organisations',
      headers: { authorization: `Bearer ${basra.token}` },
    });
    const rows = readCsv(res.body).slice(2);
    expect(rows.map((r) => r[0])).toEqual(['فريق شباب البصرة']);
    const audits = await t.database.db.selectFrom('audit_log').select(['entity_type', 'details']).where('action', '=', 'export').execute();
    expect(audits.filter((a) => (a.details as Json | null)?.hxl === true).length).toBeGreaterThanOrEqual(4);
    expectProblem(await download('dataset=activities'), 400, 'VALIDATION_FAILED');
    expect((await t.request(null, { method: 'GET', url: '/api/exports/hxl?dataset=organisations' })).statusCode).toBe(401);
  });
});

describe('HXL tag syntax', () => {
  it('accepts tags as the tagging conventions write them and rejects what is not a tag', () => {
    expect(parseHxlTag('#adm1 +code')).toEqual({ hashtag: '#adm1', attributes: ['+code'] });
    expect(parseHxlTag('#org+name+i_ar')).toEqual({ hashtag: '#org', attributes: ['+name', '+i_ar'] });
    expect(parseHxlTag('org+name')).toBeNull();
    expect(parseHxlTag('#1org')).toBeNull();
    expect(isCoreTag(parseHxlTag('#x_risk')!)).toBe(false);
    expect(isCoreTag(parseHxlTag('#org+colour')!)).toBe(false);
  });
});
