import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, SCREENSHOT_DIR, SKIP_MESSAGE } from '../helpers/browser.js';
import { startE2eApp, type E2eApp } from '../helpers/e2e-app.js';
import { buildProgrammeFixture, type ProgrammeFixture } from '../helpers/programme-fixture.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

const STAFF = 'staff@programme-report.example.org';

/**
 * The donor report page (issue 16, item 3) on the hand-built programme of tests/helpers/programme-fixture.ts: the
 * figures, a figure followed to the people behind it, and the A4 print in Arabic (right to left), saved as PDF and as
 * a PNG of its first page (test-output/e2e/programme-report-print-1.png) to look at.
 */
describe.runIf(HAS_CHROMIUM)('donor report page', () => {
  let e2e: E2eApp;
  let page: Page;
  let f: ProgrammeFixture;

  beforeAll(async () => {
    e2e = await startE2eApp([{ email: STAFF, name: 'موظفة البرنامج', role: 'staff' }]);
    page = e2e.page;
    const authorization = `Bearer ${await e2e.tokenFor(STAFF)}`;
    f = await buildProgrammeFixture({
      database: e2e.database,
      request: (_as, options: InjectOptions) => e2e.app.inject({ ...options, headers: { ...options.headers, authorization } }),
    });
    await e2e.signIn(STAFF);
  });
  afterAll(() => e2e?.close());

  const reportUrl = () => `${e2e.baseUrl}/programmes/${f.programmeId}/report?from=2026-03-01&to=2026-06-30`;

  it('shows the figures, each a link to the people behind it', async () => {
    await page.evaluate(() => localStorage.setItem('language', 'en'));
    await page.goto(reportUrl());
    await page.locator('[data-figure="reached"]').waitFor();
    expect(await page.locator('[data-figure="reached"]').textContent()).toBe('5');
    expect(await page.locator('[data-report="scope"]').textContent()).toContain('every governorate');
    const total = page.locator('[data-table="attendance"] tr[data-row="total"] td');
    expect(await total.allTextContents()).toEqual(['2', '1', '1', '4', '6']);
    expect(await page.locator('[data-table="events"] tbody tr').count()).toBe(3);

    await page.locator('[data-figure="new-activists"]').click();
    await page.waitForURL(/\/report\/people\?.*newActivists=true/);
    await page.locator('[data-table="people"] tbody tr').first().waitFor();
    expect(await page.locator('[data-table="people"] tbody th').allTextContents()).toEqual(['ئاری کەریم', 'زينب علي']);
  });

  it('prints on A4, right to left in Arabic, without the toolbar', async () => {
    await page.evaluate(() => localStorage.setItem('language', 'ar'));
    await page.goto(reportUrl());
    await page.locator('[data-figure="reached"]').waitFor();
    expect(await page.locator('article.report').getAttribute('dir')).toBe('rtl');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.report-toolbar').isVisible()).toBe(false);
    const pdf = path.join(SCREENSHOT_DIR, 'programme-report-print.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    // pdftoppm (poppler-utils) renders the first page, for a person to look at.
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(SCREENSHOT_DIR, 'programme-report-print')]);
    expect(existsSync(path.join(SCREENSHOT_DIR, 'programme-report-print-1.png'))).toBe(true);
  });
});
