import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, SCREENSHOT_DIR, SKIP_MESSAGE } from '../helpers/browser.js';
import { startE2eApp, type E2eApp } from '../helpers/e2e-app.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

/**
 * Issue 12, item 7 in the browser: a coordinator records a person's consent with a scan, withdraws WhatsApp after a
 * confirmation, and the WhatsApp walk-through on the event's outreach page skips that person with the reason.
 */
const EMAIL = 'consent@e2e.example.org';
const NAME = 'رنا عبد الله الجبوري';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 3)]);

describe.runIf(HAS_CHROMIUM)('consent', () => {
  let e2e: E2eApp;
  let app: FastifyInstance;
  let page: Page;
  let baseUrl: string;
  let contactId: string;
  let eventId: string;
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `consent-${name}.png`), fullPage: true });

  beforeAll(async () => {
    e2e = await startE2eApp([{ email: EMAIL, name: 'منسقة الموافقات', role: 'coordinator' }]);
    ({ app, page, baseUrl } = e2e);
    const headers = { authorization: `Bearer ${await e2e.tokenFor(EMAIL)}` };
    const call = async (url: string, payload: Record<string, unknown>) => {
      const res = await app.inject({ method: 'POST', url, headers, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    contactId = (
      await call('/api/contacts', {
        kind: 'activist',
        name: NAME,
        governorates: ['IQ-BG'],
        phones: ['07701239876'],
        consentNote: 'وافقت شفهياً في ورشة 2025',
      })
    ).id;
    const other = (await call('/api/contacts', { kind: 'activist', name: 'سامر حميد', governorates: ['IQ-BG'], phones: ['07701239877'] }))
      .id;
    eventId = (
      await call('/api/events', {
        title: 'ملتقى الشباب',
        type: 'workshop',
        startsAt: '2031-05-10T06:00:00.000Z',
        endsAt: '2031-05-10T12:00:00.000Z',
        venue: 'بغداد',
        governorate: 'IQ-BG',
      })
    ).id;
    await call(`/api/events/${eventId}/invitations`, { contactIds: [contactId, other] });
    await e2e.signIn(EMAIL);
  });
  afterAll(() => e2e?.close());

  it('records consent with a scan and shows the current state per scope', async () => {
    await page.goto(`${baseUrl}/contacts/${contactId}`);
    const card = page.getByTestId('consent-card');
    await card.getByText('وافقت شفهياً في ورشة 2025').waitFor();
    await card.getByRole('button', { name: 'تسجيل موافقة' }).click();
    for (const scope of ['الاتصال هاتفياً', 'التواصل عبر واتساب', 'الظهور في الصور']) await card.getByLabel(scope).check();
    await card.getByLabel('كيف؟').selectOption('written');
    await card.locator('#consent-file').setInputFiles({ name: 'استمارة.png', mimeType: 'image/png', buffer: PNG });
    await card.getByRole('button', { name: 'حفظ السجل' }).click();
    await expect.poll(() => card.locator('[data-scope="whatsapp"]').getAttribute('data-answer')).toBe('yes');
    expect(await card.locator('[data-scope="email"]').getAttribute('data-answer')).toBe('unknown');
    await card.getByText(/السجل/).click();
    await card.getByRole('link', { name: 'عرض النسخة الممسوحة' }).waitFor();
    await shot('given-1280-ar');
  });

  it('withdraws WhatsApp after a confirmation; the history keeps both records', async () => {
    const card = page.getByTestId('consent-card');
    await card.getByRole('button', { name: 'سحب موافقة' }).click();
    for (const scope of ['الاتصال هاتفياً', 'الظهور في الصور']) await card.getByLabel(scope).uncheck();
    expect(await card.getByLabel('التواصل عبر واتساب').isChecked()).toBe(true);
    await card.getByRole('button', { name: 'حفظ السجل' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByText('التواصل عبر واتساب').waitFor();
    await dialog.getByRole('button', { name: 'سحب موافقة' }).click();
    await expect.poll(() => card.locator('[data-scope="whatsapp"]').getAttribute('data-answer')).toBe('no');
    expect(await card.locator('[data-scope="phone"]').getAttribute('data-answer')).toBe('yes');
    expect(await card.locator('.consent-history li').count()).toBe(2);
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('withdrawn-390-ar');
    await page.getByRole('combobox', { name: 'لغة الواجهة' }).selectOption('en');
    await card.getByText('No (withdrawn)').waitFor();
    await shot('withdrawn-390-en');
    await page.setViewportSize({ width: 1280, height: 800 });
    await shot('withdrawn-1280-en');
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('ar');
  });

  it('the WhatsApp walk-through skips her with the reason shown', async () => {
    await page.goto(`${baseUrl}/events/${eventId}/outreach`);
    await page.getByTestId('walk-start').click();
    await expect.poll(() => page.getByTestId('walk-skipped').textContent()).toContain(`${NAME} — سحب الموافقة على واتساب`);
    await shot('outreach-skipped-1280-ar');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('outreach-skipped-390-ar');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
