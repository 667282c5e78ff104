import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, type Json } from '../helpers/api-requests.js';

/**
 * The full export (issue 12, item 5): one ZIP for administrators with a UTF-8 (BOM) CSV per table whose ids join,
 * everything.xlsx with the same sheets, consent scans and README.txt; audited with the row counts.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const BOM = '\uFEFF';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 7)]);

async function download() {
  const res = await t.request('admin', { method: 'GET', url: '/api/export/full.zip' });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/zip');
  expect(res.headers['cache-control']).toBe('no-store');
  const zip = await JSZip.loadAsync(res.rawPayload);
  const names = Object.keys(zip.files);
  const folder = names[0].split('/')[0];
  const text = async (name: string) => zip.file(`${folder}/${name}`)!.async('string');
  const csv = async (name: string) => {
    const raw = await text(`${name}.csv`);
    expect(raw.startsWith(BOM), `${name}.csv starts with a BOM`).toBe(true);
    return parse(raw.slice(1), { columns: true }) as Record<string, string>[];
  };
  return { zip, names, folder, text, csv };
}

describe('full export', () => {
  it('holds every table as a CSV with ids that join, phones kept as text, Arabic intact', async () => {
    const org = await created(
      t,
      '/api/contacts',
      { kind: 'organization', subtype: 'local_ngo', name: 'منظمة الأمل', governorates: ['IQ-BG', 'IQ-BA'], tags: ['شريك'] },
      'admin',
    );
    const person = await created(
      t,
      '/api/contacts',
      {
        kind: 'activist',
        name: 'زينب علي',
        governorates: ['IQ-BG'],
        phones: ['07701234567', '+9647801112222'],
        tags: ['شباب', 'شريك'],
        sensitivity: 'restricted',
        notes: 'ملاحظة سرية',
      },
      'admin',
    );
    const position = await created(t, '/api/positions', { personId: person.id, organizationId: org.id, title: 'منسقة' }, 'admin');
    const relationship = await created(
      t,
      '/api/relationships',
      { type: 'works_with', fromContactId: person.id, toContactId: org.id },
      'admin',
    );
    const interaction = await created(
      t,
      '/api/interactions',
      { kind: 'meeting', occurredOn: '2026-11-05', summary: 'اجتماع تمهيدي', contactIds: [person.id, org.id] },
      'admin',
    );
    const event = await created(
      t,
      '/api/events',
      { title: 'الجلسة الختامية', type: 'closing_session', startsAt: '2027-03-10T06:00:00.000Z', endsAt: '2027-03-10T12:00:00.000Z' },
      'admin',
    );
    const added = await created(t, `/api/events/${event.id}/invitations`, { contactIds: [person.id] }, 'admin');
    const invitationId = (added.added as Json[])[0].id as string;
    const confirm = await t.request('admin', {
      method: 'PATCH',
      url: `/api/events/${event.id}/invitations/${invitationId}`,
      payload: { status: 'invited', version: 1 },
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    const group = await created(t, `/api/events/${event.id}/groups`, { name: 'المجموعة الأولى' }, 'admin');
    const consent = await t.request('admin', {
      method: 'POST',
      url: `/api/contacts/${person.id}/consents`,
      payload: { kind: 'withdrawn', basis: 'written', scopes: ['whatsapp'], recordedOn: '2026-11-01' },
    });
    expect(consent.statusCode, consent.body).toBe(201);

    const { names, folder, text, csv, zip } = await download();
    for (const file of [
      'contacts',
      'contact_governorates',
      'contact_tags',
      'tags',
      'governorates',
      'positions',
      'relationship_types',
      'relationships',
      'interactions',
      'interaction_participants',
      'events',
      'event_groups',
      'invitations',
      'invitation_status_changes',
      'consent_records',
      'users',
    ]) {
      expect(names, file).toContain(`${folder}/${file}.csv`);
    }
    expect(names).toContain(`${folder}/everything.xlsx`);
    expect(names).toContain(`${folder}/README.txt`);

    const contacts = await csv('contacts');
    const zeinab = contacts.find((c) => c.id === person.id)!;
    expect(zeinab).toMatchObject({
      name: 'زينب علي',
      sensitivity: 'restricted',
      notes: 'ملاحظة سرية',
      governorates: 'IQ-BG',
      consent_whatsapp: 'no',
      consent_phone: 'unknown',
    });
    // Phones are text: a leading tab keeps Excel from turning them into numbers; the + and the digits are intact.
    expect(zeinab.phones).toBe('\t+9647701234567; +9647801112222');
    expect(
      (await csv('contact_governorates'))
        .filter((g) => g.contact_id === org.id)
        .map((g) => g.governorate_code)
        .sort(),
    ).toEqual(['IQ-BA', 'IQ-BG']);
    expect(
      (await csv('contact_tags'))
        .filter((g) => g.contact_id === person.id)
        .map((g) => g.tag)
        .sort(),
    ).toEqual(['شباب', 'شريك']);
    expect((await csv('tags')).find((g) => g.tag === 'شريك')!.contact_count).toBe('2');
    expect((await csv('governorates')).length).toBe(19);

    const ids = new Set(contacts.map((c) => c.id));
    const p = (await csv('positions')).find((r) => r.id === position.id)!;
    expect(ids.has(p.person_id) && ids.has(p.organization_id)).toBe(true);
    const r = (await csv('relationships')).find((x) => x.id === relationship.id)!;
    expect((await csv('relationship_types')).some((rt) => rt.id === r.type_id && rt.key === 'works_with')).toBe(true);
    expect((await csv('interactions')).find((i) => i.id === interaction.id)).toMatchObject({
      summary: 'اجتماع تمهيدي',
      occurred_on: '2026-11-05',
    });
    expect(
      (await csv('interaction_participants'))
        .filter((x) => x.interaction_id === interaction.id)
        .map((x) => x.contact_id)
        .sort(),
    ).toEqual([person.id, org.id].sort());
    expect((await csv('events')).find((e) => e.id === event.id)!.title).toBe('الجلسة الختامية');
    expect((await csv('event_groups')).find((g) => g.id === group.id)!.event_id).toBe(event.id);
    expect((await csv('invitations')).find((i) => i.id === invitationId)).toMatchObject({
      event_id: event.id,
      contact_id: person.id,
      status: 'invited',
    });
    expect((await csv('invitation_status_changes')).filter((h) => h.invitation_id === invitationId).map((h) => h.to_status)).toContain(
      'invited',
    );
    const record = (await csv('consent_records')).find((c) => c.contact_id === person.id)!;
    expect(record).toMatchObject({ kind: 'withdrawn', scopes: 'whatsapp', recorded_on: '2026-11-01', recorded_by: t.users.admin.id });
    const users = await csv('users');
    expect(users.some((u) => u.id === t.users.admin.id)).toBe(true);
    expect(Object.keys(users[0])).not.toContain('password_hash');

    const readme = await text('README.txt');
    expect(readme).toContain('contacts.csv');
    expect(readme).toContain('جهات الاتصال');
    expect(readme).toContain('The ids (id and *_id columns) join the files');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await zip.file(`${folder}/everything.xlsx`)!.async('nodebuffer')) as never);
    expect(workbook.worksheets.map((w) => w.name)).toContain('invitation_status_changes');
    const sheet = workbook.getWorksheet('contacts')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((x) => x.getCell(1).value === person.id)!;
    const phones = row.getCell(header.indexOf('phones') + 1);
    expect(phones.type).toBe(ExcelJS.ValueType.String);
    expect(phones.value).toBe('+9647701234567; +9647801112222');
  });

  it('carries the consent scans with the hash the records name', async () => {
    const person = await created(t, '/api/contacts', { kind: 'activist', name: 'سارة', governorates: ['IQ-NI'] }, 'admin');
    const boundary = 'b0undary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ngiven\r\n--${boundary}\r\nContent-Disposition: form-data; name="basis"\r\n\r\nwritten\r\n`,
      ),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="recordedOn"\r\n\r\n2026-10-10\r\n--${boundary}\r\nContent-Disposition: form-data; name="scopes"\r\n\r\nphotos\r\n`,
      ),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="s.png"\r\nContent-Type: image/png\r\n\r\n`),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.request('admin', {
      method: 'POST',
      url: `/api/contacts/${person.id}/consents`,
      payload: body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { csv, zip, folder } = await download();
    const record = (await csv('consent_records')).find((c) => c.contact_id === person.id)!;
    expect(record.file_mime).toBe('image/png');
    const scan = await zip.file(`${folder}/${record.file_name}`)!.async('nodebuffer');
    expect(scan.equals(PNG)).toBe(true);
  });

  it('is for administrators only, and each download is audited with its row counts', async () => {
    for (const role of ['coordinator', 'staff', 'viewer'] as const) {
      expectProblem(await t.request(role, { method: 'GET', url: '/api/export/full.zip' }), 403, 'FORBIDDEN');
    }
    const before = await t.database.db.selectFrom('audit_log').select('id').where('entity_type', '=', 'directory').execute();
    const { csv } = await download();
    const audits = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'directory')
      .orderBy('at', 'desc')
      .execute();
    expect(audits.length).toBe(before.length + 1);
    expect(audits[0]).toMatchObject({ action: 'export', user_id: t.users.admin.id });
    const details = audits[0].details as Json;
    expect(details.kind).toBe('full');
    expect(details.counts.contacts).toBe((await csv('contacts')).length);
    expect(details.counts.governorates).toBe(19);
  });
});
