import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KURDISH_MONTHS } from '../../server/src/domain/format/kurdish-calendar.js';
import { ar, en, ku } from '../../web/src/lib/i18n/dictionaries.js';
import { HAS_CHROMIUM, SKIP_MESSAGE } from '../helpers/browser.js';
import { startE2eApp, type E2eApp } from '../helpers/e2e-app.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

/**
 * Issue 16, item 1, in Chromium: the sign-in page and the app in Sorani Kurdish (right to left, lang="ckb"), Kurdish
 * governorate names, a contact by their Kurdish name, a date with a Kurdish month; the choice survives a reload, and
 * Arabic and English come back; an invitee's reply page in Kurdish. Screenshots at 1280 and 390 px in
 * test-output/kurdish/.
 */
const EMAIL = 'erbil@kurdish.example.org';
const OUT = path.resolve('test-output/kurdish');
const KURDISH_MONTH = new RegExp(KURDISH_MONTHS.join('|'));

describe.runIf(HAS_CHROMIUM)('the Kurdish interface', () => {
  let e2e: E2eApp;
  let app: FastifyInstance;
  let page: Page;
  let baseUrl: string;
  let kurdishNamedId: string;
  let replyToken: string;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    e2e = await startE2eApp([{ email: EMAIL, name: 'ئاڤان عومەر', role: 'staff' }]);
    ({ app, page, baseUrl } = e2e);
    const headers = { authorization: `Bearer ${await e2e.tokenFor(EMAIL)}` };
    const post = async (payload: Record<string, unknown>) => {
      const res = await app.inject({ method: 'POST', url: '/api/contacts', headers, payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    kurdishNamedId = await post({
      kind: 'activist',
      name: 'شيرين أحمد محمد',
      nameKu: 'شیرین ئەحمەد محەمەد',
      governorates: ['IQ-AR'],
    });
    await post({ kind: 'organization', subtype: 'local_ngo', name: 'منظمة حلبجة للتنمية', governorates: ['HALABJA', 'IQ-SU'] });
    const event = await app.inject({
      method: 'POST',
      url: '/api/events',
      headers,
      payload: {
        title: 'ورشة العمل المدني',
        type: 'workshop',
        // Friday 15 January 2027, 10:00–12:00 in Baghdad.
        startsAt: '2027-01-15T07:00:00.000Z',
        endsAt: '2027-01-15T09:00:00.000Z',
        venue: 'هۆڵی شار',
        governorate: 'IQ-SU',
      },
    });
    expect(event.statusCode, event.body).toBe(201);
    const eventId = event.json().id as string;
    const invited = await app.inject({
      method: 'POST',
      url: `/api/events/${eventId}/invitations`,
      headers,
      payload: { contactIds: [kurdishNamedId] },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const links = await app.inject({
      method: 'POST',
      url: `/api/events/${eventId}/invitations/links`,
      headers,
      payload: { invitationIds: [invited.json().added[0].id] },
    });
    replyToken = (links.json().items[0].url as string).split('/r/')[1];
  });

  afterAll(async () => {
    await e2e?.close();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
  const languageSelect = (label: string) => page.getByRole('combobox', { name: label });
  const documentLanguage = () => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

  it('signs in from a Kurdish sign-in page', async () => {
    await page.goto(`${baseUrl}/login`);
    const select = languageSelect(ar['language.selector']);
    await select.waitFor();
    expect(await select.locator('option').allTextContents()).toEqual(['العربية', 'English', 'کوردی']);
    await select.selectOption({ label: 'کوردی' });
    expect(await documentLanguage()).toEqual({ lang: 'ckb', dir: 'rtl' });
    await page.getByRole('heading', { name: ku['login.title'] }).waitFor();
    await shot('01-login-1280');
    await e2e.signIn(EMAIL);
  });

  it('shows the directory in Kurdish, with Kurdish governorate and contact names', async () => {
    await page.getByRole('heading', { level: 1, name: ku['contacts.title'] }).waitFor();
    expect(await documentLanguage()).toEqual({ lang: 'ckb', dir: 'rtl' });
    const kurdishName = page.getByRole('link', { name: 'شیرین ئەحمەد محەمەد' });
    await kurdishName.waitFor();
    const row = page.locator('tr', { has: kurdishName });
    expect(await row.innerText()).toContain('شيرين أحمد محمد');
    expect(await row.innerText()).toContain('هەولێر');
    expect(await row.innerText()).toContain('چالاکوان');
    const organisation = page.locator('tr', { has: page.getByRole('link', { name: 'منظمة حلبجة للتنمية' }) });
    expect(await organisation.innerText()).toContain('هەڵەبجە، سلێمانی');
    await shot('02-contacts-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { level: 1, name: ku['contacts.title'] }).waitFor();
    await shot('03-contacts-390');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('opens a contact by their Kurdish name, with a date in Kurdish months', async () => {
    await page.getByRole('link', { name: 'شیرین ئەحمەد محەمەد' }).click();
    await page.waitForURL(new RegExp(`/contacts/${kurdishNamedId}$`));
    await page.getByRole('heading', { level: 1, name: 'شیرین ئەحمەد محەمەد' }).waitFor();
    expect(await page.getByTestId('stored-name').innerText()).toBe('شيرين أحمد محمد');
    await expect.poll(() => page.locator('main').innerText()).toMatch(KURDISH_MONTH);
    await shot('04-contact-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { level: 1, name: 'شیرین ئەحمەد محەمەد' }).waitFor();
    await shot('05-contact-390');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('keeps Kurdish after a reload, and switches back to English and Arabic', async () => {
    await page.goto(`${baseUrl}/contacts`);
    await page.getByRole('heading', { level: 1, name: ku['contacts.title'] }).waitFor();
    await languageSelect(ku['language.selector']).selectOption({ label: 'English' });
    expect(await documentLanguage()).toEqual({ lang: 'en', dir: 'ltr' });
    await page.getByRole('heading', { level: 1, name: en['contacts.title'] }).waitFor();
    // The stored Arabic name leads again outside Kurdish, and governorates have their English names.
    const row = page.locator('tr', { has: page.getByRole('link', { name: 'شيرين أحمد محمد' }) });
    expect(await row.innerText()).toContain('Erbil');
    await languageSelect(en['language.selector']).selectOption({ label: 'العربية' });
    expect(await documentLanguage()).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.getByRole('heading', { level: 1, name: ar['contacts.title'] }).waitFor();
    expect(await page.locator('tr', { has: page.getByRole('link', { name: 'شيرين أحمد محمد' }) }).innerText()).toContain('أربيل');
  });

  it('lets an invitee read their reply page in Kurdish', async () => {
    const phone = await e2e.browser.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${baseUrl}/r/${replyToken}`);
    await phone.getByRole('heading', { name: 'ورشة العمل المدني' }).waitFor();
    await phone.getByRole('combobox', { name: 'اللغة' }).selectOption({ label: 'کوردی' });
    await phone.getByText('ئامادە دەبیت؟').waitFor();
    expect(await phone.evaluate(() => document.documentElement.lang)).toBe('ckb');
    const facts = await phone.locator('dl').innerText();
    expect(facts).toContain('هەینی، 15ی کانوونی دووەمی 2027');
    expect(facts).toContain('10:00 – 12:00');
    expect(facts).toContain('سلێمانی');
    await phone.screenshot({ path: path.join(OUT, '06-reply-page-390.png'), fullPage: true });
    await phone.close();
  });
});
