import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/src/domain/roles.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, type Json } from '../helpers/api-requests.js';
import { MESSY_ROWS, multipart, toCsv, utf8, windows1256, xlsxWithFormula } from '../fixtures/imports/import-files.js';

let t: TestApp;
let existing: Json;
beforeAll(async () => {
  t = await createTestApp();
  // Ali Hassan's phone is already in the directory: his row updates this contact.
  existing = await created(t, '/api/contacts', {
    kind: 'activist',
    name: 'علي حسن',
    nameLatin: 'Ali Hassan',
    governorates: ['IQ-AN'],
    phones: ['07801112222'],
  });
});
afterAll(() => t.close());

async function upload(fileName: string, bytes: Buffer, as: Role = 'staff') {
  return t.request(as, { method: 'POST', url: '/api/imports', ...multipart(fileName, bytes) });
}
async function uploaded(fileName: string, bytes: Buffer, as: Role = 'staff'): Promise<Json> {
  const res = await upload(fileName, bytes, as);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function preview(id: string, mapping: string[], defaults?: Json, as: Role = 'staff'): Promise<Json> {
  const res = await t.request(as, {
    method: 'POST',
    url: `/api/imports/${id}/preview`,
    payload: { mapping, ...(defaults ? { defaults } : {}) },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function rowsOf(id: string, query = '', as: Role = 'staff'): Promise<Json> {
  const res = await t.request(as, { method: 'GET', url: `/api/imports/${id}/rows?limit=200${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function commit(id: string, body: Json = {}, as: Role = 'staff'): Promise<Json> {
  const res = await t.request(as, { method: 'POST', url: `/api/imports/${id}/commit`, payload: body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
/** Rows by sheet line; a missing line reads as an empty object, so the failed expectation shows which. */
function lines(rows: Json[]) {
  const byLine = new Map<number, Json>(rows.map((r) => [r.row, r]));
  return { get: (line: number): Json => byLine.get(line) ?? {}, has: (line: number) => byLine.has(line) };
}

describe('upload', () => {
  it('reads a messy UTF-8 sheet with a BOM: headers, first rows, blank rows counted, mapping guessed', async () => {
    const up = await uploaded('جهات.csv', utf8(toCsv(MESSY_ROWS), true));
    expect(up).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', status: 'uploaded', rowCount: 9, blankRows: 2 });
    expect(up.headers[0]).toBe('الاسم');
    expect(up.guessedMapping).toEqual([
      'name',
      'phones',
      'phones',
      'governorates',
      'emails',
      'kind',
      'gender',
      'organization',
      'title',
      'tags',
      'notes',
    ]);
    expect(up.sampleRows).toHaveLength(7);
    expect(up.sampleRows[0][0]).toBe('إيناس عبدالمحسن');
  });

  it('decodes a Windows-1256 file with semicolons', async () => {
    const text = toCsv(
      [
        ['الاسم', 'المحافظة', 'الهاتف'],
        ['مريم جاسم', 'النجف', '07721234567'],
        ['عمر فاروق', 'كربلاء', '07731234567'],
      ],
      ';',
    );
    const up = await uploaded('legacy.csv', windows1256(text));
    expect(up).toMatchObject({ encoding: 'windows-1256', delimiter: ';', headers: ['الاسم', 'المحافظة', 'الهاتف'], rowCount: 2 });
    expect(up.sampleRows[0]).toEqual(['مريم جاسم', 'النجف', '07721234567']);
    expect(up.guessedMapping).toEqual(['name', 'governorates', 'phones']);
  });

  it('reads tab-separated text without a BOM, and quoted cells holding the delimiter', async () => {
    const up = await uploaded('x.txt', utf8('Name\tGovernorate\tNotes\n"Sara, Ahmed"\tBasra\t"a\tb"\n'));
    expect(up).toMatchObject({ delimiter: '\t', headers: ['Name', 'Governorate', 'Notes'] });
    expect(up.sampleRows).toEqual([['Sara, Ahmed', 'Basra', 'a\tb']]);
  });

  it('reads an XLSX workbook as values: formulas give their cached result, never run', async () => {
    const up = await uploaded('contacts.xlsx', await xlsxWithFormula());
    expect(up).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null, rowCount: 4, blankRows: 1 });
    expect(up.guessedMapping).toEqual(['name', 'phones', 'governorates', 'tags']);
    expect(up.sampleRows).toEqual([
      ['نور الهدى كريم', '7701239876', 'بغداد', 'إعلام'],
      ['سارة محمود', '07715556666', 'Najaf', ''],
      ['مصطفى جواد', '', 'IQ-NA', 'مجتمع مدني'],
    ]);
    const p = await preview(up.id, up.guessedMapping);
    expect(p.counts).toMatchObject({ create: 3, invalid: 0, blank: 1 });
  });

  it('refuses empty, oversized, overlong, unknown and macro files with clear codes', async () => {
    expectProblem(await upload('empty.csv', Buffer.alloc(0)), 400, 'IMPORT_EMPTY');
    expectProblem(await upload('header-only.csv', utf8('Name,Phone\r\n,\r\n')), 400, 'IMPORT_EMPTY');
    expectProblem(await upload('big.csv', Buffer.alloc(10 * 1024 * 1024 + 10, 0x61)), 413, 'IMPORT_TOO_LARGE');
    const many = ['Name', ...Array.from({ length: 20_001 }, (_, i) => `n${i}`)].join('\n');
    expectProblem(await upload('many.csv', utf8(many)), 400, 'IMPORT_TOO_MANY_ROWS');
    expectProblem(await upload('macro.xlsm', await xlsxWithFormula()), 415, 'IMPORT_UNSUPPORTED_FORMAT');
    expectProblem(
      await upload('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
      415,
      'IMPORT_UNSUPPORTED_FORMAT',
    );
    expectProblem(await upload('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1])), 415, 'IMPORT_UNSUPPORTED_FORMAT');
  });

  it('needs exactly one file in a multipart form, and a writer', async () => {
    const two = multipart('a.csv', utf8('Name\nx\n'), 'file', [{ fileName: 'b.csv', bytes: utf8('Name\ny\n') }]);
    expectProblem(await t.request('staff', { method: 'POST', url: '/api/imports', ...two }), 400, 'VALIDATION_FAILED');
    expectProblem(await t.request('staff', { method: 'POST', url: '/api/imports', payload: { file: 'x' } }), 400, 'VALIDATION_FAILED');
    expectProblem(await upload('a.csv', utf8('Name\nx\n'), 'viewer'), 403, 'FORBIDDEN');
    expectProblem(
      await t.request(null, { method: 'POST', url: '/api/imports', ...multipart('a.csv', utf8('Name\nx\n')) }),
      401,
      'UNAUTHORIZED',
    );
  });
});

describe('preview, commit, report, undo', () => {
  let id: string;
  let mapping: string[];

  it('classifies every row: create, update, duplicate (in the file), invalid with reasons per field', async () => {
    const up = await uploaded('messy.csv', utf8(toCsv(MESSY_ROWS), true));
    id = up.id;
    mapping = up.guessedMapping;
    const p = await preview(id, mapping);
    expect(p).toMatchObject({
      status: 'previewed',
      counts: { create: 3, update: 1, duplicate: 1, invalid: 2, blank: 2 },
      progress: { processed: 0, total: 7 },
    });
    const rows = lines((await rowsOf(id)).items);
    expect(rows.get(2)).toMatchObject({
      outcome: 'create',
      name: 'إيناس عبدالمحسن',
      warnings: ['organization "منظمة الأمل" will be created'],
    });
    expect(rows.get(3)).toMatchObject({ outcome: 'update', matchedContactId: existing.id, matchedContactName: 'علي حسن' });
    expect(rows.get(3).matchReason.map((r: Json) => r.code)).toContain('same_phone');
    expect(rows.get(5)).toMatchObject({ outcome: 'create', name: 'فريق شباب الرمادي' });
    expect(rows.get(6)).toMatchObject({ outcome: 'create' });
    // The same person again: the Arabic-Indic and +964 spellings of one phone meet, as do the name's spellings.
    expect(rows.get(7)).toMatchObject({ outcome: 'duplicate', duplicateOfRow: 2 });
    expect(rows.get(8).outcome).toBe('invalid');
    expect(rows.get(8).errors.map((e: Json) => [e.field, e.code])).toEqual([
      ['governorates', 'unknown_governorate'],
      ['phones', 'bad_phone'],
      ['emails', 'bad_email'],
    ]);
    expect(rows.get(10).errors.map((e: Json) => [e.field, e.code])).toEqual([['name', 'required']]);
    expect(rows.has(4)).toBe(false);
    const invalidOnly = await rowsOf(id, '&outcome=invalid');
    expect(invalidOnly.items.map((r: Json) => r.row)).toEqual([8, 10]);
    expect(invalidOnly.total).toBe(2);
  });

  it('validates the mapping', async () => {
    const res = await t.request('staff', { method: 'POST', url: `/api/imports/${id}/preview`, payload: { mapping: mapping.slice(1) } });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    const noName = mapping.map((f) => (f === 'name' ? 'ignore' : f));
    const res2 = await t.request('staff', { method: 'POST', url: `/api/imports/${id}/preview`, payload: { mapping: noName } });
    expectProblem(res2, 400, 'VALIDATION_FAILED');
    expect(res2.json().errors.map((e: Json) => e.code)).toEqual(['name_required']);
    const twice = mapping.map((f) => (f === 'notes' ? 'name' : f));
    expect(
      (await t.request('staff', { method: 'POST', url: `/api/imports/${id}/preview`, payload: { mapping: twice } })).json().errors[0].code,
    ).toBe('repeated');
  });

  it('refuses a commit before a preview', async () => {
    const up = await uploaded('x.csv', utf8('Name,Governorate\nأحمد,بغداد\n'));
    expectProblem(
      await t.request('staff', { method: 'POST', url: `/api/imports/${up.id}/commit`, payload: {} }),
      409,
      'IMPORT_NOT_PREVIEWED',
    );
  });

  it('commits with per-row decisions, reports each row, and audits the import', async () => {
    const done = await commit(id, {
      decisions: [
        { row: 7, action: 'merge' },
        { row: 6, action: 'skip' },
      ],
    });
    expect(done).toMatchObject({
      status: 'committed',
      progress: { processed: 7, total: 7 },
      result: { created: 2, updated: 2, skipped: 3, failed: 0 },
    });
    const rows = lines((await rowsOf(id)).items);
    expect(rows.get(2)).toMatchObject({ decision: 'create', action: 'created' });
    expect(rows.get(3)).toMatchObject({ decision: 'merge', action: 'updated', contactId: existing.id });
    expect(rows.get(6)).toMatchObject({ decision: 'skip', action: 'skipped' });
    expect(rows.get(7)).toMatchObject({ decision: 'merge', action: 'updated', contactId: rows.get(2).contactId });
    expect(rows.get(8)).toMatchObject({ action: 'skipped', messages: ['invalid row'] });

    const inas = (await t.request('coordinator', { method: 'GET', url: `/api/contacts/${rows.get(2).contactId}` })).json();
    expect(inas).toMatchObject({
      name: 'إيناس عبدالمحسن',
      governorates: ['IQ-AN'],
      phones: ['+9647701234567'],
      emails: ['inas@example.org'],
      gender: 'female',
      tags: ['شباب', 'نساء'],
    });
    expect(inas.notes).toBe('duplicate of line 2');
    const ali = (await t.request('coordinator', { method: 'GET', url: `/api/contacts/${existing.id}` })).json();
    expect(ali).toMatchObject({ name: 'علي حسن', gender: 'male', notes: 'met in 2024', version: 2 });
    // Searchable like any contact, under both spellings of the name.
    const found = (await t.request('staff', { method: 'GET', url: `/api/search?q=${encodeURIComponent('ايناس عبد المحسن')}` })).json();
    expect(found.results[0].id).toBe(inas.id);
    // The organisation column made an organisation and a current position.
    const positions = (await t.request('staff', { method: 'GET', url: `/api/positions?contact=${inas.id}` })).json().items;
    expect(positions).toHaveLength(1);
    expect(positions[0]).toMatchObject({ title: 'منسقة' });
    const team = (await t.request('staff', { method: 'GET', url: `/api/contacts/${rows.get(5).contactId}` })).json();
    expect(team).toMatchObject({ kind: 'volunteer_team', governorates: ['IQ-AN'], tags: ['شباب'] });

    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).execute();
    expect(audit).toMatchObject([{ action: 'import', entity_type: 'import', user_id: t.users.staff.id }]);
    expect(audit[0].details).toMatchObject({ created: 2, updated: 2, skipped: 3, failed: 0 });
    const contactAudit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_type', '=', 'contact')
      .where(({ eb }) => eb(eb.ref('details'), '@>', JSON.stringify({ importId: id }) as never))
      .execute();
    expect(contactAudit.map((a) => a.action).sort()).toEqual(['create', 'create', 'create', 'update', 'update']);

    expectProblem(await t.request('staff', { method: 'POST', url: `/api/imports/${id}/commit`, payload: {} }), 409, 'IMPORT_NOT_EDITABLE');
    expectProblem(
      await t.request('staff', { method: 'POST', url: `/api/imports/${id}/preview`, payload: { mapping } }),
      409,
      'IMPORT_NOT_EDITABLE',
    );
  });

  it('downloads the report as CSV (BOM, Arabic) and XLSX', async () => {
    const res = await t.request('staff', { method: 'GET', url: `/api/imports/${id}/report?format=csv` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const lines = res.body.slice(1).split('\r\n');
    expect(lines[0]).toBe('الصف,النتيجة المتوقعة,الإجراء,معرّف جهة الاتصال,الاسم,الملاحظات');
    expect(lines.find((l) => l.startsWith('8,'))).toContain('governorates: ""Mars"" is not a governorate');
    const en = await t.request('staff', { method: 'GET', url: `/api/imports/${id}/report?format=xlsx&lang=en` });
    expect(en.statusCode).toBe(200);
    expect(en.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('is visible to its author and to coordinators, not to other staff', async () => {
    const other = await t.addUser('staff');
    const res = await t.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { authorization: `Bearer ${other.token}` } });
    expectProblem(res, 404, 'NOT_FOUND');
    expect((await t.request('coordinator', { method: 'GET', url: `/api/imports/${id}` })).statusCode).toBe(200);
    const mine = (await t.request('staff', { method: 'GET', url: '/api/imports' })).json();
    expect(mine.items.map((i: Json) => i.id)).toContain(id);
  });

  it('refuses to undo once a contact it touched changed, naming it', async () => {
    const rows = lines((await rowsOf(id)).items);
    const inasId = rows.get(2).contactId;
    const current = (await t.request('staff', { method: 'GET', url: `/api/contacts/${inasId}` })).json();
    const patched = await t.request('staff', {
      method: 'PATCH',
      url: `/api/contacts/${inasId}`,
      payload: { version: current.version, tags: ['edited'] },
    });
    expect(patched.statusCode).toBe(200);
    const res = await t.request('staff', { method: 'DELETE', url: `/api/imports/${id}` });
    expectProblem(res, 409, 'IMPORT_CHANGED_SINCE');
    expect(res.json().errors).toEqual([{ field: `contacts.${inasId}`, code: 'changed_since', message: 'changed after the import' }]);
    expect((await t.request('staff', { method: 'GET', url: `/api/contacts/${inasId}` })).statusCode).toBe(200);
  });

  it('undoes an import as a whole: created contacts deleted, updated ones restored, audited', async () => {
    const up = await uploaded(
      'undo.csv',
      utf8(
        toCsv([
          ['Name', 'Phone', 'Governorate', 'Organization', 'Tags'],
          ['Ali Hassan', '07801112222', 'Anbar', '', 'undo-tag'],
          ['كرار عباس', '07811112222', 'ميسان', 'شبكة ميسان', ''],
          ['رسل ناجي', '', 'ميسان', 'شبكة ميسان', ''],
        ]),
      ),
    );
    await preview(up.id, up.guessedMapping);
    const before = (await t.request('coordinator', { method: 'GET', url: `/api/contacts/${existing.id}` })).json();
    const done = await commit(up.id);
    expect(done.result).toMatchObject({ created: 2, updated: 1 });
    const rows = lines((await rowsOf(up.id)).items);
    const afterImport = (await t.request('coordinator', { method: 'GET', url: `/api/contacts/${existing.id}` })).json();
    expect(afterImport.tags).toEqual(['undo-tag']);
    expect(afterImport.version).toBe(before.version + 1);
    const undone = await t.request('staff', { method: 'DELETE', url: `/api/imports/${up.id}` });
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ status: 'undone', result: { created: 2, updated: 1, undone: { deleted: 3, restored: 1 } } });
    for (const r of [rows.get(3), rows.get(4)])
      expectProblem(await t.request('staff', { method: 'GET', url: `/api/contacts/${r.contactId}` }), 404, 'NOT_FOUND');
    const restored = (await t.request('coordinator', { method: 'GET', url: `/api/contacts/${existing.id}` })).json();
    expect({ ...restored, version: 0, updatedAt: '' }).toEqual({ ...before, version: 0, updatedAt: '' });
    const orgs = await t.database.db.selectFrom('contact').select('id').where('name', '=', 'شبكة ميسان').execute();
    expect(orgs).toEqual([]);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', up.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['import', 'undo']);
    expectProblem(await t.request('staff', { method: 'DELETE', url: `/api/imports/${up.id}` }), 409, 'IMPORT_NOT_EDITABLE');
  });

  it('discards an import that never ran', async () => {
    const up = await uploaded('x.csv', utf8('Name,Governorate\nأحمد,بغداد\n'));
    expect((await t.request('staff', { method: 'DELETE', url: `/api/imports/${up.id}` })).statusCode).toBe(204);
    expectProblem(await t.request('staff', { method: 'GET', url: `/api/imports/${up.id}` }), 404, 'NOT_FOUND');
  });
});

describe('matching against the directory', () => {
  it('matches a governorate written three ways and defaults what the sheet lacks', async () => {
    const text = toCsv([
      ['Name', 'Province', 'Type'],
      ['سلمان داود', 'الأنبار', ''],
      ['Salman Dawood', 'Anbar', ''],
      ['مؤسسة الرافدين', 'IQ-AN', 'منظمة'],
    ]);
    const up = await uploaded('g.csv', utf8(text));
    await preview(up.id, up.guessedMapping, { kind: 'government_focal_point', subtype: 'local_ngo' });
    const rows = (await rowsOf(up.id)).items;
    expect(rows.map((r: Json) => r.outcome)).toEqual(['create', 'create', 'create']);
    await commit(up.id);
    const made = await t.database.db
      .selectFrom('contact')
      .innerJoin('contact_governorate', 'contact_id', 'id')
      .select(['name', 'kind', 'subtype', 'governorate_code'])
      .where('name', 'in', ['سلمان داود', 'Salman Dawood', 'مؤسسة الرافدين'])
      .orderBy('name')
      .execute();
    expect(made).toEqual([
      { name: 'Salman Dawood', kind: 'government_focal_point', subtype: null, governorate_code: 'IQ-AN' },
      { name: 'سلمان داود', kind: 'government_focal_point', subtype: null, governorate_code: 'IQ-AN' },
      { name: 'مؤسسة الرافدين', kind: 'organization', subtype: 'local_ngo', governorate_code: 'IQ-AN' },
    ]);
  });

  it('flags a name-key match in another governorate as a possible duplicate, and merges into the chosen candidate', async () => {
    const hadi = await created(t, '/api/contacts', { kind: 'activist', name: 'عبدالله هادي', governorates: ['IQ-BG'], tags: ['old'] });
    const up = await uploaded(
      'd.csv',
      utf8(
        toCsv([
          ['Name', 'Governorate', 'Tags'],
          ['عبد الله هادي', 'البصرة', 'new'],
        ]),
      ),
    );
    await preview(up.id, up.guessedMapping);
    const [row] = (await rowsOf(up.id)).items;
    expect(row).toMatchObject({ outcome: 'duplicate', duplicateOfRow: null });
    expect(row.candidates[0]).toMatchObject({ contactId: hadi.id, score: 0.7, reasons: [{ code: 'same_name_key' }] });
    const bad = await t.request('staff', {
      method: 'POST',
      url: `/api/imports/${up.id}/commit`,
      payload: { decisions: [{ row: 2, action: 'merge', contactId: existing.id }] },
    });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(bad.json().errors[0].field).toBe('decisions.0.contactId');
    await commit(up.id, { defaultDecision: { duplicate: 'merge' } });
    const merged = (await t.request('staff', { method: 'GET', url: `/api/contacts/${hadi.id}` })).json();
    expect(merged).toMatchObject({ governorates: ['IQ-BA', 'IQ-BG'], tags: ['old', 'new'] });
  });

  it('asks about a same-name contact in the same governorate instead of updating it: it may be a namesake', async () => {
    const kadhim = await created(t, '/api/contacts', { kind: 'activist', name: 'كاظم جواد الربيعي', governorates: ['IQ-NA'] });
    const up = await uploaded(
      'namesake.csv',
      utf8(
        toCsv([
          ['Name', 'Governorate'],
          ['كاظم جواد الربيعى', 'النجف'],
        ]),
      ),
    );
    await preview(up.id, up.guessedMapping);
    const [row] = (await rowsOf(up.id)).items;
    expect(row).toMatchObject({ outcome: 'duplicate', matchedContactId: null });
    expect(row.candidates.map((c: Json) => c.contactId)).toEqual([kadhim.id]);
  });

  it('merges two rows into one existing contact in one write', async () => {
    const sami = await created(t, '/api/contacts', {
      kind: 'activist',
      name: 'سامي جبار',
      governorates: ['IQ-WA'],
      phones: ['07712223344'],
    });
    const up = await uploaded(
      'twice.csv',
      utf8(
        toCsv([
          ['Name', 'Phone', 'Governorate', 'Tags'],
          ['سامي جبار', '07712223344', 'واسط', 'a'],
          ['سامي جبار', '07712223344', 'الكوت', 'b'],
        ]),
      ),
    );
    await preview(up.id, up.guessedMapping);
    const rows = (await rowsOf(up.id)).items;
    expect(rows.map((r: Json) => [r.outcome, r.matchedContactId, r.duplicateOfRow])).toEqual([
      ['update', sami.id, null],
      ['duplicate', sami.id, 2],
    ]);
    const done = await commit(up.id, { defaultDecision: { duplicate: 'merge' } });
    expect(done.result).toMatchObject({ updated: 2, failed: 0 });
    expect((await t.request('staff', { method: 'GET', url: `/api/contacts/${sami.id}` })).json()).toMatchObject({
      tags: ['a', 'b'],
      version: 2,
    });
    const undone = await t.request('staff', { method: 'DELETE', url: `/api/imports/${up.id}` });
    expect(undone.json()).toMatchObject({ status: 'undone', result: { undone: { deleted: 0, restored: 1 } } });
    expect((await t.request('staff', { method: 'GET', url: `/api/contacts/${sami.id}` })).json()).toMatchObject({ tags: [], version: 3 });
  });

  it('does not merge a staff import into a restricted contact', async () => {
    const secret = await created(
      t,
      '/api/contacts',
      { kind: 'activist', name: 'ناشط محمي', governorates: ['IQ-DQ'], phones: ['07909998888'], sensitivity: 'restricted' },
      'coordinator',
    );
    const up = await uploaded(
      'r.csv',
      utf8(
        toCsv([
          ['Name', 'Phone', 'Governorate', 'Email'],
          ['ناشط محمي', '07909998888', 'ذي قار', 'x@example.org'],
        ]),
      ),
    );
    await preview(up.id, up.guessedMapping);
    // Staff may not learn the phone is the restricted contact's: the row offers the contact by name only, and waits.
    expect((await rowsOf(up.id)).items[0]).toMatchObject({
      outcome: 'duplicate',
      matchedContactId: null,
      candidates: [{ contactId: secret.id, reasons: [{ code: 'same_name_key' }] }],
      hiddenMatches: { count: 1, reason: 'restricted_contact_details' },
    });
    const done = await commit(up.id, { defaultDecision: { duplicate: 'merge' } });
    expect(done.result).toMatchObject({ updated: 0, failed: 1 });
    expect((await rowsOf(up.id)).items[0].messages[0]).toContain('restricted');
  });

  it('keeps a governorate-scoped user to their governorates', async () => {
    const scoped = await t.addUser('staff', ['IQ-BA']);
    const form = multipart(
      's.csv',
      utf8(
        toCsv([
          ['Name', 'Governorate'],
          ['منى', 'البصرة'],
          ['هدى', 'بغداد'],
        ]),
      ),
    );
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...form.headers, authorization: `Bearer ${scoped.token}` },
      payload: form.payload,
    });
    const id = up.json().id;
    const p = await t.app.inject({
      method: 'POST',
      url: `/api/imports/${id}/preview`,
      headers: { authorization: `Bearer ${scoped.token}` },
      payload: { mapping: ['name', 'governorates'] },
    });
    expect(p.json().counts).toMatchObject({ create: 1, invalid: 1 });
  });
});
