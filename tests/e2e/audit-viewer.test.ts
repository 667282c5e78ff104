import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, SCREENSHOT_DIR, SKIP_MESSAGE } from '../helpers/browser.js';
import { startE2eApp, type E2eApp } from '../helpers/e2e-app.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

/**
 * Issue 12, item 2 in the browser: an administrator opens the audit log from the header, sees a staff member's
 * repeated failed sign-ins flagged, filters to exports (the filter lands in the URL), loads more, reads it in English
 * and on a phone, and on a restricted contact's page sees who viewed or exported it.
 */
const ADMIN = 'admin@audit.e2e.example.org';
const STAFF = 'staff@audit.e2e.example.org';
const shot = (name: string) => path.join(SCREENSHOT_DIR, `audit-${name}.png`);

describe.runIf(HAS_CHROMIUM)('audit viewer', () => {
  let e2e: E2eApp;
  let contactId: string;
  beforeAll(async () => {
    e2e = await startE2eApp([
      { email: ADMIN, name: 'مديرة النظام', role: 'admin' },
      { email: STAFF, name: 'موظف الميدان', role: 'staff' },
    ]);
    const api = async (email: string, method: 'GET' | 'POST', url: string, payload?: object) => {
      const res = await e2e.app.inject({ method, url, payload, headers: { authorization: `Bearer ${await e2e.tokenFor(email)}` } });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res;
    };
    const contact = await api(ADMIN, 'POST', '/api/contacts', {
      kind: 'activist',
      name: 'زينب المحمية',
      governorates: ['IQ-BA'],
      sensitivity: 'restricted',
      phones: ['07801234567'],
    });
    contactId = contact.json().id;
    await api(STAFF, 'GET', `/api/contacts/${contactId}`);
    await api(STAFF, 'GET', '/api/contacts/export?format=xlsx&governorate=IQ-BA');
    for (let i = 0; i < 5; i++) {
      await e2e.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: STAFF, password: 'not the password' } });
    }
    // Enough older entries for a second page.
    await e2e.database.db
      .insertInto('audit_log')
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          at: new Date(Date.now() - (i + 1) * 3_600_000),
          user_id: null,
          action: 'update',
          entity_type: 'settings',
          entity_id: null,
        })),
      )
      .execute();
    await e2e.signIn(ADMIN);
  });
  afterAll(() => e2e?.close());

  it('shows the log and what needs a look, in Arabic, at 1280 and 390 px', async () => {
    const { page } = e2e;
    await page.getByRole('link', { name: 'سجل التدقيق' }).click();
    await page.waitForURL(/\/admin\/audit$/);
    const flags = page.getByTestId('needs-a-look');
    await flags.getByText('5 محاولات دخول فاشلة', { exact: true }).waitFor();
    await expect(flags.getByText('موظف الميدان').count()).resolves.toBe(1);
    await page.getByTestId('audit-entries').getByText('زينب المحمية').first().waitFor();
    await page.setViewportSize({ width: 1280, height: 1100 });
    await page.screenshot({ path: shot('ar-1280') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: shot('ar-390') });
    await page.getByTestId('audit-entries').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('ar-390-entries') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('filters to exports with the filter in the URL, and shows the export rows and filters', async () => {
    const { page } = e2e;
    await page.selectOption('#audit-action', 'export');
    await page.waitForURL(/action=export/);
    const rows = page.getByTestId('audit-entries').locator('tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await rows.first().getByText('governorate=IQ-BA').waitFor();
    await rows.first().getByText('الصيغة \u2068xlsx\u2069').waitFor();
    await page.goto(`${e2e.baseUrl}/admin/audit?action=merge`);
    await page.getByText('لا توجد قيود تطابق هذه المرشحات.').waitFor();
    await page.getByRole('link', { name: 'مسح المرشحات' }).click();
    await page.waitForURL(/\/admin\/audit$/);
  });

  it('loads more entries below the first page', async () => {
    const { page } = e2e;
    const rows = page.getByTestId('audit-entries').locator('tbody tr');
    await expect(rows.count()).resolves.toBe(50);
    await page.getByRole('button', { name: 'تحميل المزيد' }).click();
    await page.getByText('نهاية السجل لهذه المرشحات.').waitFor();
    expect(await rows.count()).toBeGreaterThan(60);
  });

  it('reads in English, at 1280 and 390 px', async () => {
    const { page } = e2e;
    await page.getByRole('combobox', { name: 'لغة الواجهة' }).selectOption('en');
    await page.getByRole('heading', { name: 'Needs a look' }).waitFor();
    await page.getByText('5 failed sign-ins', { exact: true }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.setViewportSize({ width: 1280, height: 1100 });
    await page.screenshot({ path: shot('en-1280') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: shot('en-390') });
    await page.getByTestId('audit-entries').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('en-390-entries') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('ar');
  });

  it("lists who viewed or exported a restricted contact on the contact's page", async () => {
    const { page } = e2e;
    await page.goto(`${e2e.baseUrl}/contacts/${contactId}`);
    const section = page.getByTestId('contact-access-log');
    await section.getByText('موظف الميدان').first().waitFor();
    await section.locator('li').nth(2).waitFor();
    const lines = await section.locator('li').allInnerTexts();
    expect(lines, lines.join('\n')).toHaveLength(3);
    expect(
      lines.filter((line) => line.includes('صدّر') && line.includes('xlsx')),
      lines.join('\n'),
    ).toHaveLength(1);
    await page.setViewportSize({ width: 390, height: 844 });
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('contact-ar-390') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
