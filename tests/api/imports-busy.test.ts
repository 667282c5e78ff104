import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { expectProblem } from '../helpers/api-requests.js';
import { multipart, toCsv, utf8 } from '../fixtures/imports/import-files.js';
import { importSlots, type ReleaseImportSlot } from '../../server/src/modules/imports/import-slots.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Slots held on behalf of other imports, as if they were running; given back after each test. */
const held: ReleaseImportSlot[] = [];
async function hold(userId: string, count: number) {
  for (let i = 0; i < count; i++) {
    const release = await importSlots.tryAcquire(userId);
    if (!release) throw new Error(`no slot free for ${userId}`);
    held.push(release);
  }
}
afterEach(async () => {
  for (const release of held.splice(0)) await release();
});

const csv = () =>
  utf8(
    toCsv([
      ['Name', 'Governorate'],
      ['سارة محمود', 'بغداد'],
    ]),
  );
const upload = () => t.request('staff', { method: 'POST', url: '/api/imports', ...multipart('a.csv', csv()) });

function expectBusy(res: Awaited<ReturnType<typeof upload>>) {
  expectProblem(res, 429, 'IMPORTS_BUSY');
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

describe('concurrent imports', () => {
  it('answers 429 IMPORTS_BUSY with Retry-After when the account already runs two imports, and reads the file once one ends', async () => {
    await hold(t.users.staff.id, 2);
    expectBusy(await upload());
    await held.pop()!();
    const res = await upload();
    expect(res.statusCode, res.body).toBe(201);
    expect(importSlots.inUse(t.users.staff.id)).toBe(1); // the upload gave its slot back
  });

  it('answers 429 when the server runs four imports of other accounts, for preview and commit too', async () => {
    const up = await upload();
    expect(up.statusCode, up.body).toBe(201);
    const { id, guessedMapping } = up.json();
    await hold('other-account-1', 2);
    await hold('other-account-2', 2);
    expectBusy(await upload());
    expectBusy(await t.request('staff', { method: 'POST', url: `/api/imports/${id}/preview`, payload: { mapping: guessedMapping } }));
    expectBusy(await t.request('staff', { method: 'POST', url: `/api/imports/${id}/commit`, payload: {} }));
    // Reading an import is not limited.
    expect((await t.request('staff', { method: 'GET', url: `/api/imports/${id}` })).statusCode).toBe(200);
    await held.pop()!();
    const preview = await t.request('staff', { method: 'POST', url: `/api/imports/${id}/preview`, payload: { mapping: guessedMapping } });
    expect(preview.statusCode, preview.body).toBe(200);
    const commit = await t.request('staff', { method: 'POST', url: `/api/imports/${id}/commit`, payload: {} });
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json()).toMatchObject({ status: 'committed' });
  });

  it('gives the slot back when the import fails', async () => {
    const bad = await t.request('staff', { method: 'POST', url: '/api/imports', ...multipart('empty.csv', utf8('Name\n')) });
    expectProblem(bad, 400, 'IMPORT_EMPTY');
    const badPreview = await t.request('staff', {
      method: 'POST',
      url: '/api/imports/00000000-0000-4000-8000-000000000000/preview',
      payload: { mapping: ['name'] },
    });
    expect(badPreview.statusCode).toBe(404);
    expect(importSlots.inUse()).toBe(0);
  });

  it('answers parallel uploads of one account with 201 or 429, and holds no slot afterwards', async () => {
    const results = await Promise.all(Array.from({ length: 4 }, () => upload()));
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses.every((s) => s === 201 || s === 429)).toBe(true);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(importSlots.inUse()).toBe(0);
  });
});
