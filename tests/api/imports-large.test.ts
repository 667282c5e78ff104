import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { type Json } from '../helpers/api-requests.js';
import { multipart, syntheticCsv, toCsv, utf8 } from '../fixtures/imports/import-files.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function uploadAndPreview(fileName: string, bytes: Buffer): Promise<{ id: string; preview: Json }> {
  const up = await t.request('staff', { method: 'POST', url: '/api/imports', ...multipart(fileName, bytes) });
  expect(up.statusCode, up.body).toBe(201);
  const { id, guessedMapping } = up.json();
  const preview = await t.request('staff', { method: 'POST', url: `/api/imports/${id}/preview`, payload: { mapping: guessedMapping } });
  expect(preview.statusCode, preview.body).toBe(200);
  return { id, preview: preview.json() };
}
const contactCount = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM contact`.execute(t.database.db)).rows[0].n);

describe('large imports', () => {
  it('stops at a failing batch with the earlier batches applied, and resumes where it stopped', async () => {
    const rows = [['Name', 'Governorate', 'Phone']];
    for (let i = 0; i < 700; i++)
      rows.push([
        `مشارك رقم ${i} ${i % 2 ? 'البغدادي' : 'الانباري'}`,
        i % 2 ? 'بغداد' : 'الأنبار',
        `0770${String(3000000 + i).padStart(7, '0')}`,
      ]);
    rows[601][0] = 'صف يفشل';
    const { id, preview } = await uploadAndPreview('resume.csv', utf8(toCsv(rows)));
    expect(preview.counts).toMatchObject({ create: 700 });
    const before = await contactCount();
    await sql`CREATE FUNCTION fail_import_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.name = 'صف يفشل' THEN RAISE EXCEPTION 'simulated failure'; END IF; RETURN NEW; END $$`.execute(t.database.db);
    await sql`CREATE TRIGGER fail_import_row BEFORE INSERT ON contact FOR EACH ROW EXECUTE FUNCTION fail_import_row()`.execute(
      t.database.db,
    );

    const failed = await t.request('staff', { method: 'POST', url: `/api/imports/${id}/commit`, payload: {} });
    expect(failed.statusCode, failed.body).toBe(200);
    expect(failed.json()).toMatchObject({ status: 'failed', progress: { processed: 500, total: 700 } });
    expect(failed.json().error).toContain('Rows 502–701');
    expect(await contactCount()).toBe(before + 500);
    const pending = (await t.request('staff', { method: 'GET', url: `/api/imports/${id}/rows?limit=200&offset=500` })).json().items;
    expect(pending.every((r: Json) => r.action === null)).toBe(true);

    await sql`DROP TRIGGER fail_import_row ON contact`.execute(t.database.db);
    const resumed = await t.request('staff', { method: 'POST', url: `/api/imports/${id}/commit`, payload: {} });
    expect(resumed.json()).toMatchObject({ status: 'committed', progress: { processed: 700, total: 700 }, result: { created: 700 } });
    expect(await contactCount()).toBe(before + 700);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).execute();
    expect(audit).toEqual([{ action: 'import' }]);
  });

  it('previews and commits a generated 10,000-row file, with progress readable while it runs', async () => {
    const { id, preview } = await uploadAndPreview('synthetic-10k.csv', syntheticCsv(10_000, 7));
    const counts = preview.counts;
    expect(counts.create + counts.update + counts.duplicate + counts.invalid).toBe(10_000);
    expect(counts.invalid).toBe(0);
    expect(counts.create).toBeGreaterThan(9_000);

    const before = await contactCount();
    const commit = t.request('staff', { method: 'POST', url: `/api/imports/${id}/commit`, payload: {} });
    const seen: number[] = [];
    let done = false;
    void commit.then(() => (done = true));
    while (!done) {
      const progress = (await t.request('staff', { method: 'GET', url: `/api/imports/${id}` })).json().progress;
      seen.push(progress.processed);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const result = (await commit).json();
    expect(result).toMatchObject({ status: 'committed', progress: { processed: 10_000, total: 10_000 } });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(result.result.created).toBe(counts.create);
    expect(result.result.skipped).toBe(counts.duplicate);
    // Organisation kinds and subtypes came through the Type and Subtype columns.
    expect(await contactCount()).toBe(before + counts.create);
  }, 180_000);
});
