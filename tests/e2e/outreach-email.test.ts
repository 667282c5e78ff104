import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, SCREENSHOT_DIR, SKIP_MESSAGE } from '../helpers/browser.js';
import { startE2eApp, type E2eApp } from '../helpers/e2e-app.js';
import { startSmtpTestServer, type SmtpTestServer } from '../helpers/smtp-test-server.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

/**
 * Issue 11, email in the browser: the sender (mounted for now behind "إرسال بريد إلكتروني" on the event page) shows
 * the count and who is skipped, sends once, follows the progress to the end; the event page offers the .ics file.
 */
const EMAIL = 'mailer@e2e.example.org';

describe.runIf(HAS_CHROMIUM)('email from the event page', () => {
  let e2e: E2eApp;
  let smtp: SmtpTestServer;
  let app: FastifyInstance;
  let page: Page;
  let baseUrl: string;
  let eventId: string;
  let headers: Record<string, string>;

  const call = async (method: 'POST', url: string, payload: Record<string, unknown>) => {
    const res = await app.inject({ method, url, headers, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: false });

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    e2e = await startE2eApp([{ email: EMAIL, name: 'منسقة الدعوات', role: 'staff' }], {
      mail: { url: smtp.url, from: 'منظمة المجتمع <events@org.example>' },
    });
    ({ app, page, baseUrl } = e2e);
    headers = { authorization: `Bearer ${await e2e.tokenFor(EMAIL)}` };
    const event = await call('POST', '/api/events', {
      title: 'الجلسة الختامية لبرنامج تعزيز الديمقراطية',
      type: 'closing_session',
      startsAt: '2031-03-10T06:00:00.000Z',
      endsAt: '2031-03-10T12:00:00.000Z',
      venue: 'فندق بابل',
      governorate: 'IQ-BG',
    });
    eventId = event.id;
    const people = [
      { name: 'زينب حسن الموسوي', emails: ['zainab@mail.example'] },
      { name: 'أحمد كريم الساعدي', emails: ['ahmed@mail.example'] },
      { name: 'نور عبد الله الدليمي', emails: ['noor@mail.example'] },
      { name: 'حيدر جواد الكعبي', emails: [] },
    ];
    const ids = [];
    for (const p of people) ids.push((await call('POST', '/api/contacts', { kind: 'activist', governorates: ['IQ-BG'], ...p })).id);
    await call('POST', `/api/events/${eventId}/invitations`, { contactIds: ids });
    smtp.refuse.set('noor@mail.example', [550]);
    await e2e.signIn(EMAIL);
  });

  afterAll(async () => {
    await e2e?.close();
    await smtp?.close();
  });

  it('confirms with the count, sends once, and shows progress and failures', async () => {
    await page.goto(`${baseUrl}/events/${eventId}`);
    await expect.poll(() => page.getByTestId('calendar-link').getAttribute('href')).toBe(`/api/events/${eventId}/calendar.ics?lang=ar`);
    await page.getByRole('link', { name: 'التواصل', exact: true }).click();
    const summary = page.getByTestId('email-summary');
    await expect.poll(() => summary.textContent()).toBe('سيُرسل إلى 3 من أصل 4.');
    await expect.poll(() => page.getByTestId('email-send').textContent()).toContain('1 بلا بريد إلكتروني');
    await shot('email-confirm-1280.png');

    const send = page.getByRole('button', { name: 'إرسال إلى 3' });
    await send.click();
    await expect.poll(() => page.getByTestId('email-progress').textContent(), { timeout: 15_000 }).toContain('اكتمل الإرسال');
    // The button is gone once started: a second click cannot start a second send.
    expect(await page.getByRole('button', { name: 'إرسال إلى 3' }).count()).toBe(0);
    expect(await page.getByTestId('email-progress').textContent()).toContain('أُرسل 2 · فشل 1 · تُخطّي 1 · من 4');
    expect(await page.getByTestId('email-failures').textContent()).toContain('نور عبد الله الدليمي');
    await shot('email-done-1280.png');
    expect(smtp.messages).toHaveLength(2);

    await page.setViewportSize({ width: 390, height: 844 });
    await shot('email-done-390.png');
  });

  it('in English, a second send reports the ones already emailed', async () => {
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.evaluate(() => localStorage.setItem('language', 'en'));
    await page.goto(`${baseUrl}/events/${eventId}/outreach`);
    await expect.poll(() => page.getByTestId('email-summary').textContent()).toBe('Will be sent to 1 of 4.');
    expect(await page.getByTestId('email-send').textContent()).toContain('2 already received this message');
    await shot('email-confirm-en-1280.png');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('email-confirm-en-390.png');
    await page.evaluate(() => localStorage.setItem('language', 'ar'));
    await page.reload();
    await expect.poll(() => page.getByTestId('email-summary').textContent()).toBe('سيُرسل إلى 1 من أصل 4.');
    await shot('email-confirm-390.png');
  });
});
