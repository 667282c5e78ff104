import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, SCREENSHOT_DIR, SKIP_MESSAGE, launchBrowser } from '../helpers/browser.js';
import { startE2eApp, type E2eApp } from '../helpers/e2e-app.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

/**
 * Issue 11, the invitee's side in the browser: a stranger (own browser, no session) opens their personal link on a
 * phone, answers "I will attend" with a note and sees the confirmation; staff then see the invitation confirmed
 * "by the invitee, via the link" with the note. A revoked link shows the friendly "no longer valid" page.
 */
const EMAIL = 'rsvp@e2e.example.org';
const INVITEE = 'زينب حسن الموسوي';
const OTHER = 'أحمد كريم الساعدي';

describe.runIf(HAS_CHROMIUM)('reply link page', () => {
  let e2e: E2eApp;
  let stranger: BrowserContext;
  let phone: Page;
  let eventId: string;
  let tokens: string[];
  let headers: Record<string, string>;

  const call = async (method: 'POST' | 'DELETE', url: string, payload?: Record<string, unknown>) => {
    const res = await e2e.app.inject({ method, url, headers, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.body ? res.json() : null;
  };

  beforeAll(async () => {
    e2e = await startE2eApp([{ email: EMAIL, name: 'موظفة الدعوات', role: 'staff' }]);
    headers = { authorization: `Bearer ${await e2e.tokenFor(EMAIL)}` };
    const event = await call('POST', '/api/events', {
      title: 'الجلسة الختامية لبرنامج تعزيز الديمقراطية',
      type: 'closing_session',
      startsAt: '2031-03-10T06:00:00.000Z',
      endsAt: '2031-03-10T12:00:00.000Z',
      venue: 'فندق بابل، بغداد',
      governorate: 'IQ-BG',
      contactPhone: '07701234567',
    });
    eventId = event.id;
    const ids = [];
    for (const name of [INVITEE, OTHER])
      ids.push((await call('POST', '/api/contacts', { kind: 'activist', name, governorates: ['IQ-BG'] })).id);
    const added = await call('POST', `/api/events/${eventId}/invitations`, { contactIds: ids, status: 'invited' });
    const links = await call('POST', `/api/events/${eventId}/invitations/links`, {
      invitationIds: added.added.map((i: { id: string }) => i.id),
    });
    const byInvitation = new Map((added.added as { id: string; contact: { name: string } }[]).map((i) => [i.id, i.contact.name]));
    const ordered = (links.items as { invitationId: string; url: string }[]).sort((a, b) =>
      byInvitation.get(a.invitationId) === INVITEE ? -1 : byInvitation.get(b.invitationId) === INVITEE ? 1 : 0,
    );
    tokens = ordered.map((l) => l.url.split('/r/')[1]!);
    stranger = await launchBrowser();
    phone = await stranger.newPage();
    phone.on('pageerror', (err) => console.error('page error:', err.message));
    await phone.setViewportSize({ width: 390, height: 844 });
  });

  afterAll(async () => {
    await stranger?.close();
    await e2e?.close();
  });

  it('lets a stranger answer "attend" with a note on a phone and confirms it', async () => {
    expect(await stranger.cookies()).toEqual([]);
    const csp: string[] = [];
    phone.on('response', (r) => {
      const header = r.headers()['content-security-policy'];
      if (header && r.url().includes('/r/')) csp.push(header);
    });
    await phone.goto(`${e2e.baseUrl}/r/${tokens[0]}`);
    await expect.poll(() => phone.locator('h1').textContent()).toBe('الجلسة الختامية لبرنامج تعزيز الديمقراطية');
    expect(csp[0]).toContain("script-src 'self'");
    expect(await phone.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const text = await phone.locator('main').innerText();
    expect(text).toContain(INVITEE);
    expect(text).not.toContain(OTHER);
    expect(text).toContain('لم تُرسل ردّك بعد');
    expect(phone.url()).toContain(`/r/${tokens[0]}`); // no redirect to the sign-in page
    // The two answers are big enough to hit with a thumb, and nothing overflows the phone's width.
    const attend = phone.getByRole('button', { name: 'سأحضر' });
    expect((await attend.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect.poll(() => phone.locator('a[href$="/calendar.ics"]').textContent()).toContain('أضف إلى التقويم');
    expect(await phone.locator('a[href^="tel:"]').textContent()).toBe('+964 770 123 4567');

    await phone.fill('textarea[name="note"]', 'سأصل متأخرة ربع ساعة');
    await attend.click();
    await expect.poll(() => phone.locator('.answer').textContent()).toBe('شكراً! سجّلنا أنك ستحضر.');
    expect(await phone.inputValue('textarea[name="note"]')).toBe('سأصل متأخرة ربع ساعة');
    // The entry code for the door: a QR that decodes to the invitation's check-in code, with the code written out.
    const qr = phone.locator('[data-slot="check-in-qr"] img');
    await expect.poll(() => qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(await phone.locator('[data-slot="check-in-qr"] .code').textContent()).toMatch(/\S{4,}/);
    await phone.screenshot({ path: path.join(SCREENSHOT_DIR, 'rsvp-390.png'), fullPage: true });

    await phone.setViewportSize({ width: 320, height: 700 });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await phone.setViewportSize({ width: 390, height: 844 });
  });

  it('switches to English', async () => {
    const wide = await stranger.newPage();
    await wide.setViewportSize({ width: 1280, height: 860 });
    await wide.goto(`${e2e.baseUrl}/r/${tokens[0]}`);
    await wide.getByRole('combobox', { name: 'اللغة' }).selectOption('en');
    await expect.poll(() => wide.locator('.answer').textContent()).toBe('Thank you! We have noted that you will attend.');
    expect(await wide.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await wide.locator('main').innerText()).toContain('Monday, 10 March 2031');
    await wide.screenshot({ path: path.join(SCREENSHOT_DIR, 'rsvp-1280-en.png'), fullPage: true });
    await wide.getByRole('combobox', { name: 'Language' }).selectOption('ar');
    await wide.close();
  });

  it('shows staff the invitation confirmed, by the invitee via the link, with the note and the openings', async () => {
    await e2e.signIn(EMAIL);
    await e2e.page.goto(`${e2e.baseUrl}/events/${eventId}`);
    const row = e2e.page.locator('tr', { hasText: INVITEE });
    await expect.poll(() => row.locator('select[name="status"]').inputValue()).toBe('confirmed');
    await expect.poll(() => row.locator('.via-link').innerText()).toContain('من المدعو عبر الرابط');
    expect(await row.locator('.via-link').innerText()).toContain('سأصل متأخرة ربع ساعة');
    expect(await row.locator('.reply-link summary').innerText()).toMatch(/فُتح \d+ مرة/);
    expect(await e2e.page.locator('tr', { hasText: OTHER }).locator('.reply-link summary').innerText()).toContain('لم يُفتح بعد');
  });

  it('shows the friendly "no longer valid" page for a revoked link and "not valid" for an unknown one', async () => {
    const list = await e2e.app.inject({ method: 'GET', url: `/api/events/${eventId}/invitations`, headers });
    const second = (list.json().items as { id: string; contact: { name: string } }[]).find((i) => i.contact.name === OTHER)!;
    await call('DELETE', `/api/events/${eventId}/invitations/${second.id}/link`);
    await phone.goto(`${e2e.baseUrl}/r/${tokens[1]}`);
    await expect.poll(() => phone.locator('h1').textContent()).toBe('هذا الرابط لم يعد صالحاً');
    expect(await phone.locator('main').innerText()).not.toContain(OTHER);
    await phone.screenshot({ path: path.join(SCREENSHOT_DIR, 'rsvp-gone-390.png'), fullPage: true });
    await phone.goto(`${e2e.baseUrl}/r/${'A'.repeat(32)}`);
    await expect.poll(() => phone.locator('h1').textContent()).toBe('الرابط غير صحيح');
  });
});
