import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainResult, noteText, readNotes } from '../../server/src/domain/imports/import-notes.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, type Json } from '../helpers/api-requests.js';
import { multipart, toCsv, utf8 } from '../fixtures/imports/import-files.js';

let t: TestApp;
let batch: Json;
let rows: Map<number, Json>;
beforeAll(async () => {
  t = await createTestApp();
  // Row 2 repeats this contact exactly: the preview says "merge", the run finds nothing new and skips it.
  await created(t, '/api/contacts', { kind: 'activist', name: 'سلمى حميد', governorates: ['IQ-NA'], phones: ['07701230001'] });
  const csv = toCsv([
    ['الاسم', 'المحافظة', 'الهاتف', 'المنظمة'],
    ['سلمى حميد', 'النجف', '07701230001', ''],
    ['بلا محافظة', 'المريخ', '07701230002', ''],
    ['', 'بغداد', '07701230003', ''],
    ['كريم ناصر', 'النجف الأشرف', '07701230004', 'منظمة جديدة للشباب'],
  ]);
  const up = await t.request('staff', { method: 'POST', url: '/api/imports', ...multipart('x.csv', utf8(csv, true)) });
  expect(up.statusCode, up.body).toBe(201);
  const id = up.json().id;
  const preview = await t.request('staff', {
    method: 'POST',
    url: `/api/imports/${id}/preview`,
    payload: { mapping: ['name', 'governorates', 'phones', 'organization'] },
  });
  expect(preview.json().counts).toMatchObject({ create: 1, update: 1, invalid: 2 });
  const commit = await t.request('staff', { method: 'POST', url: `/api/imports/${id}/commit`, payload: {} });
  expect(commit.statusCode, commit.body).toBe(200);
  batch = commit.json();
  const list = await t.request('staff', { method: 'GET', url: `/api/imports/${id}/rows?limit=200` });
  rows = new Map((list.json().items as Json[]).map((r) => [r.row, r]));
});
afterAll(() => t.close());

describe('import notes are codes the UI translates (issue 14, item 16)', () => {
  it('gives every warning and message a code, and keeps the English sentence', () => {
    expect(rows.get(2)).toMatchObject({
      action: 'skipped',
      messages: ['already up to date'],
      notes: { messages: [{ code: 'already_up_to_date', message: 'already up to date' }] },
    });
    expect(rows.get(3)).toMatchObject({ action: 'skipped', notes: { messages: [{ code: 'invalid_row' }] } });
    expect(rows.get(5)).toMatchObject({
      action: 'created',
      warnings: ['organization "منظمة جديدة للشباب" will be created'],
      notes: { warnings: [{ code: 'organization_created', params: { name: 'منظمة جديدة للشباب' } }], messages: [] },
    });
  });

  it('explains each difference between the preview and the result', () => {
    expect(batch.result).toMatchObject({ created: 1, updated: 0, skipped: 3, failed: 0 });
    const explained = explainResult(batch.result.groups);
    // The preview said "create 1 · merge 1 · skip 2"; the result is accounted for row by row.
    expect(explained.planned).toEqual({ create: 1, merge: 1, skip: 2 });
    expect(explained.invalidSkipped).toBe(2);
    expect(explained.differences).toEqual([{ planned: 'merge', action: 'skipped', code: 'already_up_to_date', count: 1 }]);
  });

  it('writes the notes of the Arabic report in Arabic', async () => {
    const res = await t.request('staff', { method: 'GET', url: `/api/imports/${batch.id}/report?format=csv&lang=ar` });
    expect(res.statusCode, res.body).toBe(200);
    const report = new Map((parse(res.body.replace(/^\uFEFF/, '')) as string[][]).slice(1).map((r) => [r[0], r]));
    expect(report.get('2')![5]).toBe('لا جديد فيه: الجهة الموجودة فيها كل قيم هذا الصف');
    expect(report.get('5')![5]).toBe('ستُنشأ المنظمة «منظمة جديدة للشباب»');
    expect(report.get('2')![5]).not.toMatch(/[A-Za-z]/);
  });
});

describe('notes stored before they had codes', () => {
  it('are read back as the notes they were', () => {
    expect(readNotes(['already up to date', 'row 4, which this row repeats, was not imported', 'something else'])).toEqual([
      { code: 'already_up_to_date', message: 'already up to date' },
      { code: 'repeated_row_not_imported', message: 'row 4, which this row repeats, was not imported', params: { row: 4 } },
      { code: 'text', message: 'something else' },
    ]);
    expect(noteText({ code: 'repeated_row_not_imported', message: '', params: { row: 4 } }, 'ar')).toBe(
      'يكرّر الصف 4 الذي لم يُستورد، فلا جهة يُدمج فيها',
    );
  });
});
