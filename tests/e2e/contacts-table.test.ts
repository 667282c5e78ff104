import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, SKIP_MESSAGE } from '../helpers/browser.js';
import { startE2eApp, type E2eApp } from '../helpers/e2e-app.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

/**
 * Issue 13, items 1 and 2 in the browser: a coordinator adds a column, sorts by a header, filters by a tag, selects
 * all matching, saves the filters as a segment, and a reload keeps all of it.
 */
const EMAIL = 'table@e2e.example.org';
const SHOTS = path.resolve('test-output/contacts-table');

describe.runIf(HAS_CHROMIUM)('the contacts table', () => {
  let e2e: E2eApp;
  let app: FastifyInstance;
  let page: Page;
  let baseUrl: string;
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const rowNames = () => page.locator('.contacts-table tbody .contact-name').allTextContents();

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e2e = await startE2eApp([{ email: EMAIL, name: 'منسقة الجدول', role: 'coordinator' }]);
    ({ app, page, baseUrl } = e2e);
    const headers = { authorization: `Bearer ${await e2e.tokenFor(EMAIL)}` };
    const call = async (url: string, payload: Record<string, unknown>) => {
      const res = await app.inject({ method: 'POST', url, headers, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    const ngo = await call('/api/contacts', {
      kind: 'organization',
      subtype: 'local_ngo',
      name: 'منظمة شباب الأنبار',
      governorates: ['IQ-AN'],
      tags: ['شباب'],
    });
    const people = [
      { name: 'آمنة سعد', nameLatin: 'Amna Saad', governorates: ['IQ-AN'], tags: ['شباب', 'نساء'], phones: ['07701230011'] },
      { name: 'بشير ناصر', nameLatin: 'Bashir Nasser', governorates: ['IQ-AN'], tags: ['شباب'], phones: ['07701230012'] },
      { name: 'جنان كريم', governorates: ['IQ-BG'], tags: ['نساء'], emails: ['janan@example.org'] },
      { name: 'داود سليم', nameLatin: 'Dawood Salim', governorates: ['IQ-BA'], tags: [] },
    ];
    const ids: string[] = [];
    for (const person of people) ids.push((await call('/api/contacts', { kind: 'activist', ...person })).id);
    await call('/api/positions', { personId: ids[0], organizationId: ngo.id, title: 'منسقة المشاريع' });
    await call('/api/interactions', { kind: 'meeting', occurredOn: '2026-10-01', summary: 'لقاء تعارف', contactIds: [ids[0], ids[1]] });
    await e2e.signIn(EMAIL);
  });
  afterAll(() => e2e?.close());

  it('adds a column, sorts by clicking its header, filters by a tag', async () => {
    await page.goto(`${baseUrl}/contacts`);
    await page.locator('.contacts-table').waitFor();
    await page.locator('.column-picker summary').click();
    await page.locator('input[name="column"][value="tags"]').check();
    await page.locator('th[data-column="tags"]').waitFor();
    // The choice is the user's, on the server: a browser that has never seen it (storage cleared) shows it too.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.locator('th[data-column="tags"]').waitFor();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('contacts.')))).toEqual([]);
    expect(await page.locator('th[data-column="name"]').getAttribute('aria-sort')).toBe('ascending');

    await page.locator('th[data-column="name"] button').click();
    await page.waitForURL(/sort=-name/);
    await expect.poll(() => page.locator('th[data-column="name"]').getAttribute('aria-sort')).toBe('descending');
    expect((await rowNames())[0]).toBe('منظمة شباب الأنبار');

    await page.fill('#contacts-tags', 'شباب');
    await page.press('#contacts-tags', 'Enter');
    await page.waitForURL(/tags=/);
    await expect.poll(rowNames).toEqual(['منظمة شباب الأنبار', 'بشير ناصر', 'آمنة سعد']);
    expect(await page.locator('td[data-column="organization"]').first().textContent()).toBe('');
    await expect.poll(() => page.locator('td[data-column="organization"]').nth(2).textContent()).toContain('منسقة المشاريع');
  });

  it('selects rows, then every contact matching', async () => {
    await page.getByLabel('تحديد بشير ناصر').check();
    await page.locator('.selection-bar').getByText('محدد واحد').waitFor();
    await page.getByRole('button', { name: /تحديد كل المطابقين/ }).click();
    await expect.poll(() => page.locator('.selection-bar').getAttribute('data-selection')).toBe('all');
    expect(await page.getByLabel('تحديد آمنة سعد').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'إلغاء التحديد' }).click();
    expect(await page.locator('.selection-bar').count()).toBe(0);
  });

  it('saves the filters as a segment with its count, and a reload keeps columns, sort, filter and segment', async () => {
    await page.getByRole('button', { name: 'حفظ التصفية شريحة' }).click();
    await page.fill('#segment-name', 'شباب الأنبار');
    await page.getByRole('button', { name: 'حفظ', exact: true }).click();
    await page.waitForURL(/segment=/);
    const item = page.locator('[data-segment="شباب الأنبار"]');
    await item.waitFor();
    expect(await item.locator('.segment-count').textContent()).toBe('3');
    expect(await item.locator('a').getAttribute('aria-current')).toBe('page');

    await page.reload();
    await page.locator('.contacts-table').waitFor();
    await expect.poll(rowNames).toEqual(['منظمة شباب الأنبار', 'بشير ناصر', 'آمنة سعد']);
    expect(await page.locator('th[data-column="tags"]').count()).toBe(1);
    expect(await page.locator('th[data-column="name"]').getAttribute('aria-sort')).toBe('descending');
    expect(await page.inputValue('#contacts-tags')).toBe('شباب');
    expect(await page.locator('[data-segment="شباب الأنبار"] a').getAttribute('aria-current')).toBe('page');

    // From "all contacts" the segment's link brings its filters back.
    await page.getByRole('link', { name: 'كل جهات الاتصال' }).click();
    await expect.poll(async () => (await rowNames()).length).toBe(5);
    await page.locator('[data-segment="شباب الأنبار"] a').click();
    await expect.poll(async () => (await rowNames()).length).toBe(3);
  });

  it('looks right at 1280 and 390 px, in Arabic and English', async () => {
    await page.locator('.column-picker summary').click();
    await page.locator('input[name="column"][value="email"]').check();
    await page.locator('.column-picker summary').click();
    await page.locator('th[data-column="email"]').waitFor();
    await page.getByLabel('تحديد آمنة سعد').check();
    await shot('table-1280-ar');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('table-390-ar');
    await page.getByRole('combobox', { name: 'لغة الواجهة' }).selectOption('en');
    await page.getByRole('heading', { name: 'Saved segments' }).waitFor();
    await shot('table-390-en');
    await page.setViewportSize({ width: 1280, height: 800 });
    await shot('table-1280-en');
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('ar');
  });
});
