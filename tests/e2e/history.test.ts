import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, SCREENSHOT_DIR, SKIP_MESSAGE } from '../helpers/browser.js';
import { startE2eApp, type E2eApp } from '../helpers/e2e-app.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

/**
 * Issue 12, item 1 in the browser: a contact's page shows what changed, who changed it and when, old → new, with
 * the position handed a new title; phones read left to right inside the Arabic text.
 */
const EMAIL = 'history@e2e.example.org';

describe.runIf(HAS_CHROMIUM)('change history', () => {
  let e2e: E2eApp;
  let contactId: string;
  const call = async (method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>) => {
    const res = await e2e.app.inject({ method, url, payload, headers: { authorization: `Bearer ${await e2e.tokenFor(EMAIL)}` } });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };

  beforeAll(async () => {
    e2e = await startE2eApp([{ email: EMAIL, name: 'منسقة بغداد', role: 'coordinator' }]);
    const person = await call('POST', '/api/contacts', {
      kind: 'government_focal_point',
      name: 'علي حسن الربيعي',
      nameLatin: 'Ali Hasan',
      governorates: ['IQ-BG'],
      phones: ['07701234567'],
    });
    contactId = person.id;
    await call('PATCH', `/api/contacts/${person.id}`, { version: person.version, phones: ['07809876543'], tags: ['شباب', 'حوار'] });
    const office = await call('POST', '/api/contacts', {
      kind: 'organization',
      subtype: 'government_body',
      name: 'مديرية شباب بغداد',
      governorates: ['IQ-BG'],
    });
    const position = await call('POST', '/api/positions', { personId: person.id, organizationId: office.id, title: 'مدير' });
    await call('PATCH', `/api/positions/${position.id}`, { version: position.version, title: 'معاون مدير' });
    await e2e.signIn(EMAIL);
  });
  afterAll(() => e2e?.close());

  it('opens the history on the contact page: newest first, old → new, who and when', async () => {
    const { page } = e2e;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${e2e.baseUrl}/contacts/${contactId}`);
    const panel = page.getByTestId('history');
    await panel.getByText('سجل التغييرات').click();
    const entries = panel.locator('.entry');
    await expect.poll(() => entries.count()).toBe(4);
    const first = await entries.nth(0).innerText();
    expect(first).toContain('منصب');
    expect(first).toContain('مدير');
    expect(first).toContain('معاون مدير');
    expect(first).toContain('منسقة بغداد');
    const phones = await entries.nth(2).innerText();
    expect(phones).toContain('+964 770 123 4567');
    expect(phones).toContain('+964 780 987 6543');
    expect(await entries.nth(2).locator('bdi.new[dir="ltr"]').first().innerText()).toBe('+964 780 987 6543');
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'history-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'history-390.png') });
  });

  it('reads in English with the arrow turned', async () => {
    const { page } = e2e;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => localStorage.setItem('language', 'en'));
    await page.reload();
    const panel = page.getByTestId('history');
    await panel.getByText('Change history').click();
    await expect.poll(() => panel.locator('.entry').count()).toBe(4);
    const text = await panel.innerText();
    expect(text).toContain('Position');
    expect(text).toContain('Phone:');
    expect(text).toContain('→');
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'history-en-1280.png') });
    await page.evaluate(() => localStorage.setItem('language', 'ar'));
  });
});
