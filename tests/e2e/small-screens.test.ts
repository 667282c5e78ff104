import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, SKIP_MESSAGE } from '../helpers/browser.js';
import { startE2eApp, type E2eApp } from '../helpers/e2e-app.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

/**
 * Issue 13, item 6, at 390×844: the navigation folds behind a menu button while the quick search stays on every page,
 * and a contact's page starts with the name, the current position and one-tap call, WhatsApp and email. At 1280 px
 * the navigation shows as before. Screenshots in test-output/small-screens/.
 */
const EMAIL = 'field@small.example.org';
const OUT = path.resolve('test-output/small-screens');

describe.runIf(HAS_CHROMIUM)('phones and small screens', () => {
  let e2e: E2eApp;
  let app: FastifyInstance;
  let page: Page;
  let baseUrl: string;
  let personId: string;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    e2e = await startE2eApp([{ email: EMAIL, name: 'منسق ميداني', role: 'staff' }]);
    ({ app, page, baseUrl } = e2e);
    const headers = { authorization: `Bearer ${await e2e.tokenFor(EMAIL)}` };
    const post = async (url: string, payload: Record<string, unknown>) => {
      const res = await app.inject({ method: 'POST', url, headers, payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const office = await post('/api/contacts', {
      kind: 'organization',
      subtype: 'government_body',
      name: 'قسم شؤون المواطنين — محافظة النجف',
      governorates: ['IQ-NA'],
    });
    personId = await post('/api/contacts', {
      kind: 'government_focal_point',
      name: 'حسن عبد الزهرة الموسوي',
      nameLatin: 'Hassan al-Musawi',
      governorates: ['IQ-NA'],
      phones: ['07700000036'],
      emails: ['h.musawi@example.org'],
    });
    await post('/api/positions', { personId, organizationId: office, title: 'مسؤول الشكاوى', isFocalPoint: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await e2e.signIn(EMAIL);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(OUT, `${name}.png`) });
  const nav = () => page.getByRole('navigation', { name: 'التنقل الرئيسي' });

  it('folds the navigation behind a menu button, keeps the quick search, and folds it again on a new page', async () => {
    const menu = page.getByRole('button', { name: 'القائمة' });
    await menu.waitFor();
    expect(await nav().isVisible()).toBe(false);
    expect(await page.getByRole('combobox').first().isVisible()).toBe(true);
    await shot('01-contacts-phone');
    await menu.click();
    expect(await page.getByRole('button', { name: 'إغلاق القائمة' }).getAttribute('aria-expanded')).toBe('true');
    await nav().getByRole('link', { name: 'الفعاليات' }).waitFor();
    await shot('02-menu-open');
    await nav().getByRole('link', { name: 'الفعاليات' }).click();
    await page.waitForURL(/\/events$/);
    await menu.waitFor();
    expect(await nav().isVisible()).toBe(false);
  });

  it('opens a contact on the name, the current position and one-tap call, WhatsApp and email', async () => {
    await page.goto(`${baseUrl}/contacts/${personId}`);
    const actions = page.getByTestId('contact-quick-actions');
    await actions.waitFor();
    expect(await page.getByTestId('current-position').textContent()).toMatch(/مسؤول الشكاوى\s*في\s*قسم شؤون المواطنين/);
    expect(await actions.getByRole('link', { name: /اتصال بـ/ }).getAttribute('href')).toBe('tel:+9647700000036');
    expect(await actions.getByRole('link', { name: /واتساب/ }).getAttribute('href')).toBe('https://wa.me/9647700000036');
    expect(await actions.getByRole('link', { name: /h\.musawi@example\.org/ }).getAttribute('href')).toBe('mailto:h.musawi@example.org');
    // The actions are on the first screen, above the fold of a 844 px phone.
    const box = await actions.boundingBox();
    expect(box!.y + box!.height).toBeLessThan(844);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot('03-contact-phone-ar');
    // The language stays beside the menu button, one tap away.
    await page.getByRole('combobox', { name: 'لغة الواجهة' }).selectOption('en');
    await page.getByRole('button', { name: 'Menu' }).waitFor();
    await shot('04-contact-phone-en');
  });

  it('shows the navigation without a menu button on a wide screen', async () => {
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto(`${baseUrl}/contacts/${personId}`);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Events' }).waitFor();
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    await shot('05-contact-desktop-en');
  });
});
