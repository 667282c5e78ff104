import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/src/domain/roles.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, type Json } from '../helpers/api-requests.js';
import { multipart, toCsv, utf8 } from '../fixtures/imports/import-files.js';

/**
 * Issue 17, item 3: a role that may not see restricted contacts' phones and emails must not be able to confirm them
 * through the duplicate checks. Every leak check looks at the raw response body: the contact's id and name must not
 * appear anywhere in it.
 */
let t: TestApp;
let secret: Json;
let listed: Json;
let partner: Json;
const SECRET_NAME = 'سلمى الناصري';
const SECRET_PHONE = '07909991111';
const SECRET_EMAIL = 'salma@example.org';
const LISTED_NAME = 'رائد المحمداوي';

beforeAll(async () => {
  t = await createTestApp();
  secret = await created(
    t,
    '/api/contacts',
    {
      kind: 'activist',
      name: SECRET_NAME,
      governorates: ['IQ-DQ'],
      phones: [SECRET_PHONE],
      emails: [SECRET_EMAIL],
      sensitivity: 'restricted',
    },
    'coordinator',
  );
  // A second restricted contact, and an ordinary one holding its phone under another name: a pair for the list.
  listed = await created(
    t,
    '/api/contacts',
    { kind: 'activist', name: LISTED_NAME, governorates: ['IQ-MU'], phones: ['07812223333'], sensitivity: 'restricted' },
    'coordinator',
  );
  partner = await created(t, '/api/contacts', { kind: 'activist', name: 'كريمة جبار', governorates: ['IQ-MU'], phones: ['07812223333'] });
});
afterAll(() => t.close());

const leaks = (body: string, contact: Json, name: string) => body.includes(contact.id) || body.includes(name);

async function check(as: Role, payload: Json) {
  const res = await t.request(as, { method: 'POST', url: '/api/contacts/check-duplicates', payload });
  expect(res.statusCode, res.body).toBe(200);
  return { body: res.body, json: res.json() as Json };
}

const HIDDEN = {
  count: 1,
  reason: 'restricted_contact_details',
  message: 'A possible duplicate exists that you cannot see; a coordinator can check it',
};

describe('check-duplicates and restricted contacts', () => {
  it('does not show staff whose phone it is, only that a hidden match exists; a coordinator sees the contact', async () => {
    const draft = { name: 'شخص جديد تماما', phones: ['+964 790 999 1111'], governorates: ['IQ-DQ'], kind: 'activist' };
    const staff = await check('staff', draft);
    expect(leaks(staff.body, secret, SECRET_NAME)).toBe(false);
    expect(staff.json).toEqual({ items: [], hiddenMatches: HIDDEN });

    for (const role of ['coordinator', 'admin'] as const) {
      const { json } = await check(role, draft);
      expect(json.hiddenMatches).toBeNull();
      expect(json.items).toHaveLength(1);
      expect(json.items[0]).toMatchObject({ contactId: secret.id, name: SECRET_NAME, reasons: [{ code: 'same_phone' }] });
    }
  });

  it('does the same for an email', async () => {
    const draft = { name: 'منظمة لا علاقة لها', emails: ['Salma@Example.org'] };
    const staff = await check('staff', draft);
    expect(leaks(staff.body, secret, SECRET_NAME)).toBe(false);
    expect(staff.json).toEqual({ items: [], hiddenMatches: HIDDEN });
    const coordinator = await check('coordinator', draft);
    expect(coordinator.json.items.map((i: Json) => [i.contactId, i.reasons.map((r: Json) => r.code)])).toEqual([
      [secret.id, ['same_email']],
    ]);
  });

  it('still shows a restricted contact found by its name, as search does, but never the phone or email reason', async () => {
    const byName = await check('staff', { name: SECRET_NAME, governorates: ['IQ-DQ'] });
    expect(byName.json.items.map((i: Json) => i.contactId)).toEqual([secret.id]);
    expect(byName.json.hiddenMatches).toBeNull();

    // Name and phone: the contact is listed exactly as for the name alone, and the hidden count exactly as for the
    // phone alone, so comparing the answers tells nothing about whose phone it is.
    const both = await check('staff', { name: SECRET_NAME, phones: [SECRET_PHONE], emails: [SECRET_EMAIL], governorates: ['IQ-DQ'] });
    expect(both.json.items).toEqual(byName.json.items);
    expect(both.json.items[0].reasons).toEqual([{ code: 'same_name_key' }]);
    expect(both.body).not.toContain('same_phone');
    expect(both.body).not.toContain('same_email');
    expect(both.json.hiddenMatches).toEqual(HIDDEN);

    const coordinator = await check('coordinator', { name: SECRET_NAME, phones: [SECRET_PHONE], governorates: ['IQ-DQ'] });
    expect(coordinator.json.items[0].reasons.map((r: Json) => r.code)).toEqual(['same_phone', 'same_name_key']);
  });

  it('keeps the phone reason of ordinary contacts, and leaves the contact being edited out of the count', async () => {
    const staff = await check('staff', { name: 'اسم آخر', phones: ['07812223333'] });
    expect(staff.json.items.map((i: Json) => [i.contactId, i.reasons[0].code])).toEqual([[partner.id, 'same_phone']]);
    expect(staff.json.hiddenMatches).toMatchObject({ count: 1 });
    expect(leaks(staff.body, listed, LISTED_NAME)).toBe(false);
    const editing = await check('staff', { name: 'اسم آخر', phones: [SECRET_PHONE], excludeId: secret.id });
    expect(editing.json).toEqual({ items: [], hiddenMatches: null });
  });

  it('stays closed to viewers', async () => {
    expectProblem(
      await t.request('viewer', {
        method: 'POST',
        url: '/api/contacts/check-duplicates',
        payload: { name: 'أي اسم', phones: [SECRET_PHONE] },
      }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('the duplicates list and restricted contacts', () => {
  const list = async (as: Role) => {
    const res = await t.request(as, { method: 'GET', url: '/api/duplicates?limit=200&minScore=0.3' });
    expect(res.statusCode, res.body).toBe(200);
    return { body: res.body, json: res.json() as Json };
  };

  it('leaves out a pair that only a restricted phone links, counting it; a coordinator sees the pair', async () => {
    const staff = await list('staff');
    expect(leaks(staff.body, listed, LISTED_NAME)).toBe(false);
    expect(staff.json.items).toEqual([]);
    expect(staff.json.hiddenMatches).toEqual(HIDDEN);

    const coordinator = await list('coordinator');
    expect(coordinator.json.hiddenMatches).toBeNull();
    const pair = coordinator.json.items.find((p: Json) => [p.a.id, p.b.id].includes(listed.id));
    expect([pair.a.id, pair.b.id].sort()).toEqual([listed.id, partner.id].sort());
    expect(pair.reasons).toEqual([{ code: 'same_phone' }]);
  });
});

describe('import preview and restricted contacts', () => {
  async function uploaded(rows: string[][], as: Role = 'staff'): Promise<Json> {
    const res = await t.request(as, { method: 'POST', url: '/api/imports', ...multipart('r.csv', utf8(toCsv(rows))) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  async function preview(up: Json, as: Role = 'staff') {
    const res = await t.request(as, { method: 'POST', url: `/api/imports/${up.id}/preview`, payload: { mapping: up.guessedMapping } });
    expect(res.statusCode, res.body).toBe(200);
    return { body: res.body, json: res.json() as Json };
  }
  async function rowsOf(id: string, as: Role = 'staff') {
    const res = await t.request(as, { method: 'GET', url: `/api/imports/${id}/rows?limit=200` });
    expect(res.statusCode, res.body).toBe(200);
    return { body: res.body, json: res.json() as Json };
  }
  const ROWS = [
    ['Name', 'Phone', 'Governorate', 'Email'],
    ['حيدر سالم', '0790 999 1111', 'ذي قار', ''],
    ['نادية فاضل', '', 'ذي قار', SECRET_EMAIL],
  ];

  it("does not name the restricted contact a staff member's row shares a phone or email with, and leaves the row to a coordinator", async () => {
    const up = await uploaded(ROWS);
    const p = await preview(up);
    expect(leaks(p.body, secret, SECRET_NAME)).toBe(false);
    expect(p.json.counts).toMatchObject({ create: 0, update: 0, duplicate: 2 });
    const rows = await rowsOf(up.id);
    expect(leaks(rows.body, secret, SECRET_NAME)).toBe(false);
    for (const row of rows.json.items) {
      expect(row).toMatchObject({
        outcome: 'duplicate',
        matchedContactId: null,
        matchedContactName: null,
        matchReason: [],
        candidates: [],
        hiddenMatches: HIDDEN,
      });
    }

    // The rows offer nothing to merge into, so the restricted contact cannot be chosen, not even by its id.
    const targeted = await t.request('staff', {
      method: 'POST',
      url: `/api/imports/${up.id}/commit`,
      payload: { decisions: [{ row: 2, action: 'merge', contactId: secret.id }] },
    });
    expectProblem(targeted, 400, 'VALIDATION_FAILED');
    expect(targeted.json().errors).toMatchObject([{ field: 'decisions.0.contactId', code: 'not_a_candidate' }]);
    const untargeted = await t.request('staff', {
      method: 'POST',
      url: `/api/imports/${up.id}/commit`,
      payload: { decisions: [{ row: 2, action: 'merge' }] },
    });
    expect(untargeted.json().errors).toMatchObject([{ field: 'decisions.0.contactId', code: 'required' }]);

    // Run as it comes: both rows wait (skipped), and the restricted contact is untouched.
    const done = await t.request('staff', { method: 'POST', url: `/api/imports/${up.id}/commit`, payload: {} });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().result).toMatchObject({ created: 0, updated: 0, skipped: 2, failed: 0 });
    const after = await rowsOf(up.id);
    expect(leaks(after.body, secret, SECRET_NAME)).toBe(false);
    expect(after.json.items.map((r: Json) => [r.action, r.contactId])).toEqual([
      ['skipped', null],
      ['skipped', null],
    ]);
    const contact = (await t.request('coordinator', { method: 'GET', url: `/api/contacts/${secret.id}` })).json();
    expect(contact).toMatchObject({ version: secret.version, phones: secret.phones, emails: secret.emails });
  });

  it('does not reach the restricted contact when staff merge every duplicate blindly', async () => {
    const up = await uploaded(ROWS);
    await preview(up);
    const done = await t.request('staff', {
      method: 'POST',
      url: `/api/imports/${up.id}/commit`,
      payload: { defaultDecision: { duplicate: 'merge' } },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().result).toMatchObject({ created: 0, updated: 0 });
    const after = await rowsOf(up.id);
    expect(leaks(after.body, secret, SECRET_NAME)).toBe(false);
    expect(after.json.items.map((r: Json) => r.contactId)).toEqual([null, null]);
    const contact = (await t.request('coordinator', { method: 'GET', url: `/api/contacts/${secret.id}` })).json();
    expect(contact).toMatchObject({ version: secret.version, phones: secret.phones, emails: secret.emails });
  });

  it("shows a coordinator the hidden match in a staff member's import, and the contact once they preview it", async () => {
    const up = await uploaded(ROWS);
    await preview(up);
    const seen = await rowsOf(up.id, 'coordinator');
    expect(seen.json.items[0]).toMatchObject({ outcome: 'duplicate', matchedContactId: null, hiddenMatches: HIDDEN });

    const again = await preview(up, 'coordinator');
    expect(again.json.counts).toMatchObject({ update: 2, duplicate: 0 });
    const rows = (await rowsOf(up.id, 'coordinator')).json.items;
    expect(rows[0]).toMatchObject({ outcome: 'update', matchedContactId: secret.id, matchedContactName: SECRET_NAME, hiddenMatches: null });
    expect(rows[0].matchReason).toEqual([{ code: 'same_phone' }]);
    expect(rows[1].matchReason).toEqual([{ code: 'same_email' }]);
  });

  it("gives a coordinator's own import the update as before", async () => {
    const up = await uploaded(ROWS, 'coordinator');
    await preview(up, 'coordinator');
    const rows = (await rowsOf(up.id, 'coordinator')).json.items;
    expect(rows.map((r: Json) => [r.outcome, r.matchedContactId, r.hiddenMatches])).toEqual([
      ['update', secret.id, null],
      ['update', secret.id, null],
    ]);
  });

  it('offers the restricted contact by its name when the name alone finds it, without the phone reason', async () => {
    const up = await uploaded([
      ['Name', 'Phone', 'Governorate'],
      [SECRET_NAME, SECRET_PHONE, 'ذي قار'],
    ]);
    await preview(up);
    const rows = await rowsOf(up.id);
    expect(rows.body).not.toContain('same_phone');
    expect(rows.json.items[0]).toMatchObject({
      outcome: 'duplicate',
      matchedContactId: null,
      candidates: [{ contactId: secret.id, score: 0.7, reasons: [{ code: 'same_name_key' }] }],
      hiddenMatches: HIDDEN,
    });
  });
});
