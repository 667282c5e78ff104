import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor, created, expectProblem, fieldsOf, type Json } from '../helpers/api-requests.js';

let t: TestApp;
let e: Json;
let group: Json;
let secret: Json;
let open: Json;
let org: Json;
let rep: Json;
beforeAll(async () => {
  t = await createTestApp();
  e = await created(t, '/api/events', {
    title: 'الجلسة الختامية',
    type: 'closing_session',
    startsAt: '2026-06-10T09:00:00.000Z',
    endsAt: '2026-06-10T15:00:00.000Z',
    capacity: 3,
  });
  secret = await created(
    t,
    '/api/contacts',
    { kind: 'activist', name: 'ناشطة محمية', governorates: ['IQ-BG'], phones: ['07701234567'], sensitivity: 'restricted' },
    'coordinator',
  );
  open = await created(t, '/api/contacts', { kind: 'activist', name: 'علي الأنباري', governorates: ['IQ-AN'], phones: ['07801234567'] });
  org = await created(t, '/api/contacts', { kind: 'organization', subtype: 'local_ngo', name: 'منظمة الأمل', governorates: ['IQ-NA'] });
  rep = await created(t, '/api/contacts', { kind: 'activist', name: 'زينب ممثلة', governorates: ['IQ-NA'], gender: 'female' });
  await created(t, `/api/events/${e.id}/invitations`, {
    items: [{ contactId: secret.id }, { contactId: open.id, role: 'speaker' }, { contactId: org.id, representativeId: rep.id }],
    status: 'invited',
  });
  group = await created(t, `/api/events/${e.id}/groups`, { name: 'المستقبل' });
  const list = (await t.request('staff', { method: 'GET', url: `/api/events/${e.id}/invitations` })).json().items as Json[];
  const secretInv = list.find((i) => i.contact.id === secret.id)!;
  await t.request('staff', {
    method: 'PATCH',
    url: `/api/events/${e.id}/invitations/${secretInv.id}`,
    payload: { version: secretInv.version, groupId: group.id },
  });
});
afterAll(() => t.close());

// The event is on 10 June 2026: walk-ins confirm that the arrival is recorded on another day (event-check-in-days.test.ts).
const walkIn = (payload: Json, as: 'staff' | 'viewer' = 'staff') =>
  t.request(as, { method: 'POST', url: `/api/events/${e.id}/walk-ins?confirmOutsideEventDays=true`, payload });

describe('check-in and walk-ins', () => {
  it('checks in an invited person who never confirmed', async () => {
    const inv = (await t.request('staff', { method: 'GET', url: `/api/events/${e.id}/invitations?role=speaker` })).json().items[0];
    const res = await t.request('staff', {
      method: 'PATCH',
      url: `/api/events/${e.id}/invitations/${inv.id}?confirmOutsideEventDays=true`,
      payload: { version: inv.version, status: 'attended' },
    });
    expect(res.json()).toMatchObject({ status: 'attended' });
  });

  it('adds a new walk-in contact (searchable) and its attended invitation together, over capacity', async () => {
    const res = await walkIn({
      contact: { name: 'حسين الكربلائي', kind: 'activist', governorates: ['IQ-KA'], phones: ['07711112222'], gender: 'male' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'attended', walkIn: true, contact: { name: 'حسين الكربلائي', governorates: ['IQ-KA'] } });
    const contactId = res.json().contact.id;
    const found = (await t.request('staff', { method: 'GET', url: `/api/search?q=${encodeURIComponent('حسين الكربلاىي')}` })).json();
    expect(found.results.map((r: Json) => r.id)).toContain(contactId);
    expect((await auditFor(t, contactId)).map((a) => a.action)).toEqual(['create']);
    // Created through the contacts module's create path: its history shows each field, as for any new contact.
    const history = (await t.request('viewer', { method: 'GET', url: `/api/contacts/${contactId}/history` })).json().items as Json[];
    const fields = (history[0].fields as Json[]).map((f) => [f.field, f.new]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['name', 'حسين الكربلائي'],
        ['governorates', ['IQ-KA']],
        ['gender', 'male'],
      ]),
    );
    const again = await walkIn({ contactId });
    expectProblem(again, 409, 'INVITATION_EXISTS');
  });

  it('validates the new contact with contact.* fields and saves nothing on failure', async () => {
    const res = await walkIn({ contact: { name: 'منظمة بلا نوع', kind: 'organization', governorates: ['IQ-BG'], phones: ['123'] } });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res).sort()).toEqual(['contact.phones.0', 'contact.subtype']);
    const none = await t.database.db.selectFrom('contact').select('id').where('name', '=', 'منظمة بلا نوع').execute();
    expect(none).toEqual([]);
    expectProblem(await walkIn({}), 400, 'VALIDATION_FAILED');
    expectProblem(await walkIn({ contactId: open.id }, 'viewer'), 403, 'FORBIDDEN');
  });

  it('lets a scoped user file a walk-in only under their governorates', async () => {
    const { token } = await t.addUser('staff', ['IQ-BA']);
    const as = (payload: Json) =>
      t.app.inject({
        method: 'POST',
        url: `/api/events/${e.id}/walk-ins?confirmOutsideEventDays=true`,
        payload,
        headers: { authorization: `Bearer ${token}` },
      });
    expectProblem(await as({ contact: { name: 'زائر من الموصل', kind: 'activist', governorates: ['IQ-NI'] } }), 403, 'FORBIDDEN');
    expectProblem(await as({ contactId: open.id }), 404, 'NOT_FOUND');
    const ok = await as({ contact: { name: 'زائر من البصرة', kind: 'activist', governorates: ['IQ-BA'] } });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('checks in an existing contact who was not on the list', async () => {
    const c = await created(t, '/api/contacts', { kind: 'volunteer_team', name: 'فريق بابل', governorates: ['IQ-BB'] });
    const res = await walkIn({ contactId: c.id, role: 'participant' });
    expect(res.json()).toMatchObject({ contact: { id: c.id }, status: 'attended', walkIn: true });
  });
});

async function download(as: 'staff' | 'coordinator' | 'viewer', query: string) {
  return t.request(as, { method: 'GET', url: `/api/events/${e.id}/export${query}` });
}

describe('export', () => {
  it('writes a CSV with BOM, Arabic headers and names, restricted phones blank for staff, audited', async () => {
    const res = await download('staff', '?format=csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(res.rawPayload.toString('utf8').slice(1)) as string[][];
    expect(rows[0]).toEqual(['الاسم', 'الجهة', 'المحافظة', 'الصفة', 'الدور', 'الحالة', 'المجموعة', 'الهاتف']);
    const byName = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byName.get('ناشطة محمية')).toEqual(['ناشطة محمية', '', 'بغداد', 'ناشط/ة', 'مشارك', 'مدعو', 'المستقبل', '']);
    // Phones carry the leading tab that keeps spreadsheets from reading them as numbers (csv.ts, issue 14, item 18).
    expect(byName.get('علي الأنباري')![7]).toBe('\t+9647801234567');
    // The representative's row names the organisation they come for.
    expect(byName.get('زينب ممثلة')).toEqual(['زينب ممثلة', 'منظمة الأمل', 'النجف', 'منظمة', 'مشارك', 'مدعو', '', '']);
    const audit = (await auditFor(t, e.id)).filter((a) => a.action === 'export');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ user_id: t.users.staff.id, entity_type: 'event' });
  });

  it('shows restricted phones to coordinators, filters by group, and speaks English on request', async () => {
    const res = await download('coordinator', `?format=csv&group=${group.id}&lang=en`);
    const rows = parse(res.rawPayload.toString('utf8').slice(1)) as string[][];
    expect(rows[0]).toEqual(['Name', 'Organisation', 'Governorate', 'Kind', 'Role', 'Status', 'Group', 'Phone']);
    expect(rows.slice(1)).toEqual([['ناشطة محمية', '', 'Baghdad', 'Activist', 'Participant', 'Invited', 'المستقبل', '\t+9647701234567']]);
  });

  it('writes a right-to-left XLSX with the same content', async () => {
    const res = await download('staff', '?format=xlsx');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const sheet = book.worksheets[0];
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    expect(sheet.getRow(1).getCell(1).value).toBe('الاسم');
    const names = sheet.getColumn(1).values.slice(2);
    expect(names).toContain('ناشطة محمية');
  });

  it('is refused to viewers and for a group of another event', async () => {
    expectProblem(await download('viewer', '?format=csv'), 403, 'FORBIDDEN');
    expectProblem(await download('staff', `?format=csv&group=${e.id}`), 400, 'VALIDATION_FAILED');
  });
});

describe('contact history', () => {
  it('lists the events of a contact, as contact or representative, newest first', async () => {
    const older = await created(t, '/api/events', {
      title: 'ورشة قديمة',
      type: 'workshop',
      startsAt: '2025-01-10T09:00:00.000Z',
      endsAt: '2025-01-10T12:00:00.000Z',
    });
    await created(t, `/api/events/${older.id}/invitations`, { contactIds: [rep.id] });
    const res = await t.request('viewer', { method: 'GET', url: `/api/contacts/${rep.id}/events` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: Json) => [i.event.id, i.as, i.representing?.id ?? null, i.status])).toEqual([
      [e.id, 'representative', org.id, 'invited'],
      [older.id, 'contact', null, 'proposed'],
    ]);
    const { token } = await t.addUser('viewer', ['IQ-BA']);
    const scoped = await t.app.inject({
      method: 'GET',
      url: `/api/contacts/${rep.id}/events`,
      headers: { authorization: `Bearer ${token}` },
    });
    expectProblem(scoped, 404, 'NOT_FOUND');
  });
});
