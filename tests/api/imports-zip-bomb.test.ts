import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { expectProblem } from '../helpers/api-requests.js';
import { multipart } from '../fixtures/imports/import-files.js';
import { xlsxBombWithFalsifiedSizes, xlsxDeclaringMoreThanItHolds, xlsxRewritten } from '../fixtures/imports/zip-bomb.js';

const MB = 1024 * 1024;

let t: TestApp;
let bomb: Buffer;
beforeAll(async () => {
  t = await createTestApp();
  bomb = await xlsxBombWithFalsifiedSizes(300 * MB);
});
afterAll(() => t.close());

const upload = (fileName: string, bytes: Buffer) =>
  t.request('staff', { method: 'POST', url: '/api/imports', ...multipart(fileName, bytes) });

describe('a workbook whose zip directory lies about its sizes', () => {
  it('is a small upload that really unpacks to 300 MB', () => {
    expect(bomb.length).toBeLessThan(400 * 1024);
  });

  it('is refused with 413 IMPORT_TOO_LARGE before it is unpacked, and memory does not jump', async () => {
    const before = process.memoryUsage();
    const res = await upload('bomb.xlsx', bomb);
    const after = process.memoryUsage();
    expectProblem(res, 413, 'IMPORT_TOO_LARGE');
    expect(res.headers['content-type']).toContain('application/problem+json');
    // Unpacking it costs ~300 MB and more; the check stops within a chunk of the declared size.
    expect(after.rss - before.rss).toBeLessThan(100 * MB);
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(100 * MB);
  });

  it('eight in parallel are all refused, and memory stays flat', async () => {
    const before = process.memoryUsage();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => upload(`bomb-${i}.xlsx`, bomb)));
    const after = process.memoryUsage();
    for (const res of results) {
      expect([413, 429]).toContain(res.statusCode);
      expect(res.json().code).toBe(res.statusCode === 413 ? 'IMPORT_TOO_LARGE' : 'IMPORTS_BUSY');
      if (res.statusCode === 429) expect(res.headers['retry-after']).toBeDefined();
    }
    expect(results.filter((r) => r.statusCode === 413).length).toBeGreaterThan(0);
    expect(after.rss - before.rss).toBeLessThan(200 * MB);
  });

  it('declaring more than it holds is a corrupt workbook (415), and honest archives still read', async () => {
    expectProblem(await upload('short.xlsx', await xlsxDeclaringMoreThanItHolds()), 415, 'IMPORT_UNSUPPORTED_FORMAT');
    const ok = await upload('rewritten.xlsx', await xlsxRewritten());
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ format: 'xlsx', rowCount: 4 });
  });
});
