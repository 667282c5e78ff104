import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/database.js';
import { createUserRecord } from '../../server/src/modules/users/users.service.js';
import { WEB_BUILD_DIR } from '../../server/src/web-build.js';
import { HAS_CHROMIUM, SCREENSHOT_DIR, SKIP_MESSAGE, launchBrowser } from '../helpers/browser.js';
import { createTestDatabase } from '../helpers/test-database.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

const EMAIL = 'coordinator@e2e.example.org';
const PASSWORD = 'a long e2e password';

describe.runIf(HAS_CHROMIUM)('the directory in a real browser', () => {
  let database: Database;
  let app: FastifyInstance;
  let browser: BrowserContext;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createUserRecord(database.db, null, { email: EMAIL, name: 'منسقة الاختبار', role: 'coordinator', password: PASSWORD });
    app = await buildApp({ db: database.db, jwtSecret: 'e2e-secret-that-is-long-enough-0123456789', webRoot: WEB_BUILD_DIR });
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.close();
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
    await page.fill('input[name="password"]', PASSWORD);
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
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await shot('06-english');
  });
});
