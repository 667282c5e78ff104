// Issue 15, item 6: adding one invitation takes a handful of round trips, not one per helper that reloads people.
// 15 statements before the DTO mapper took the people addInvitations had already read, 14 after.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created } from '../helpers/api-requests.js';
import { QueryCounter } from '../helpers/query-counter.js';

const counter = new QueryCounter();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ wrapDb: (db) => db.withPlugin(counter) });
});
afterAll(() => t.close());

it('adds one invitation in a handful of statements', async () => {
  const e = await created(t, '/api/events', {
    title: 'الجلسة الختامية',
    type: 'closing_session',
    startsAt: '2026-06-10T09:00:00.000Z',
    endsAt: '2026-06-10T15:00:00.000Z',
    quotas: [{ dimension: 'governorate', value: 'IQ-BG', minCount: 1 }],
  });
  const person = await created(t, '/api/contacts', { kind: 'activist', name: 'زينب علي', governorates: ['IQ-BG'], gender: 'female' });
  const statements = await counter.during(async () => {
    const res = await t.request('staff', { method: 'POST', url: `/api/events/${e.id}/invitations`, payload: { contactIds: [person.id] } });
    expect(res.statusCode, res.body).toBe(201);
  });
  console.log(`adding one invitation: ${statements} statements`);
  expect(statements).toBeLessThanOrEqual(14);
});
