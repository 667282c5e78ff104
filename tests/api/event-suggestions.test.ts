import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor, created, expectProblem, type Json } from '../helpers/api-requests.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let counter = 0;
const person = (name: string, governorates: string[], extra: Json = {}) =>
  created(t, '/api/contacts', { kind: 'activist', name: `${name} ${++counter}`, governorates, ...extra });
const monthsAgo = (months: number) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
};

/** A past event the given people were invited to and ended in `status`. */
async function pastEvent(months: number, people: Json[], status: 'invited' | 'attended') {
  const e = await created(t, '/api/events', {
    title: 'حدث سابق',
    type: 'workshop',
    startsAt: monthsAgo(months),
    endsAt: monthsAgo(months),
  });
  const added = await created(t, `/api/events/${e.id}/invitations`, { contactIds: people.map((p) => p.id), status: 'invited' });
  if (status === 'attended') {
    const res = await t.request('staff', {
      method: 'POST',
      url: `/api/events/${e.id}/invitations/bulk?confirmOutsideEventDays=true`,
      payload: { invitationIds: added.added.map((i: Json) => i.id), status: 'attended' },
    });
    expect(res.statusCode).toBe(200);
  }
}

const suggestions = async (eventId: string, query = '') => {
  const res = await t.request('staff', { method: 'GET', url: `/api/events/${eventId}/suggestions${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('suggestions', () => {
  let fresh: Json, rarely: Json, often: Json, recent: Json, elsewhere: Json, onList: Json;
  let e: Json;
  beforeAll(async () => {
    fresh = await person('جديدة', ['IQ-NA'], { gender: 'female' });
    rarely = await person('قليل الحضور', ['IQ-NA']);
    often = await person('كثير الحضور', ['IQ-NA']);
    recent = await person('مدعو مؤخرا', ['IQ-NA']);
    elsewhere = await person('من البصرة', ['IQ-BA']);
    onList = await person('على القائمة', ['IQ-NA']);
    await pastEvent(20, [rarely, often], 'attended');
    await pastEvent(18, [often], 'attended');
    await pastEvent(16, [often], 'attended');
    await pastEvent(1, [recent], 'invited');
    e = await created(t, '/api/events', {
      title: 'جلسة حوارية في النجف',
      type: 'dialogue_session',
      startsAt: '2026-09-01T08:00:00.000Z',
      endsAt: '2026-09-01T12:00:00.000Z',
      quotas: [{ dimension: 'governorate', value: 'IQ-NA', minCount: 5 }],
    });
    await created(t, `/api/events/${e.id}/invitations`, { contactIds: [onList.id] });
  });

  it('fills the short quota, preferring people not invited lately and new faces, with reasons', async () => {
    const s = await suggestions(e.id, '?limit=10&monthsWithoutInvitation=6');
    expect(s.unmetQuotas).toMatchObject([{ dimension: 'governorate', value: 'IQ-NA', count: 1, missing: 4, state: 'short' }]);
    expect(s.items.map((i: Json) => i.contact.id)).toEqual([fresh.id, rarely.id, often.id, recent.id]);
    expect(s.items[0].reasons).toEqual([
      { code: 'fills_quota', dimension: 'governorate', value: 'IQ-NA' },
      { code: 'never_invited' },
      { code: 'new_face', attended: 0 },
    ]);
    expect(s.items[1].reasons).toEqual([
      { code: 'fills_quota', dimension: 'governorate', value: 'IQ-NA' },
      { code: 'not_invited_recently', months: 6 },
      { code: 'new_face', attended: 1 },
    ]);
    expect(s.items[2].reasons).toEqual([
      { code: 'fills_quota', dimension: 'governorate', value: 'IQ-NA' },
      { code: 'not_invited_recently', months: 6 },
    ]);
    expect(s.items[3].reasons).toEqual([
      { code: 'fills_quota', dimension: 'governorate', value: 'IQ-NA' },
      { code: 'new_face', attended: 0 },
    ]);
    expect(s.items.some((i: Json) => i.contact.id === elsewhere.id)).toBe(false);
    const top = await suggestions(e.id, '?limit=2');
    expect(top.items.map((i: Json) => i.contact.id)).toEqual([fresh.id, rarely.id]);
  });

  it('leaves out dismissed contacts and stores the reasons of accepted ones', async () => {
    const dismissed = await t.request('staff', {
      method: 'POST',
      url: `/api/events/${e.id}/suggestions/dismiss`,
      payload: { contactIds: [rarely.id] },
    });
    expect(dismissed.statusCode).toBe(204);
    expect((await auditFor(t, e.id)).some((a) => a.action === 'dismiss')).toBe(true);
    const s = await suggestions(e.id);
    expect(s.items.map((i: Json) => i.contact.id)).toEqual([fresh.id, often.id, recent.id]);
    const accepted = await created(t, `/api/events/${e.id}/invitations`, {
      items: [{ contactId: fresh.id, suggestionReasons: s.items[0].reasons }],
    });
    expect(accepted.added[0]).toMatchObject({ status: 'proposed', suggestionReasons: s.items[0].reasons });
    expect((await suggestions(e.id)).items.map((i: Json) => i.contact.id)).toEqual([often.id, recent.id]);
    expectProblem(
      await t.request('viewer', { method: 'POST', url: `/api/events/${e.id}/suggestions/dismiss`, payload: { contactIds: [often.id] } }),
      403,
      'FORBIDDEN',
    );
  });

  it('spreads picks over several short quotas and never past a maximum', async () => {
    const anbar = [await person('أنباري', ['IQ-AN']), await person('أنباري', ['IQ-AN']), await person('أنباري', ['IQ-AN'])];
    const babil = [await person('بابلي', ['IQ-BB']), await person('بابلي', ['IQ-BB'])];
    const mixed = await created(t, '/api/events', {
      title: 'ورشة',
      type: 'workshop',
      startsAt: '2026-09-02T08:00:00.000Z',
      endsAt: '2026-09-02T12:00:00.000Z',
      quotas: [
        { dimension: 'governorate', value: 'IQ-AN', minCount: 2, maxCount: 2 },
        { dimension: 'governorate', value: 'IQ-BB', minCount: 1 },
      ],
    });
    const s = await suggestions(mixed.id, '?limit=10');
    const ids = s.items.map((i: Json) => i.contact.id);
    expect(ids).toHaveLength(3);
    expect(ids.filter((id: string) => anbar.some((a) => a.id === id))).toHaveLength(2);
    expect(ids.filter((id: string) => babil.some((b) => b.id === id))).toHaveLength(1);
  });

  it("suggests only contacts in a scoped user's governorates", async () => {
    const { token } = await t.addUser('staff', ['IQ-BA']);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/events/${e.id}/suggestions`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.json().items).toEqual([]);
  });
});
