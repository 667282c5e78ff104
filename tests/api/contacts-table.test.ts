import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, fieldsOf, type Json } from '../helpers/api-requests.js';

/** GET /api/contacts as the contacts table uses it: sorts, the new filters, keyset paging and computed columns. */

let t: TestApp;
let scopedToken: string;
const c = {} as Record<string, Json>;
let event: Json;

const list = async (query: string, as: Parameters<TestApp['request']>[0] = 'staff') => {
  const res = await t.request(as, { method: 'GET', url: `/api/contacts${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const names = (body: Json) => (body.items as Json[]).map((i) => i.name);

beforeAll(async () => {
  t = await createTestApp();
  scopedToken = (await t.addUser('staff', ['IQ-AN'])).token;
  c.ngo = await created(t, '/api/contacts', {
    kind: 'organization',
    subtype: 'local_ngo',
    name: 'جدول منظمة النور',
    governorates: ['IQ-AN'],
    tags: ['جدول'],
  });
  c.media = await created(t, '/api/contacts', {
    kind: 'organization',
    subtype: 'media',
    name: 'جدول إذاعة الرافدين',
    governorates: ['IQ-BG'],
    tags: ['جدول', 'إعلام'],
  });
  c.team = await created(t, '/api/contacts', {
    kind: 'volunteer_team',
    name: 'جدول فريق شباب الأنبار',
    governorates: ['IQ-AN'],
    tags: ['جدول', 'شباب'],
  });
  c.zainab = await created(t, '/api/contacts', {
    kind: 'activist',
    name: 'جدول زينب علي',
    nameLatin: 'Zainab Ali',
    governorates: ['IQ-AN'],
    tags: ['جدول', 'شباب', 'نساء'],
    phones: ['07701112233'],
    emails: ['zainab@example.org'],
    sensitivity: 'restricted',
  });
  c.omar = await created(t, '/api/contacts', {
    kind: 'activist',
    name: 'جدول عمر خالد',
    nameLatin: 'Omar Khalid',
    governorates: ['IQ-BG', 'IQ-AN'],
    tags: ['جدول', 'شباب'],
    phones: ['07702223344'],
  });
  c.huda = await created(t, '/api/contacts', {
    kind: 'government_focal_point',
    name: 'جدول هدى سالم',
    governorates: ['IQ-BA'],
    tags: ['جدول'],
  });
  await created(t, '/api/positions', { personId: c.zainab.id, organizationId: c.ngo.id, title: 'منسقة' });
  await created(t, '/api/relationships', { type: 'member_of', fromContactId: c.omar.id, toContactId: c.team.id });
  await created(t, '/api/interactions', { kind: 'meeting', occurredOn: '2026-03-01', summary: 'لقاء', contactIds: [c.omar.id] });
  await created(t, '/api/interactions', { kind: 'call', occurredOn: '2026-09-15', summary: 'اتصال', contactIds: [c.zainab.id, c.omar.id] });
  await created(t, '/api/interactions', { kind: 'call', occurredOn: '2026-01-10', summary: 'اتصال', contactIds: [c.huda.id] });
  event = await created(t, '/api/events', {
    title: 'جدول ورشة',
    type: 'workshop',
    startsAt: '2026-06-10T06:00:00Z',
    endsAt: '2026-06-10T12:00:00Z',
  });
  const added = await created(t, `/api/events/${event.id}/invitations`, {
    items: [{ contactId: c.zainab.id }, { contactId: c.omar.id }],
    status: 'invited',
  });
  const omarInvitation = (added.added as Json[]).find((i) => i.contact.id === c.omar.id)!;
  const patch = (inv: Json, changes: Json) =>
    t.request('staff', {
      method: 'PATCH',
      url: `/api/events/${event.id}/invitations/${inv.id}?confirmOutsideEventDays=true`,
      payload: { version: inv.version, ...changes },
    });
  const confirmed = (await patch(omarInvitation, { status: 'confirmed' })).json();
  const attended = await patch(confirmed, { status: 'attended' });
  expect(attended.statusCode, attended.body).toBe(200);
});
afterAll(() => t.close());

describe('sorting', () => {
  it('sorts by any key both ways, empty values last each way', async () => {
    expect(names(await list('?tags=جدول&kind=activist&sort=-name'))).toEqual(['جدول عمر خالد', 'جدول زينب علي']);
    const latin = names(await list('?tags=جدول&sort=nameLatin'));
    expect(latin.slice(0, 2)).toEqual(['جدول عمر خالد', 'جدول زينب علي']);
    expect(latin).toHaveLength(6);
    const latinDesc = names(await list('?tags=جدول&sort=-nameLatin'));
    expect(latinDesc.slice(0, 2)).toEqual(['جدول زينب علي', 'جدول عمر خالد']);
    // Zainab and Omar were last met the same day: the tie breaks on id, the same way on every page.
    const byContact = (await list('?tags=جدول&sort=-lastContact&limit=3')).items as Json[];
    expect(byContact.slice(0, 2).map((i) => i.id)).toEqual([c.zainab.id, c.omar.id].sort().reverse());
    expect(byContact[2].name).toBe('جدول هدى سالم');
    expect(names(await list('?tags=جدول&sort=-eventsAttended&limit=1'))).toEqual(['جدول عمر خالد']);
    const updated = (await list('?tags=جدول&sort=-updatedAt')).items as Json[];
    expect(updated.map((i) => i.updatedAt)).toEqual([...updated.map((i) => i.updatedAt)].sort().reverse());
  });

  it('refuses an unknown sort with 400 naming sort', async () => {
    const res = await t.request('staff', { method: 'GET', url: '/api/contacts?sort=phone' });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(res)).toContain('sort');
  });
});

describe('filters', () => {
  it('filters by subtype, several governorates and tags any or all', async () => {
    expect(names(await list('?tags=جدول&subtype=media'))).toEqual(['جدول إذاعة الرافدين']);
    expect(names(await list('?tags=جدول&governorate=IQ-BA&governorate=IQ-BG'))).toEqual([
      'جدول إذاعة الرافدين',
      'جدول عمر خالد',
      'جدول هدى سالم',
    ]);
    expect(names(await list('?tags=نساء&tags=إعلام'))).toEqual(['جدول إذاعة الرافدين', 'جدول زينب علي']);
    expect(names(await list('?tags=شباب&tags=نساء&tagsMode=all'))).toEqual(['جدول زينب علي']);
  });

  it('filters by membership: a current position or a current member_of relationship', async () => {
    expect(names(await list(`?memberOf=${c.ngo.id}`))).toEqual(['جدول زينب علي']);
    expect(names(await list(`?memberOf=${c.team.id}`))).toEqual(['جدول عمر خالد']);
  });

  it('filters by phone and email, never telling a viewer whether a restricted contact has them', async () => {
    expect(names(await list('?tags=جدول&hasPhone=true', 'coordinator'))).toEqual(['جدول زينب علي', 'جدول عمر خالد']);
    expect(names(await list('?tags=جدول&hasPhone=true', 'viewer'))).toEqual(['جدول عمر خالد']);
    expect(names(await list('?tags=جدول&kind=activist&hasPhone=false', 'viewer'))).toEqual([]);
    expect(names(await list('?tags=جدول&hasEmail=true', 'admin'))).toEqual(['جدول زينب علي']);
    expect(names(await list('?tags=جدول&kind=activist&hasEmail=false', 'admin'))).toEqual(['جدول عمر خالد']);
  });

  it('filters by the latest contact date', async () => {
    expect(names(await list('?tags=جدول&lastContactAfter=2026-09-01'))).toEqual(['جدول زينب علي', 'جدول عمر خالد']);
    expect(names(await list('?tags=جدول&lastContactBefore=2026-06-30'))).toEqual(['جدول هدى سالم']);
    const reversed = await t.request('staff', {
      method: 'GET',
      url: '/api/contacts?lastContactAfter=2026-09-01&lastContactBefore=2026-01-01',
    });
    expectProblem(reversed, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(reversed)).toEqual(['lastContactBefore']);
  });

  it('filters by invitation and attendance of an event', async () => {
    expect(names(await list(`?invitedTo=${event.id}`))).toEqual(['جدول زينب علي', 'جدول عمر خالد']);
    expect(names(await list(`?attended=${event.id}`))).toEqual(['جدول عمر خالد']);
  });

  it('filters by the day of the last change', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect((await list(`?tags=جدول&updatedFrom=${today}`)).total).toBe(6);
    expect((await list('?tags=جدول&updatedTo=2020-01-01')).total).toBe(0);
  });

  it('combines the Arabic-tolerant search with the filters, keeping its ranking', async () => {
    const body = await list('?q=زينب&tags=جدول');
    expect(names(body)).toEqual(['جدول زينب علي']);
    expect(body.nextCursor).toBeUndefined();
    expect(names(await list('?q=جدول&kind=organization&subtype=media'))).toEqual(['جدول إذاعة الرافدين']);
    expect(names(await list('?q=جدول&tags=شباب&sort=-name'))).toEqual(['جدول فريق شباب الأنبار', 'جدول عمر خالد', 'جدول زينب علي']);
  });

  it('keeps a scoped user within their governorates whatever the filter', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/contacts?tags=جدول&governorate=IQ-BG',
      headers: { authorization: `Bearer ${scopedToken}` },
    });
    expect(names(res.json())).toEqual(['جدول عمر خالد']);
    const hidden = await t.app.inject({
      method: 'GET',
      url: `/api/contacts?memberOf=${c.media.id}`,
      headers: { authorization: `Bearer ${scopedToken}` },
    });
    expectProblem(hidden, 404, 'NOT_FOUND');
  });
});

describe('paging and columns', () => {
  it('walks every page by cursor, the same rows as by offset', async () => {
    for (const sort of ['name', '-nameLatin', 'lastContact', '-createdAt']) {
      const byOffset = names(await list(`?tags=جدول&sort=${sort}&limit=50`));
      const walked: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await list(`?tags=جدول&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        walked.push(...names(page));
        cursor = page.nextCursor;
      } while (cursor);
      expect(walked, sort).toEqual(byOffset);
    }
  });

  it('refuses a cursor of another sort, or garbage, with 400 naming cursor', async () => {
    const { nextCursor } = await list('?tags=جدول&sort=name&limit=1');
    for (const url of [`/api/contacts?sort=-name&cursor=${nextCursor}`, '/api/contacts?cursor=not-a-cursor']) {
      const res = await t.request('staff', { method: 'GET', url });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(res)).toEqual(['cursor']);
    }
  });

  it('computes organisation, last contact and events attended only when asked, withholding restricted details', async () => {
    const plain = (await list('?tags=جدول&kind=activist', 'viewer')).items as Json[];
    expect(plain[0]).not.toHaveProperty('organization');
    const rows = (await list('?tags=جدول&kind=activist&columns=organization,lastContact,eventsAttended', 'viewer')).items as Json[];
    const [zainab, omar] = rows;
    expect(zainab).toMatchObject({
      organization: { id: c.ngo.id, name: 'جدول منظمة النور', title: 'منسقة' },
      lastContact: '2026-09-15',
      eventsAttended: 0,
      detailsHidden: true,
    });
    expect(zainab).not.toHaveProperty('phones');
    expect(omar).toMatchObject({
      organization: { id: c.team.id, title: null },
      lastContact: '2026-09-15',
      eventsAttended: 1,
      phones: ['+9647702223344'],
    });
    const bad = await t.request('staff', { method: 'GET', url: '/api/contacts?columns=organization,salary' });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(bad)).toEqual(['columns']);
  });
});
