// Issue 14 (what real use found): offices are not people, gender shares over people whose gender is known, one
// person one governorate in a quota, and asking before a quota's maximum is passed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, fieldsOf, type Json } from '../helpers/api-requests.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let counter = 0;
const person = (governorates: string[] = ['IQ-BG'], extra: Json = {}) =>
  created(t, '/api/contacts', { kind: 'activist', name: `مشارك ${++counter}`, governorates, ...extra });
const office = (name: string, governorates: string[] = ['IQ-BG']) =>
  created(t, '/api/contacts', { kind: 'organization', subtype: 'government_body', name: `${name} ${++counter}`, governorates });
const focalPoint = async (body: Json, extra: Json = {}) => {
  const fp = await created(t, '/api/contacts', {
    kind: 'government_focal_point',
    name: `نقطة اتصال ${++counter}`,
    governorates: body.governorates ?? ['IQ-BG'],
    ...extra,
  });
  await created(t, '/api/positions', { personId: fp.id, organizationId: body.id, title: 'مدير', isFocalPoint: true });
  return fp;
};
const event = (extra: Json = {}) =>
  created(t, '/api/events', {
    title: 'الجلسة الختامية',
    type: 'closing_session',
    startsAt: '2026-06-10T09:00:00.000Z',
    endsAt: '2026-06-10T15:00:00.000Z',
    ...extra,
  });
const add = (eventId: string, payload: Json) => t.request('staff', { method: 'POST', url: `/api/events/${eventId}/invitations`, payload });
const list = async (eventId: string) => (await t.request('staff', { method: 'GET', url: `/api/events/${eventId}/invitations` })).json();
const detail = async (eventId: string) => (await t.request('staff', { method: 'GET', url: `/api/events/${eventId}` })).json();

describe('offices are not people', () => {
  it('invites a government body through its current focal point by default', async () => {
    const e = await event({ quotas: [{ dimension: 'gender', value: 'female', minCount: 1 }] });
    const body = await office('مديرية شؤون المرأة');
    const fp = await focalPoint(body, { gender: 'female' });
    const res = await add(e.id, { contactIds: [body.id] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().added[0]).toMatchObject({ contact: { id: body.id }, representative: { id: fp.id } });
    expect(res.json().quotaStatus[0]).toMatchObject({ count: 1, state: 'met' });
  });

  it('refuses a vacant office (409 NO_REPRESENTATIVE naming it), adding nothing', async () => {
    const e = await event();
    const vacant = await office('مجلس المحافظة');
    const someone = await person();
    const res = await add(e.id, { contactIds: [someone.id, vacant.id] });
    expectProblem(res, 409, 'NO_REPRESENTATIVE');
    expect(fieldsOf(res)).toEqual([vacant.id]);
    expect(res.json().errors[0].code).toBe('no_representative');
    expect((await list(e.id)).total).toBe(0);
    // Naming who comes makes it possible.
    const named = await add(e.id, { items: [{ contactId: vacant.id, representativeId: someone.id }] });
    expect(named.statusCode, named.body).toBe(201);
  });

  it('does not add an office whose focal point is already on the list', async () => {
    const e = await event();
    const body = await office('دائرة الشباب');
    const fp = await focalPoint(body);
    await created(t, `/api/events/${e.id}/invitations`, { contactIds: [fp.id] });
    const again = await add(e.id, { contactIds: [body.id] });
    expectProblem(again, 409, 'INVITATION_EXISTS');
    expect(fieldsOf(again)).toEqual([fp.id]);
    const skipping = await add(e.id, { contactIds: [body.id], skipExisting: true });
    expect(skipping.json()).toMatchObject({ added: [], skipped: [{ contactId: body.id, reason: 'already_on_list' }] });
  });

  it('bulk add from a filter brings offices through their focal points and skips vacant ones', async () => {
    const e = await event();
    const staffed = await office('مديرية التربية', ['IQ-MU']);
    const fp = await focalPoint(staffed);
    const vacant = await office('مديرية الصحة', ['IQ-MU']);
    const alsoTheirs = await office('دائرة أخرى', ['IQ-MU']);
    await created(t, '/api/positions', { personId: fp.id, organizationId: alsoTheirs.id, title: 'مدير', isFocalPoint: true });
    const res = await add(e.id, { filter: { governorates: ['IQ-MU'] }, skipExisting: true });
    expect(res.statusCode, res.body).toBe(201);
    const added = res.json().added;
    expect(added).toHaveLength(1);
    expect(added[0].representative?.id ?? added[0].contact.id).toBe(fp.id);
    expect(res.json().skipped).toEqual(expect.arrayContaining([{ contactId: vacant.id, reason: 'no_representative' }]));
    // Nobody on the list is a nameless office.
    for (const i of (await list(e.id)).items)
      expect(i.representative !== null || ['activist', 'government_focal_point'].includes(i.contact.kind)).toBe(true);
  });

  it('keeps a representative on an office: clearing it is refused', async () => {
    const e = await event();
    const body = await office('هيئة النزاهة');
    await focalPoint(body);
    const inv = (await created(t, `/api/events/${e.id}/invitations`, { contactIds: [body.id] })).added[0];
    const res = await t.request('staff', {
      method: 'PATCH',
      url: `/api/events/${e.id}/invitations/${inv.id}`,
      payload: { version: inv.version, representativeId: null },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.json().errors[0]).toMatchObject({ field: 'representativeId', code: 'required' });
  });

  it('suggests people only, never an office', async () => {
    const gov = 'IQ-DA';
    await office('مكتب في دهوك', [gov]);
    await created(t, '/api/contacts', { kind: 'volunteer_team', name: 'فريق دهوك', governorates: [gov] });
    const someone = await person([gov]);
    const e = await event({ quotas: [{ dimension: 'governorate', value: gov, minCount: 5 }] });
    const s = (await t.request('staff', { method: 'GET', url: `/api/events/${e.id}/suggestions?limit=10` })).json();
    expect(s.items.map((i: Json) => i.contact.id)).toEqual([someone.id]);
  });
});

describe('gender shares count people whose gender is known', () => {
  it('measures the share of women over people with a recorded gender and says how many have none', async () => {
    const e = await event({ quotas: [{ dimension: 'gender', value: 'female', minShare: 0.4 }] });
    const women = [await person(['IQ-BG'], { gender: 'female' }), await person(['IQ-BG'], { gender: 'female' })];
    const men = [await person(['IQ-BG'], { gender: 'male' })];
    const unknown = [await person(), await person(), await person()];
    const res = await created(t, `/api/events/${e.id}/invitations`, { contactIds: [...women, ...men, ...unknown].map((p) => p.id) });
    // 2 of 3 known (67%), not 2 of 6 (33%).
    expect(res.quotaStatus[0]).toMatchObject({ count: 2, activeTotal: 3, unrecorded: 3, state: 'met', missing: 0 });
    expect(res.quotaStatus[0].share).toBeCloseTo(2 / 3);
    const summary = (await t.request('staff', { method: 'GET', url: `/api/events/${e.id}/summary` })).json();
    expect(summary.quotaStatus[0]).toMatchObject({ activeTotal: 3, unrecorded: 3 });
  });
});

describe('one person, one governorate in a quota', () => {
  it('counts a contact in several governorates once, toward the first unless another is chosen', async () => {
    const e = await event({
      quotas: [
        { dimension: 'governorate', value: 'IQ-AN', minCount: 1 },
        { dimension: 'governorate', value: 'IQ-BG', minCount: 1 },
      ],
    });
    const both = await person(['IQ-BG', 'IQ-AN']);
    const res = await created(t, `/api/events/${e.id}/invitations`, { contactIds: [both.id] });
    const inv = res.added[0];
    // IQ-AN sorts first.
    expect(inv.quotaGovernorate).toBe('IQ-AN');
    expect(res.quotaStatus.map((q: Json) => [q.value, q.count])).toEqual([
      ['IQ-AN', 1],
      ['IQ-BG', 0],
    ]);
    const patch = (payload: Json, version: number) =>
      t.request('staff', { method: 'PATCH', url: `/api/events/${e.id}/invitations/${inv.id}`, payload: { version, ...payload } });
    const wrong = await patch({ quotaGovernorate: 'IQ-BA' }, inv.version);
    expectProblem(wrong, 400, 'VALIDATION_FAILED');
    expect(wrong.json().errors[0]).toMatchObject({ field: 'quotaGovernorate', code: 'not_a_contact_governorate' });
    const moved = await patch({ quotaGovernorate: 'IQ-BG' }, inv.version);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().quotaGovernorate).toBe('IQ-BG');
    expect((await detail(e.id)).quotaStatus.map((q: Json) => [q.value, q.count])).toEqual([
      ['IQ-AN', 0],
      ['IQ-BG', 1],
    ]);
    const summary = (await t.request('staff', { method: 'GET', url: `/api/events/${e.id}/summary` })).json();
    expect(summary.byGovernorate.map((r: Json) => [r.value, r.active])).toEqual([['IQ-BG', 1]]);
  });

  it('takes the governorate chosen when adding, validated against the contact', async () => {
    const e = await event({ quotas: [{ dimension: 'governorate', value: 'IQ-BG', minCount: 1 }] });
    const both = await person(['IQ-BG', 'IQ-AN']);
    const bad = await add(e.id, { items: [{ contactId: both.id, quotaGovernorate: 'IQ-NI' }] });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(bad)).toEqual(['items.0.quotaGovernorate']);
    const res = await created(t, `/api/events/${e.id}/invitations`, { items: [{ contactId: both.id, quotaGovernorate: 'IQ-BG' }] });
    expect(res.quotaStatus[0]).toMatchObject({ count: 1, state: 'met' });
  });

  it('suggests a contact of two governorates for the short one and says which', async () => {
    const e = await event({
      quotas: [
        { dimension: 'governorate', value: 'IQ-SD', minCount: 1, maxCount: 1 },
        { dimension: 'governorate', value: 'IQ-WA', minCount: 1 },
      ],
    });
    const both = await person(['IQ-SD', 'IQ-WA']);
    await created(t, `/api/events/${e.id}/invitations`, { contactIds: [(await person(['IQ-SD'])).id] });
    const s = (await t.request('staff', { method: 'GET', url: `/api/events/${e.id}/suggestions` })).json();
    expect(s.items.map((i: Json) => [i.contact.id, i.quotaGovernorate])).toEqual([[both.id, 'IQ-WA']]);
  });
});

describe('quota maximums ask first', () => {
  it('refuses to pass a maximum (409 QUOTA_MAXIMUM naming the quota) unless allowOverQuota', async () => {
    const e = await event({ quotas: [{ dimension: 'governorate', value: 'IQ-KA', maxCount: 1 }] });
    const [a, b] = [await person(['IQ-KA']), await person(['IQ-KA'])];
    await created(t, `/api/events/${e.id}/invitations`, { contactIds: [a.id] });
    const over = await add(e.id, { contactIds: [b.id] });
    expectProblem(over, 409, 'QUOTA_MAXIMUM');
    expect(over.json().errors).toEqual([{ field: 'governorate:IQ-KA', code: 'over_maximum', message: '2/1' }]);
    expect(over.json().detail).toContain('IQ-KA');
    expect((await list(e.id)).total).toBe(1);
    const forced = await add(e.id, { contactIds: [b.id], allowOverQuota: true });
    expect(forced.statusCode, forced.body).toBe(201);
    expect(forced.json().quotaStatus[0]).toMatchObject({ count: 2, state: 'over' });
  });

  it('does not ask when the addition does not touch the quota past its maximum', async () => {
    const e = await event({ quotas: [{ dimension: 'governorate', value: 'IQ-KA', maxCount: 1 }] });
    const [a, b] = [await person(['IQ-KA']), await person(['IQ-KA'])];
    await created(t, `/api/events/${e.id}/invitations`, { contactIds: [a.id, b.id], allowOverQuota: true });
    expect((await add(e.id, { contactIds: [(await person(['IQ-NI'])).id] })).statusCode).toBe(201);
  });
});
