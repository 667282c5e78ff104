import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { expectProblem } from '../helpers/api-requests.js';

/** Each user's own display preferences (the contacts table's columns), kept on the server across browsers. */

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const put = (role: 'staff' | 'viewer' | 'admin', payload: Record<string, unknown>) =>
  t.request(role, { method: 'PUT', url: '/api/me/preferences', payload });

describe('user preferences', () => {
  it('starts with the defaults and keeps what each user saves, apart from everyone else', async () => {
    const fresh = await t.request('viewer', { method: 'GET', url: '/api/me/preferences' });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json()).toEqual({ contactColumns: null, contactCustomColumns: [] });

    const saved = await put('viewer', { contactColumns: ['name', 'phone', 'tags'] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ contactColumns: ['name', 'phone', 'tags'], contactCustomColumns: [] });

    // Saving one preference leaves the other as it was.
    expect((await put('viewer', { contactCustomColumns: ['sector'] })).json()).toEqual({
      contactColumns: ['name', 'phone', 'tags'],
      contactCustomColumns: ['sector'],
    });
    expect((await t.request('viewer', { method: 'GET', url: '/api/me/preferences' })).json().contactColumns).toEqual([
      'name',
      'phone',
      'tags',
    ]);
    expect((await t.request('staff', { method: 'GET', url: '/api/me/preferences' })).json().contactColumns).toBeNull();

    // Back to the default set.
    expect((await put('viewer', { contactColumns: null })).json().contactColumns).toBeNull();
  });

  it('refuses unknown columns, repeated ones, bad keys and an empty change, changing nothing', async () => {
    await put('staff', { contactColumns: ['name', 'email'] });
    for (const payload of [
      { contactColumns: ['name', 'salary'] },
      { contactColumns: ['name', 'name'] },
      { contactCustomColumns: ['Not A Key'] },
      { theme: 'dark' },
      {},
    ]) {
      expectProblem(await put('staff', payload), 400, 'VALIDATION_FAILED');
    }
    expect((await t.request('staff', { method: 'GET', url: '/api/me/preferences' })).json().contactColumns).toEqual(['name', 'email']);
  });

  it('needs a signed-in user', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/me/preferences' }), 401, 'UNAUTHORIZED');
    expectProblem(
      await t.app.inject({ method: 'PUT', url: '/api/me/preferences', payload: { contactColumns: null } }),
      401,
      'UNAUTHORIZED',
    );
  });
});
