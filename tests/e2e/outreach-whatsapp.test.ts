import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, SCREENSHOT_DIR, SKIP_MESSAGE } from '../helpers/browser.js';
import { startE2eApp, type E2eApp } from '../helpers/e2e-app.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

/**
 * Issue 11, items 3, 6, 7 in the browser: staff edit the Arabic invitation text, walk through the list on WhatsApp
 * (the wa.me tab is observed, never really opened: the test answers wa.me itself), mark the messages sent with the
 * keyboard, and see the outreach status on the event's list.
 */
const EMAIL = 'outreach@e2e.example.org';
const PEOPLE = [
  { name: 'أحمد كريم الساعدي', phones: ['07701234561'] },
  { name: 'زينب حسن الموسوي', phones: ['07701234562'] },
  { name: 'نور بلا هاتف', phones: [] },
];
const TEXT = 'مرحبا {name}،\nندعوكم إلى «{event}» في {venue}.\nللرد: {link}';

describe.runIf(HAS_CHROMIUM)('outreach: WhatsApp walk-through', () => {
  let e2e: E2eApp;
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

  beforeAll(async () => {
    e2e = await startE2eApp([{ email: EMAIL, name: 'موظفة التواصل', role: 'staff' }]);
    ({ app, page, baseUrl } = e2e);
    headers = { authorization: `Bearer ${await e2e.tokenFor(EMAIL)}` };
    const event = await call('POST', '/api/events', {
      title: 'ورشة المشاركة السياسية للشباب',
      type: 'workshop',
      startsAt: '2031-03-10T06:00:00.000Z',
      endsAt: '2031-03-10T12:00:00.000Z',
      venue: 'فندق بابل',
      governorate: 'IQ-BG',
    });
    eventId = event.id;
    const ids = [];
    for (const p of PEOPLE)
      ids.push((await call('POST', '/api/contacts', { kind: 'activist', name: p.name, governorates: ['IQ-BG'], phones: p.phones })).id);
    await call('POST', `/api/events/${eventId}/invitations`, { contactIds: ids });
    // wa.me is answered here, so the tab the app opens shows its address without reaching WhatsApp.
    await e2e.browser.route('https://wa.me/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>wa.me</p>' }));
    await e2e.signIn(EMAIL);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('edits the Arabic invitation text with placeholder buttons, a live preview and field errors', async () => {
    await page.goto(`${baseUrl}/events/${eventId}`);
    await page.getByRole('link', { name: 'التواصل', exact: true }).click();
    await page.waitForURL(/\/outreach$/);
    const body = page.locator('#template-body');
    // The saved text arrives after the page: edit it only once it is there, or it would replace what was typed.
    await page.waitForLoadState('networkidle');
    await expect.poll(() => body.inputValue()).not.toBe('');
    await body.fill('مرحبا {nmae}');
    await expect.poll(() => page.locator('#template-body-error').textContent()).toContain('{nmae}');
    await body.fill(TEXT.replace(' في {venue}', ''));
    await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.indexOf('».') + 1, el.value.indexOf('».') + 1));
    await page.locator('[data-placeholder="venue"]').click();
    await expect.poll(() => body.inputValue()).toBe(TEXT.replace(' في {venue}', '{venue}'));
    await body.fill(TEXT);
    await expect.poll(() => page.getByTestId('template-preview').textContent()).toContain('مرحبا أحمد كريم الساعدي،');
    await expect.poll(() => page.getByTestId('template-preview').textContent()).toContain('في فندق بابل');
    await expect.poll(() => page.locator('#template-body-count').textContent()).toContain(`${TEXT.length} / 2000`);
    // A look at the reminder's text and back keeps the unsaved invitation text (the draft belongs to its message).
    await page.locator('#outreach-purpose').selectOption('reminder');
    await expect.poll(() => body.inputValue()).not.toBe(TEXT);
    await page.locator('#outreach-purpose').selectOption('invitation');
    await expect.poll(() => body.inputValue()).toBe(TEXT);
    await page.getByRole('button', { name: 'حفظ النص' }).click();
    await expect.poll(() => page.getByTestId('template-editor').textContent()).toContain('نص خاص بهذه الفعالية');
  });

  it('walks through two invitations: wa.me links with the text, marked sent with the keyboard', async () => {
    await page.getByTestId('walk-start').click();
    await expect.poll(() => page.getByTestId('walk-row').textContent()).toContain('1 من 2');
    expect(await page.getByTestId('walk-skipped').textContent()).toContain('نور بلا هاتف — لا يوجد رقم موبايل');
    expect(await page.getByTestId('walk-phone').textContent()).toBe('+964 770 123 4561');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'outreach-1280.png'), fullPage: true });

    const urls: string[] = [];
    for (const [n, person] of PEOPLE.slice(0, 2).entries()) {
      const popup = page.context().waitForEvent('page');
      // Enter opens WhatsApp (the focus is on "open WhatsApp"), then Enter marks it sent and moves on.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('walk-open');
      await page.keyboard.press('Enter');
      const tab = await popup;
      await tab.waitForLoadState();
      urls.push(tab.url());
      await tab.close();
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('walk-sent');
      await page.keyboard.press('Enter');
      if (n === 0) await expect.poll(() => page.getByTestId('walk-row').textContent()).toContain(`2 من 2`);
      const text = decodeURIComponent(urls[n].split('?text=')[1]);
      expect(text).toMatch(
        new RegExp(
          `^مرحبا ${person.name}،\nندعوكم إلى «ورشة المشاركة السياسية للشباب» في فندق بابل\\.\nللرد: ${baseUrl}/r/[A-Za-z0-9_-]{32}$`,
        ),
      );
    }
    expect(urls[0]).toMatch(/^https:\/\/wa\.me\/9647701234561\?text=/);
    expect(urls[1]).toMatch(/^https:\/\/wa\.me\/9647701234562\?text=/);
    await expect.poll(() => page.getByTestId('walk-done').textContent()).toContain('أُرسلت 2');
  });

  it('shows the outreach status and filters on the event list', async () => {
    await page.goto(`${baseUrl}/events/${eventId}`);
    const rows = page.locator('[data-testid="invitations"] tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const statusOf = (name: string) => rows.filter({ hasText: name }).getByTestId('outreach-status').textContent();
    await expect.poll(() => statusOf('أحمد كريم الساعدي')).toMatch(/^واتساب · \d+ /);
    await expect.poll(() => rows.filter({ hasText: 'زينب حسن الموسوي' }).getAttribute('data-status')).toBe('invited');
    await page.selectOption('#invitations-outreach', 'not_contacted');
    await expect.poll(() => rows.allTextContents()).toHaveLength(1);
    expect(await rows.first().textContent()).toContain('نور بلا هاتف');
    await page.selectOption('#invitations-outreach', 'contacted_no_reply');
    await expect.poll(() => rows.count()).toBe(2);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'outreach-list-1280.png'), fullPage: true });
  });

  it('fits a phone screen and reads in English too', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/events/${eventId}/outreach`);
    await page.getByTestId('walk-start').click();
    await expect.poll(() => page.getByTestId('walk-row').textContent()).toContain('أُرسلت اليوم');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'outreach-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.evaluate(() => localStorage.setItem('language', 'en'));
    await page.reload();
    await page.getByTestId('audience-no-reply').check();
    await expect.poll(() => page.getByTestId('selected-count').textContent()).toBe('Selected: 2');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'outreach-1280-en.png'), fullPage: true });
    await page.evaluate(() => localStorage.setItem('language', 'ar'));
  });

  it("the event page's reminder button opens the outreach page on those who have not replied, as a reminder", async () => {
    await page.goto(`${baseUrl}/events/${eventId}`);
    await page.getByTestId('reminder-links').getByRole('link', { name: 'تذكير من لم يردّوا بعد' }).click();
    await page.waitForURL(/\/outreach\?audience=no_reply$/);
    await expect.poll(() => page.getByTestId('audience-no-reply').isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('selected-count').textContent()).toBe('المختارون: 2');
    expect(await page.locator('#outreach-purpose').inputValue()).toBe('reminder');
  });
});
