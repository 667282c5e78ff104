import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { HAS_CHROMIUM, SCREENSHOT_DIR, SKIP_MESSAGE } from '../helpers/browser.js';
import { E2E_PASSWORD, startE2eApp, type E2eApp } from '../helpers/e2e-app.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

const EMAIL = 'coordinator@e2e.example.org';

describe.runIf(HAS_CHROMIUM)('the directory in a real browser', () => {
  let database: Database;
  let app: FastifyInstance;
  let e2e: E2eApp;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    e2e = await startE2eApp([{ email: EMAIL, name: 'منسقة الاختبار', role: 'coordinator' }]);
    ({ database, app, page, baseUrl } = e2e);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

  it('signs in, in Arabic and right-to-left by default', async () => {
    await page.goto(`${baseUrl}/contacts`);
    await page.waitForURL(/\/login/);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    await page.fill('input[name="email"]', EMAIL);
    await page.fill('input[name="password"]', 'wrong password!');
    await page.click('button[type="submit"]');
    await expect.poll(() => page.locator('[role="alert"]').count()).toBeGreaterThan(0);
    await page.fill('input[name="password"]', E2E_PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/contacts/);
    await page.getByText('منسقة الاختبار').first().waitFor();
    await shot('01-empty-directory');
  });

  it('adds a contact in Arabic, shows field errors first, then finds it in the list', async () => {
    await page.goto(`${baseUrl}/contacts/new`);
    await page.locator('select[name="kind"]').selectOption('activist');
    await page.fill('input[name="name"]', 'زينب حسن الربيعي');
    await page.click('button[type="submit"]');
    await expect.poll(() => page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    await shot('02-form-validation');

    await page.check('input[name="governorates"][value="IQ-NA"]');
    await page.locator('input[name="phones"]').first().fill('٠٧٧٠ ١٢٣ ٤٥٦٧');
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    await page.getByText('+964 770 123 4567').first().waitFor();
    await shot('03-contact-page');

    await page.goto(`${baseUrl}/contacts`);
    await page.fill('input[name="q"]', 'الربيعي');
    await page.waitForURL(/q=/);
    await page.getByRole('link', { name: 'زينب حسن الربيعي' }).waitFor();
    await shot('04-list-search');
    const stored = await database.db.selectFrom('contact').select(['name', 'phones']).executeTakeFirstOrThrow();
    expect(stored).toEqual({ name: 'زينب حسن الربيعي', phones: ['+9647701234567'] });
  });

  it('finds a contact from anywhere with Ctrl-K, despite a misspelling, highlighted, and opens it with Enter', async () => {
    await page.goto(`${baseUrl}/contacts`);
    // The shortcut is bound when the app shell mounts, which the quick-search box marks.
    await page.locator('input[name="quick-search"]').waitFor();
    await page.getByRole('link', { name: 'زينب حسن الربيعي' }).waitFor();
    await page.keyboard.press('Control+k');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('quick-search');
    await page.keyboard.type('زينب الربيعى');
    const option = page.getByRole('option').filter({ hasText: 'زينب حسن الربيعي' }).first();
    await option.waitFor();
    expect(await option.locator('mark').allTextContents()).toEqual(['زينب', 'الربيعي']);
    await shot('05-quick-search');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
  });

  it('switches to English, left-to-right', async () => {
    await page.getByRole('combobox', { name: 'لغة الواجهة' }).selectOption('en');
    await expect.poll(() => page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await shot('06-english');
  });

  it('follows a dashboard bar of new contacts to the contacts added that month, shown by a removable chip', async () => {
    const added = await app.inject({
      method: 'POST',
      url: '/api/contacts',
      headers: { authorization: `Bearer ${await e2e.tokenFor(EMAIL)}` },
      payload: { kind: 'activist', name: 'نور عادل الجبوري', governorates: ['IQ-BG'] },
    });
    expect(added.statusCode, added.body).toBe(201);
    const lastMonth = sql`date_trunc('month', now() AT TIME ZONE 'UTC') - interval '1 month'`;
    await database.db
      .updateTable('contact')
      .set({ created_at: sql`(${lastMonth} + interval '14 days') AT TIME ZONE 'UTC'` })
      .where('id', '=', added.json().id as string)
      .execute();
    const { rows } = await sql<{ month: string; last: string }>`SELECT to_char(${lastMonth}, 'YYYY-MM') AS month,
      to_char(${lastMonth} + interval '1 month' - interval '1 day', 'YYYY-MM-DD') AS last`.execute(database.db);
    const { month, last } = rows[0];

    await page.goto(`${baseUrl}/dashboard`);
    const bar = page.locator(`[data-chart="new-per-month"] [data-key="${month}"]`);
    await expect.poll(() => bar.getAttribute('data-value')).toBe('1');
    expect(await bar.getAttribute('href')).toBe(`/contacts?createdFrom=${month}-01&createdTo=${last}`);
    await bar.click();
    await page.waitForURL(/\/contacts\?createdFrom=/);
    const listed = page.locator('table.contacts-table tbody tr');
    await expect.poll(() => listed.count()).toBe(1);
    expect(await listed.first().textContent()).toContain('نور عادل الجبوري');
    const chip = page.locator('[data-filter="created"]');
    expect(await chip.textContent()).toContain('Added between');
    await shot('07-contacts-added-in-month');

    await chip.getByRole('button', { name: 'Remove the date-added filter' }).click();
    await page.waitForURL(/\/contacts$/);
    await expect.poll(() => listed.count()).toBe(2);
    expect(await chip.count()).toBe(0);
  });
});
