import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, SCREENSHOT_DIR, SKIP_MESSAGE } from '../helpers/browser.js';
import { startE2eApp, type E2eApp } from '../helpers/e2e-app.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

/**
 * Issue 12, item 3 in the browser: a coordinator deletes a contact, undoes it from the message, deletes it again,
 * finds it in the trash with what comes back with it, and restores it; the contact opens again with its position.
 */
const EMAIL = 'trash@e2e.example.org';

describe.runIf(HAS_CHROMIUM)('trash', () => {
  let e2e: E2eApp;
  let contactId: string;
  const shot = (name: string) => e2e.page.screenshot({ path: path.join(SCREENSHOT_DIR, `trash-${name}.png`), fullPage: true });

  beforeAll(async () => {
    e2e = await startE2eApp([{ email: EMAIL, name: 'منسقة الأنبار', role: 'coordinator' }]);
    const token = await e2e.tokenFor(EMAIL);
    const post = async (url: string, payload: Record<string, unknown>) => {
      const res = await e2e.app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const person = await post('/api/contacts', { kind: 'activist', name: 'فاطمة الزهراء حسن', governorates: ['IQ-AN'] });
    const org = await post('/api/contacts', { kind: 'organization', subtype: 'local_ngo', name: 'جمعية الفرات', governorates: ['IQ-AN'] });
    await post('/api/positions', { personId: person.id, organizationId: org.id, title: 'منسقة مشاريع' });
    contactId = person.id;
    await e2e.signIn(EMAIL);
  });
  afterAll(() => e2e?.close());

  const deleteContact = async () => {
    const { page } = e2e;
    await page.goto(`${e2e.baseUrl}/contacts/${contactId}`);
    await page.getByRole('heading', { name: 'فاطمة الزهراء حسن' }).waitFor();
    await page.getByRole('button', { name: 'حذف' }).click();
    await page.locator('dialog[open]').getByText('سلة المحذوفات').waitFor();
    await page.locator('dialog[open]').getByRole('button', { name: 'حذف' }).click();
    await page.getByText('نُقلت جهة الاتصال «فاطمة الزهراء حسن» إلى سلة المحذوفات.').waitFor();
  };

  it('deletes a contact and brings it back with "Undo" from the message', async () => {
    const { page } = e2e;
    await deleteContact();
    await shot('deleted-undo-1280-ar');
    await page.locator('.flash').getByRole('button', { name: 'تراجع' }).click();
    await page.waitForURL(new RegExp(`/contacts/${contactId}$`));
    await page.getByRole('heading', { name: 'فاطمة الزهراء حسن' }).waitFor();
  });

  it('finds the deleted contact in the trash, with what comes back, and restores it', async () => {
    const { page } = e2e;
    await deleteContact();
    await page.getByRole('link', { name: 'سلة المحذوفات' }).click();
    await page.waitForURL(/\/admin\/trash$/);
    const row = page.locator('tr', { hasText: 'فاطمة الزهراء حسن' });
    await row.getByText('يعود معه: منصب واحد.').waitFor();
    expect(await row.textContent()).toContain('منسقة الأنبار');
    await shot('1280-ar');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('390-ar');
    await page.getByRole('combobox', { name: 'لغة الواجهة' }).selectOption('en');
    await page.getByRole('heading', { name: 'Trash' }).waitFor();
    await shot('390-en');
    await page.setViewportSize({ width: 1280, height: 800 });
    await shot('1280-en');
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('ar');

    await row.getByRole('button', { name: 'استعادة' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByText('يعود معه: منصب واحد.').waitFor();
    await dialog.getByRole('button', { name: 'استعادة' }).click();
    await page.getByText('السلة فارغة').waitFor();
    await page.goto(`${e2e.baseUrl}/contacts/${contactId}`);
    await page.getByText('منسقة مشاريع').first().waitFor();
  });
});
