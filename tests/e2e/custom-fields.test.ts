import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, SKIP_MESSAGE } from '../helpers/browser.js';
import { startE2eApp, type E2eApp } from '../helpers/e2e-app.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

/**
 * Issue 13, item 5 in the browser: an administrator defines a choice field, a coordinator fills it on a contact, sees
 * it on the contact page and filters the table by it. Screenshots at 1280 and 390 px in test-output/custom-fields/.
 */
const ADMIN = 'fields-admin@e2e.example.org';
const COORDINATOR = 'fields-coordinator@e2e.example.org';
const SHOTS = path.resolve('test-output/custom-fields');

describe.runIf(HAS_CHROMIUM)('custom fields', () => {
  let e2e: E2eApp;
  let page: Page;
  let baseUrl: string;
  let contactId: string;
  const shots = async (name: string) => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 1280 ? 900 : 844 });
      await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };
  const rowNames = () => page.locator('.contacts-table tbody .contact-name').allTextContents();

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e2e = await startE2eApp([
      { email: ADMIN, name: 'مديرة الحقول', role: 'admin' },
      { email: COORDINATOR, name: 'منسق الحقول', role: 'coordinator' },
    ]);
    ({ page, baseUrl } = e2e);
    const headers = { authorization: `Bearer ${await e2e.tokenFor(COORDINATOR)}` };
    for (const name of ['سلمى حداد', 'مراد يونس']) {
      const res = await e2e.app.inject({
        method: 'POST',
        url: '/api/contacts',
        headers,
        payload: { kind: 'activist', name, governorates: ['IQ-BG'] },
      });
      expect(res.statusCode, res.body).toBe(201);
      if (name === 'سلمى حداد') contactId = res.json().id;
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });
  afterAll(() => e2e?.close());

  it('lets an administrator define a choice field with Arabic and English options', async () => {
    await e2e.signIn(ADMIN);
    await page.goto(`${baseUrl}/admin/custom-fields`);
    await page.getByRole('button', { name: 'إضافة حقل' }).first().click();
    await page.fill('#field-key', 'sector');
    await page.selectOption('#field-type', 'choice');
    await page.fill('#field-labelAr', 'القطاع');
    await page.fill('#field-labelEn', 'Sector');
    const options = [
      ['health', 'الصحة', 'Health'],
      ['education', 'التعليم', 'Education'],
    ];
    for (const [i, [value, ar, en]] of options.entries()) {
      await page.getByRole('button', { name: 'إضافة خيار' }).click();
      await page.fill(`#field-options-${i}-value`, value);
      await page.fill(`#field-options-${i}-labelAr`, ar);
      await page.fill(`#field-options-${i}-labelEn`, en);
    }
    await page.getByRole('button', { name: 'حفظ الحقل' }).click();
    await page.locator('tr[data-field="sector"]').waitFor();
    expect(await page.locator('tr[data-field="sector"]').textContent()).toContain('اختيار واحد من قائمة');
    await shots('admin-fields');
    await e2e.browser.clearCookies();
  });

  it('lets a coordinator fill it on a contact and see it on the contact page', async () => {
    await e2e.signIn(COORDINATOR);
    await page.goto(`${baseUrl}/contacts/${contactId}/edit`);
    await page.locator('#field-customValues-sector').waitFor();
    await page.selectOption('#field-customValues-sector', 'health');
    await shots('contact-form');
    await page.getByRole('button', { name: 'حفظ', exact: true }).click();
    await page.waitForURL(new RegExp(`/contacts/${contactId}$`));
    await expect.poll(() => page.locator('dd[data-custom-field="sector"]').textContent()).toContain('الصحة');
    // The history names the field by its label and the option by its name.
    await page.locator('[data-testid="history"] summary').click();
    const change = page.locator('[data-testid="history"] .fields li', { hasText: 'القطاع' });
    await expect.poll(() => change.first().textContent()).toContain('الصحة');
    await shots('contact-page');
  });

  it('filters the table by the field and shows it as a column', async () => {
    await page.goto(`${baseUrl}/contacts`);
    await page.locator('.contacts-table').waitFor();
    expect((await rowNames()).sort()).toEqual(['سلمى حداد', 'مراد يونس'].sort());
    await page.locator('.custom-filters summary').click();
    await page.locator('[data-custom-filter="sector"] input[value="health"]').check();
    await page.waitForURL(/custom=sector/);
    await expect.poll(rowNames).toEqual(['سلمى حداد']);

    await page.locator('.column-picker summary').click();
    await page.locator('input[name="column"][value="cf:sector"]').check();
    await page.locator('th[data-column="cf:sector"]').waitFor();
    await page.locator('.column-picker summary').click();
    expect(await page.locator('td[data-column="cf:sector"]').first().textContent()).toContain('الصحة');
    await shots('contacts-filtered');

    // The filter lives in the URL: a reload keeps it.
    await page.reload();
    await expect.poll(rowNames).toEqual(['سلمى حداد']);
  });
});
