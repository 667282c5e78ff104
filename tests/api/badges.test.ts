import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor, created, expectProblem, type Json } from '../helpers/api-requests.js';

/** Issue 11, item 8: print data for badge sheets — who gets a badge, per group, and what a badge says. */

let t: TestApp;
let e: Json;
let groups: Json[];
const people: Record<string, Json> = {};
const invitations: Record<string, Json> = {};

const patch = (inv: Json, changes: Json) =>
  t.request('staff', { method: 'PATCH', url: `/api/events/${e.id}/invitations/${inv.id}`, payload: { version: inv.version, ...changes } });
const badges = (query = '', as: Parameters<TestApp['request']>[0] = 'staff') =>
  t.request(as, { method: 'GET', url: `/api/events/${e.id}/badges${query}` });

beforeAll(async () => {
  t = await createTestApp();
  e = await created(t, '/api/events', {
    title: 'الجلسة الختامية',
    type: 'closing_session',
    startsAt: '2026-06-10T06:00:00Z',
    endsAt: '2026-06-10T12:00:00Z',
  });
  groups = [
    await created(t, `/api/events/${e.id}/groups`, { name: 'التحديات' }),
    await created(t, `/api/events/${e.id}/groups`, { name: 'الدروس المستفادة' }),
  ];
  const ngo = await created(t, '/api/contacts', {
    kind: 'organization',
    subtype: 'local_ngo',
    name: 'منظمة الأمل',
    governorates: ['IQ-BA'],
  });
  const office = await created(t, '/api/contacts', {
    kind: 'organization',
    subtype: 'government_body',
    name: 'مديرية شؤون المرأة',
    governorates: ['IQ-NI'],
  });
  const specs: [string, Json][] = [
    [
      'zainab',
      {
        kind: 'activist',
        name: 'زينب علي حسين',
        nameLatin: 'Zainab Ali Hussein',
        governorates: ['IQ-BA'],
        sensitivity: 'restricted',
        phones: ['07701234567'],
        emails: ['zainab@example.org'],
      },
    ],
    ['omar', { kind: 'activist', name: 'عمر خالد', governorates: ['IQ-BG'] }],
    ['huda', { kind: 'government_focal_point', name: 'هدى سالم', nameLatin: 'Huda Salem', governorates: ['IQ-NI'] }],
    ['ali', { kind: 'activist', name: 'علي حسن', governorates: ['IQ-BG'] }],
    ['sara', { kind: 'activist', name: 'سارة محمود', governorates: ['IQ-BG'] }],
    ['noor', { kind: 'activist', name: 'نور جاسم', governorates: ['IQ-BG'] }],
    ['ahmed', { kind: 'activist', name: 'أحمد كريم', governorates: ['IQ-BG'] }],
  ];
  for (const [key, body] of specs) people[key] = await created(t, '/api/contacts', body);
  await created(t, '/api/positions', { personId: people.zainab.id, organizationId: ngo.id, title: 'منسقة' });
  const added = await created(t, `/api/events/${e.id}/invitations`, {
    items: [
      ...['zainab', 'omar', 'ali', 'sara', 'noor', 'ahmed'].map((k) => ({ contactId: people[k].id })),
      { contactId: office.id, representativeId: people.huda.id, role: 'government_guest' },
    ],
    status: 'invited',
  });
  for (const inv of added.added as Json[])
    invitations[Object.keys(people).find((k) => people[k].id === (inv.representative ?? inv.contact).id)!] = inv;
  const set = async (key: string, changes: Json) => (invitations[key] = (await patch(invitations[key], changes)).json());
  await set('zainab', { status: 'confirmed', groupId: groups[1].id });
  await set('omar', { groupId: groups[0].id });
  await set('huda', { status: 'confirmed' });
  await set('ali', { status: 'declined' });
  await set('sara', { status: 'cancelled' });
  await set('noor', { status: 'confirmed', groupId: groups[0].id });
  await set('noor', { status: 'attended' });
  await set('ahmed', { status: 'confirmed' });
  await set('ahmed', { status: 'no_show' });
});
afterAll(() => t.close());

describe('GET /api/events/:id/badges', () => {
  it('has a badge for the invited, confirmed and attended, in group order then by name', async () => {
    const res = await badges();
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.statuses).toEqual(['invited', 'confirmed', 'attended']);
    // Group 1 (التحديات): عمر، نور; group 2: زينب; no group: هدى.
    expect(body.items.map((b: Json) => b.name)).toEqual(['عمر خالد', 'نور جاسم', 'زينب علي حسين', 'هدى سالم']);
  });

  it('says name, Latin name, organisation, governorate, group, role and the check-in code — and no phone or email', async () => {
    const items = (await badges()).json().items as Json[];
    const zainab = items.find((b) => b.invitationId === invitations.zainab.id)!;
    expect(zainab).toEqual({
      invitationId: invitations.zainab.id,
      checkInCode: invitations.zainab.checkInCode,
      name: 'زينب علي حسين',
      nameLatin: 'Zainab Ali Hussein',
      organisation: 'منظمة الأمل',
      governorate: { code: 'IQ-BA', nameAr: 'البصرة', nameEn: 'Basrah' },
      group: { id: groups[1].id, name: 'الدروس المستفادة', order: 1 },
      role: 'participant',
      status: 'confirmed',
    });
    // A representative's badge: their own name, the office they come for, the office's governorate.
    const huda = items.find((b) => b.invitationId === invitations.huda.id)!;
    expect(huda).toMatchObject({
      name: 'هدى سالم',
      nameLatin: 'Huda Salem',
      organisation: 'مديرية شؤون المرأة',
      role: 'government_guest',
      group: null,
    });
    expect(huda.governorate.code).toBe('IQ-NI');
    expect(JSON.stringify(items)).not.toMatch(/07701234567|9647701234567|@example\.org/);
    const omar = items.find((b) => b.invitationId === invitations.omar.id)!;
    expect(omar).toMatchObject({ nameLatin: null, organisation: null, group: { order: 0 } });
  });

  it('narrows to one group; a group of another event is a 400', async () => {
    const res = await badges(`?groupId=${groups[0].id}`);
    expect(res.json().items.map((b: Json) => b.name)).toEqual(['عمر خالد', 'نور جاسم']);
    const other = await created(t, '/api/events', {
      title: 'أخرى',
      type: 'workshop',
      startsAt: '2026-07-01T06:00:00Z',
      endsAt: '2026-07-01T09:00:00Z',
    });
    const foreign = await created(t, `/api/events/${other.id}/groups`, { name: 'غريبة' });
    expectProblem(await badges(`?groupId=${foreign.id}`), 400, 'VALIDATION_FAILED');
  });

  it('is for staff and above, audited as an export; a governorate-limited user gets only their scope', async () => {
    expectProblem(await badges('', 'viewer'), 403, 'FORBIDDEN');
    const audit = await auditFor(t, e.id);
    expect(audit.filter((a) => a.action === 'export').at(-1)).toMatchObject({ details: { badges: 2, group: groups[0].id } });
    const basra = await t.addUser('staff', ['IQ-BA']);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/events/${e.id}/badges`,
      headers: { authorization: `Bearer ${basra.token}` },
    });
    expect(res.json().items.map((b: Json) => b.name)).toEqual(['زينب علي حسين']);
    expectProblem(
      await t.request('staff', { method: 'GET', url: '/api/events/00000000-0000-4000-8000-000000000000/badges' }),
      404,
      'NOT_FOUND',
    );
  });
});
