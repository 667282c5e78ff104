import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/src/domain/roles.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, type Json } from '../helpers/api-requests.js';
import { startSmtpTestServer, type SmtpTestServer } from '../helpers/smtp-test-server.js';

/**
 * Structured consent (issue 12, item 7): append-only records per person, a scan recognised by its bytes and shown
 * only to roles that may see the contact's details, and WhatsApp and email outreach skipping a withdrawn scope.
 */

let t: TestApp;
let smtp: SmtpTestServer;
beforeAll(async () => {
  smtp = await startSmtpTestServer();
  t = await createTestApp({ mail: { url: smtp.url, from: 'Organisation <events@org.example>' } });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

let counter = 0;
const person = async (extra: Json = {}) =>
  (
    await created(
      t,
      '/api/contacts',
      {
        kind: 'activist',
        name: `ناشط ${++counter}`,
        governorates: ['IQ-BG'],
        phones: ['07701234567'],
        emails: [`p${counter}@mail.example`],
        ...extra,
      },
      'admin',
    )
  ).id as string;

const give = (contactId: string, body: Json, as: Role = 'staff') =>
  t.request(as, { method: 'POST', url: `/api/contacts/${contactId}/consents`, payload: body });
const list = async (contactId: string, as: Role = 'staff') => {
  const res = await t.request(as, { method: 'GET', url: `/api/contacts/${contactId}/consents` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Json;
};

/** A multipart/form-data body as a browser's FormData sends it: text fields, then at most one file. */
function form(fields: [string, string][], file?: { name: string; type: string; bytes: Buffer }) {
  const boundary = '----consent-test-boundary';
  const parts: Buffer[] = fields.map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
    );
    parts.push(file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (contactId: string, fields: [string, string][], file?: { name: string; type: string; bytes: Buffer }, as: Role = 'staff') =>
  t.request(as, { method: 'POST', url: `/api/contacts/${contactId}/consents`, ...form(fields, file) });

const GIVEN: [string, string][] = [
  ['kind', 'given'],
  ['basis', 'written'],
  ['recordedOn', '2026-11-01'],
  ['scopes', 'phone'],
  ['scopes', 'whatsapp'],
  ['scopes', 'email'],
];

describe('consent records', () => {
  it('records consent, answers per scope from the newest record, and keeps the earlier note readable', async () => {
    const id = await person({ consentNote: 'وافق شفهياً في ورشة أربيل' });
    expect((await list(id)).current.whatsapp.answer).toBe('unknown');
    const res = await give(id, {
      kind: 'given',
      basis: 'spoken',
      scopes: ['phone', 'whatsapp', 'photos'],
      recordedOn: '2026-10-01',
      note: 'في الورشة',
    });
    expect(res.statusCode, res.body).toBe(201);
    const withdrawn = await give(id, { kind: 'withdrawn', basis: 'written', scopes: ['whatsapp'], recordedOn: '2026-11-15' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(201);
    const state = await list(id);
    expect(state.earlierNote).toBe('وافق شفهياً في ورشة أربيل');
    expect(state.records.map((r: Json) => r.kind)).toEqual(['withdrawn', 'given']);
    expect(state.records[1]).toMatchObject({
      basis: 'spoken',
      scopes: ['phone', 'whatsapp', 'photos'],
      recordedOn: '2026-10-01',
      note: 'في الورشة',
      recordedBy: { id: t.users.staff.id },
      file: null,
    });
    expect(state.current.whatsapp).toMatchObject({ answer: 'no', recordedOn: '2026-11-15', basis: 'written' });
    expect(state.current.phone).toMatchObject({ answer: 'yes', recordedOn: '2026-10-01', basis: 'spoken' });
    expect(state.current.email.answer).toBe('unknown');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'consent_record')
      .where('action', '=', 'create')
      .execute();
    expect(audit.filter((a) => (a.details as Json).contactId === id)).toHaveLength(2);
  });

  it('keeps the records of a merged contact on the survivor, a withdrawal included', async () => {
    const survivor = await person();
    const duplicate = await person();
    await give(survivor, { kind: 'given', basis: 'spoken', scopes: ['whatsapp'], recordedOn: '2026-09-01' });
    await give(duplicate, { kind: 'withdrawn', basis: 'written', scopes: ['whatsapp'], recordedOn: '2026-10-01' });
    const res = await t.request('staff', {
      method: 'POST',
      url: '/api/contacts/merge',
      payload: { survivorId: survivor, mergedIds: [duplicate], versions: { [survivor]: 1, [duplicate]: 1 } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const state = await list(survivor);
    expect(state.records).toHaveLength(2);
    expect(state.current.whatsapp.answer).toBe('no');
  });

  it('is append-only: there is no route that edits or deletes a record', async () => {
    const id = await person();
    const { records } = (await give(id, { kind: 'given', basis: 'online_form', scopes: ['email'], recordedOn: '2026-11-01' })).json();
    for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
      const res = await t.request('admin', { method, url: `/api/contacts/${id}/consents/${records[0].id}`, payload: {} });
      expect(res.statusCode).toBe(404);
    }
    expect((await list(id)).records).toHaveLength(1);
  });

  it('refuses bad records: unknown scope or basis, no scope, a day to come, viewers, contacts out of scope', async () => {
    const id = await person();
    expectProblem(await give(id, { kind: 'given', basis: 'spoken', scopes: ['fax'], recordedOn: '2026-11-01' }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await give(id, { kind: 'given', basis: 'telepathy', scopes: ['phone'], recordedOn: '2026-11-01' }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await give(id, { kind: 'given', basis: 'spoken', scopes: [], recordedOn: '2026-11-01' }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await give(id, { kind: 'given', basis: 'spoken', scopes: ['phone'], recordedOn: '2999-01-01' }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await give(id, { kind: 'given', basis: 'spoken', scopes: ['phone'], recordedOn: '2026-11-01' }, 'viewer'),
      403,
      'FORBIDDEN',
    );
    const { token } = await t.addUser('coordinator', ['IQ-BA']);
    const basrah = (opts: Json) => t.app.inject({ ...opts, headers: { authorization: `Bearer ${token}` } } as never);
    expectProblem(await basrah({ method: 'GET', url: `/api/contacts/${id}/consents` }), 404, 'NOT_FOUND');
    expectProblem(
      await basrah({
        method: 'POST',
        url: `/api/contacts/${id}/consents`,
        payload: { kind: 'given', basis: 'spoken', scopes: ['phone'], recordedOn: '2026-11-01' },
      }),
      404,
      'NOT_FOUND',
    );
    expect((await list(id)).records).toEqual([]);
  });
});

describe('consent scans', () => {
  it('stores a PDF with its SHA-256 and serves it back, audited as a view', async () => {
    const id = await person();
    const res = await upload(id, GIVEN, { name: 'consent.pdf', type: 'application/pdf', bytes: PDF });
    expect(res.statusCode, res.body).toBe(201);
    const [record] = res.json().records as Json[];
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    expect(record).toMatchObject({
      kind: 'given',
      scopes: ['phone', 'whatsapp', 'email'],
      file: { mime: 'application/pdf', size: PDF.length, sha256 },
    });
    const file = await t.request('staff', { method: 'GET', url: `/api/consents/${record.id}/file` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    const views = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', record.id)
      .where('action', '=', 'view')
      .execute();
    expect(views).toHaveLength(1);
    expect(views[0].user_id).toBe(t.users.staff.id);
  });

  it('recognises the type by its bytes, not its name: a .png that is text is refused, a PNG named .pdf is a PNG', async () => {
    const id = await person();
    expectProblem(
      await upload(id, GIVEN, { name: 'scan.png', type: 'image/png', bytes: Buffer.from('<html>not an image</html>') }),
      415,
      'UNSUPPORTED_FILE_TYPE',
    );
    const res = await upload(id, GIVEN, { name: 'scan.pdf', type: 'application/pdf', bytes: PNG });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().records[0].file.mime).toBe('image/png');
    expect((await list(id)).records).toHaveLength(1);
  });

  it('refuses a scan over 5 MB with 413 and stores nothing', async () => {
    const id = await person();
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5 * 1024 * 1024 + 10, 0x20)]);
    expectProblem(await upload(id, GIVEN, { name: 'big.pdf', type: 'application/pdf', bytes: big }), 413, 'FILE_TOO_LARGE');
    expect((await list(id)).records).toEqual([]);
  });

  it('validates the form fields like the JSON body', async () => {
    const id = await person();
    const res = await upload(id, [
      ['kind', 'given'],
      ['basis', 'spoken'],
      ['recordedOn', 'yesterday'],
      ['scopes', 'phone'],
    ]);
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expectProblem(
      await upload(id, [
        ['kind', 'given'],
        ['basis', 'spoken'],
        ['recordedOn', '2026-11-01'],
      ]),
      400,
      'VALIDATION_FAILED',
    );
  });

  it("shows a restricted contact's scan to coordinators and admins only", async () => {
    const id = await person({ sensitivity: 'restricted' });
    const res = await upload(id, GIVEN, { name: 'scan.png', type: 'image/png', bytes: PNG }, 'coordinator');
    expect(res.statusCode, res.body).toBe(201);
    const recordId = res.json().records[0].id as string;
    for (const role of ['staff', 'viewer'] as const) {
      expectProblem(await t.request(role, { method: 'GET', url: `/api/consents/${recordId}/file` }), 403, 'FORBIDDEN');
      expect((await list(id, role)).canViewFiles).toBe(false);
    }
    for (const role of ['coordinator', 'admin'] as const) {
      const file = await t.request(role, { method: 'GET', url: `/api/consents/${recordId}/file` });
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.equals(PNG)).toBe(true);
    }
    expectProblem(await t.request('admin', { method: 'GET', url: `/api/consents/${crypto.randomUUID()}/file` }), 404, 'NOT_FOUND');
  });
});

describe('outreach honours consent', () => {
  async function eventFor(contactIds: string[]) {
    const event = await created(
      t,
      '/api/events',
      { title: 'ورشة الحوار', type: 'workshop', startsAt: '2027-04-10T06:00:00.000Z', endsAt: '2027-04-10T12:00:00.000Z', venue: 'بغداد' },
      'admin',
    );
    const added = await created(t, `/api/events/${event.id}/invitations`, { contactIds }, 'admin');
    const inv = (contactId: string) => (added.added as Json[]).find((i) => i.contact.id === contactId)!.id as string;
    return { eventId: event.id as string, inv };
  }

  it('WhatsApp, the numbers copy and the vCard skip a person who withdrew WhatsApp consent; unknown still goes', async () => {
    const withdrew = await person();
    const unknown = await person();
    const gaveOnlyEmail = await person();
    await give(withdrew, { kind: 'given', basis: 'spoken', scopes: ['whatsapp', 'email'], recordedOn: '2026-10-01' });
    await give(withdrew, { kind: 'withdrawn', basis: 'spoken', scopes: ['whatsapp'], recordedOn: '2026-10-20' });
    await give(gaveOnlyEmail, { kind: 'given', basis: 'spoken', scopes: ['email'], recordedOn: '2026-10-01' });
    const { eventId, inv } = await eventFor([withdrew, unknown, gaveOnlyEmail]);
    const ids = [inv(withdrew), inv(unknown), inv(gaveOnlyEmail)];
    const walk = await t.request('staff', {
      method: 'POST',
      url: `/api/events/${eventId}/outreach/whatsapp`,
      payload: { invitationIds: ids, purpose: 'invitation', language: 'ar' },
    });
    expect(walk.statusCode, walk.body).toBe(200);
    expect(
      walk
        .json()
        .items.map((i: Json) => i.invitationId)
        .sort(),
    ).toEqual([inv(unknown), inv(gaveOnlyEmail)].sort());
    expect(walk.json().skipped).toEqual([{ invitationId: inv(withdrew), name: expect.any(String), reason: 'no_consent' }]);
    const numbers = await t.request('staff', {
      method: 'POST',
      url: `/api/events/${eventId}/outreach/numbers`,
      payload: { invitationIds: ids },
    });
    expect(numbers.statusCode, numbers.body).toBe(200);
    expect(numbers.json().skipped.map((s: Json) => s.reason)).toEqual(['no_consent']);
    expect(numbers.json().items).toHaveLength(2);
    const vcard = await t.request('staff', {
      method: 'POST',
      url: `/api/events/${eventId}/outreach/vcard`,
      payload: { invitationIds: ids },
    });
    expect(vcard.statusCode).toBe(200);
    expect(vcard.headers['x-skipped']).toBe('1');
    expect(vcard.body.match(/BEGIN:VCARD/g)).toHaveLength(2);
  });

  it('email skips a person who withdrew email consent, in the preview and in the send', async () => {
    const withdrew = await person();
    const fine = await person();
    await give(withdrew, { kind: 'withdrawn', basis: 'online_form', scopes: ['email'], recordedOn: '2026-11-01' });
    const { eventId, inv } = await eventFor([withdrew, fine]);
    const ids = [inv(withdrew), inv(fine)];
    const preview = await t.request('staff', {
      method: 'POST',
      url: `/api/events/${eventId}/outreach/email/preview`,
      payload: { invitationIds: ids, purpose: 'invitation', language: 'ar' },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ total: 2, sendable: 1, skipped: { no_consent: 1 } });
    const before = smtp.messages.length;
    const send = await t.request('staff', {
      method: 'POST',
      url: `/api/events/${eventId}/outreach/email`,
      payload: { invitationIds: ids, purpose: 'invitation', language: 'ar' },
    });
    expect(send.statusCode, send.body).toBe(202);
    const jobId = send.json().jobId as string;
    await smtp.waitFor(before + 1);
    let job: Json = {};
    for (let i = 0; i < 50 && !job.done; i++) {
      job = (await t.request('staff', { method: 'GET', url: `/api/events/${eventId}/outreach/email/${jobId}` })).json();
      if (!job.done) await new Promise((r) => setTimeout(r, 100));
    }
    expect(job.items.find((i: Json) => i.invitationId === inv(withdrew))).toMatchObject({ status: 'skipped', reason: 'no_consent' });
    expect(job.items.find((i: Json) => i.invitationId === inv(fine)).status).toBe('sent');
  });
});
