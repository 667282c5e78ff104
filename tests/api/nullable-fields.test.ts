import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nullFirst } from '../../server/src/http/null-first.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created } from '../helpers/api-requests.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('null in a nullable field stays null despite type coercion', () => {
  it('keeps an open upper bound of a quota open instead of turning it into 0', async () => {
    const event = await created(t, '/api/events', {
      title: 'جلسة حوارية',
      type: 'dialogue_session',
      startsAt: '2026-12-10T09:00:00.000Z',
      endsAt: '2026-12-10T13:00:00.000Z',
      quotas: [{ dimension: 'kind', value: 'activist', minCount: 2, maxCount: null, minShare: null }],
    });
    expect(event.quotas).toEqual([{ dimension: 'kind', value: 'activist', minCount: 2, maxCount: null, minShare: null }]);
  });

  it('moves null branches first at every depth without touching the original schema', () => {
    const schema = { type: 'object', properties: { a: { anyOf: [{ type: 'string' }, { type: 'null' }] } } };
    expect(nullFirst(schema).properties.a.anyOf).toEqual([{ type: 'null' }, { type: 'string' }]);
    expect(schema.properties.a.anyOf[0]).toEqual({ type: 'string' });
  });
});
