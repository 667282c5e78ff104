import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, type Json } from '../helpers/api-requests.js';

/**
 * The person data export (issue 12, item 5): for a person's request to see their data, one workbook with everything
 * held about one contact, for roles that may see the contact's details, audited.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function workbookOf(res: { rawPayload: Buffer }) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as never);
  const rowsOf = (prefix: string) => {
    const sheet = workbook.worksheets.find((w) => w.name.startsWith(prefix))!;
    expect(sheet, prefix).toBeDefined();
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    return (sheet.getRows(2, Math.max(sheet.rowCount - 1, 0)) ?? []).map((row) =>
      Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])),
    ) as Record<string, unknown>[];
  };
  return { workbook, rowsOf };
}

describe('person data export', () => {
  it('holds the contact, positions, relationships, interactions, invitations with history, consent and audit', async () => {
    const person = await created(
      t,
      '/api/contacts',
      { kind: 'activist', name: 'حسن كريم', governorates: ['IQ-BG'], phones: ['07701234567'], notes: 'يفضل الاتصال مساءً' },
      'admin',
    );
    const org = await created(
      t,
      '/api/contacts',
      { kind: 'organization', subtype: 'local_ngo', name: 'منظمة النور', governorates: ['IQ-BG'] },
      'admin',
    );
    const hidden = await created(t, '/api/contacts', { kind: 'activist', name: 'اسم في البصرة', governorates: ['IQ-BA'] }, 'admin');
    await created(t, '/api/positions', { personId: person.id, organizationId: org.id, title: 'عضو مجلس' }, 'admin');
    await created(t, '/api/relationships', { type: 'works_with', fromContactId: person.id, toContactId: hidden.id }, 'admin');
    await created(
      t,
      '/api/interactions',
      { kind: 'call', occurredOn: '2026-11-02', summary: 'مكالمة متابعة', contactIds: [person.id, hidden.id] },
      'admin',
    );
    const event = await created(
      t,
      '/api/events',
      { title: 'ورشة الحوار', type: 'workshop', startsAt: '2027-03-10T06:00:00.000Z', endsAt: '2027-03-10T12:00:00.000Z' },
      'admin',
    );
    const added = await created(t, `/api/events/${event.id}/invitations`, { contactIds: [person.id] }, 'admin');
    const invitationId = (added.added as Json[])[0].id as string;
    await t.request('admin', {
      method: 'PATCH',
      url: `/api/events/${event.id}/invitations/${invitationId}`,
      payload: { status: 'invited', version: 1 },
    });
    await created(
      t,
      `/api/contacts/${person.id}/consents`,
      { kind: 'given', basis: 'spoken', scopes: ['phone', 'email'], recordedOn: '2026-10-01' },
      'staff',
    );
    await t.request('viewer', { method: 'GET', url: `/api/contacts/${person.id}` });

    const { token } = await t.addUser('coordinator', ['IQ-BG']);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/contacts/${person.id}/export`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['cache-control']).toBe('no-store');
    const { rowsOf } = await workbookOf(res);

    const fields = Object.fromEntries(rowsOf('جهة الاتصال').map((r) => [r['الحقل · field'], r['القيمة · value']]));
    expect(fields).toMatchObject({
      id: person.id,
      'الاسم · name': 'حسن كريم',
      'الهواتف · phones': '+9647701234567',
      'ملاحظات · notes': 'يفضل الاتصال مساءً',
      consent_phone: 'yes',
      consent_whatsapp: 'unknown',
    });
    expect(rowsOf('المناصب')).toMatchObject([{ organization: 'منظمة النور', title: 'عضو مجلس' }]);
    // The coordinator covers Baghdad only: the Basrah contact's name is withheld, its id kept.
    expect(rowsOf('العلاقات')).toMatchObject([{ type: 'works_with', to_contact_id: hidden.id, to: 'مخفي · hidden' }]);
    expect(rowsOf('التفاعلات')).toMatchObject([
      { kind: 'call', occurred_on: '2026-11-02', summary: 'مكالمة متابعة', other_participants: 'مخفي · hidden' },
    ]);
    expect(rowsOf('الدعوات ')).toMatchObject([{ id: invitationId, event: 'ورشة الحوار', as: 'invitee', status: 'invited' }]);
    expect(rowsOf('سجل الدعوات').map((h) => h.to_status)).toContain('invited');
    expect(rowsOf('الموافقة')).toMatchObject([
      { kind: 'given', basis: 'spoken', scopes: 'phone; email', recorded_on: '2026-10-01', recorded_by: t.users.staff.name },
    ]);
    const audit = rowsOf('سجل الوصول');
    expect(audit.some((a) => a.action === 'create' && a.entity_type === 'contact')).toBe(true);
    expect(audit.some((a) => a.entity_type === 'consent_record')).toBe(true);

    const exports = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', person.id)
      .where('action', '=', 'export')
      .execute();
    expect(exports).toHaveLength(1);
    expect(exports[0].details).toMatchObject({ kind: 'person', counts: { consent: 1, invitations: 1 } });
  });

  it("is for roles that may see the contact's details: a restricted contact for coordinators and admins only", async () => {
    const restricted = await created(
      t,
      '/api/contacts',
      { kind: 'activist', name: 'ناشطة محمية', governorates: ['IQ-BG'], sensitivity: 'restricted' },
      'admin',
    );
    for (const role of ['staff', 'viewer'] as const) {
      expectProblem(await t.request(role, { method: 'GET', url: `/api/contacts/${restricted.id}/export` }), 403, 'FORBIDDEN');
    }
    for (const role of ['coordinator', 'admin'] as const) {
      expect((await t.request(role, { method: 'GET', url: `/api/contacts/${restricted.id}/export` })).statusCode).toBe(200);
    }
    const normal = await created(t, '/api/contacts', { kind: 'activist', name: 'ناشط', governorates: ['IQ-BG'] }, 'admin');
    expect((await t.request('staff', { method: 'GET', url: `/api/contacts/${normal.id}/export` })).statusCode).toBe(200);
    const { token } = await t.addUser('coordinator', ['IQ-NI']);
    const outside = await t.app.inject({
      method: 'GET',
      url: `/api/contacts/${normal.id}/export`,
      headers: { authorization: `Bearer ${token}` },
    });
    expectProblem(outside, 404, 'NOT_FOUND');
    expectProblem(await t.request('admin', { method: 'GET', url: `/api/contacts/${crypto.randomUUID()}/export` }), 404, 'NOT_FOUND');
  });
});
