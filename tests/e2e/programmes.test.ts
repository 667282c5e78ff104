import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, SKIP_MESSAGE } from '../helpers/browser.js';
import { startE2eApp, type E2eApp } from '../helpers/e2e-app.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

/**
 * Issue 16, item 2 in the browser: a coordinator creates a programme with a donor from the directory, attributes an
 * event to it on the event form, and sees the event and its attendance on the programme page. Screenshots at 1280 and
 * 390 px in test-output/programmes/.
 */
const COORDINATOR = 'programmes-coordinator@e2e.example.org';
const SHOTS = path.resolve('test-output/programmes');

describe.runIf(HAS_CHROMIUM)('programmes', () => {
  let e2e: E2eApp;
  let page: Page;
  let baseUrl: string;
  let eventId: string;
  let programmeUrl: string;
  const shots = async (name: string) => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 1280 ? 900 : 844 });
      await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e2e = await startE2eApp([{ email: COORDINATOR, name: 'منسقة البرامج', role: 'coordinator' }]);
    ({ page, baseUrl } = e2e);
    const headers = { authorization: `Bearer ${await e2e.tokenFor(COORDINATOR)}` };
    const post = async (url: string, payload: object) => {
      const res = await e2e.app.inject({ method: 'POST', url, headers, payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    await post('/api/contacts', { kind: 'organization', subtype: 'donor', name: 'الصندوق الأوروبي للديمقراطية', governorates: ['IQ-BG'] });
    const event = await post('/api/events', {
      title: 'ورشة المشاركة المدنية',
      type: 'workshop',
      startsAt: '2026-03-10T09:00:00Z',
      endsAt: '2026-03-10T13:00:00Z',
      governorate: 'IQ-BG',
    });
    eventId = event.id;
    for (const [name, gender] of [
      ['زينب علي الساعدي', 'female'],
      ['حسن كريم الموسوي', 'male'],
    ]) {
      const contact = await post('/api/contacts', { kind: 'activist', name, gender, governorates: ['IQ-BG'] });
      await e2e.database.db.insertInto('invitation').values({ event_id: eventId, contact_id: contact.id, status: 'attended' }).execute();
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });
  afterAll(() => e2e?.close());

  it('creates a programme from the empty list, with a donor picked from the directory', async () => {
    await e2e.signIn(COORDINATOR);
    await page.goto(`${baseUrl}/programmes`);
    await page.getByText('لا برامج بعد').waitFor();
    await shots('empty-list');
    await page.getByRole('link', { name: 'برنامج جديد' }).click();
    await page.fill('#field-nameAr', 'برنامج الديمقراطية المحلية');
    await page.fill('#field-nameEn', 'Local democracy programme');
    await page.fill('#field-nameKu', 'بەرنامەی دیموکراسی ناوخۆیی');
    await page.fill('#field-startsOn', '2026-01-01');
    await page.fill('#field-endsOn', '2026-12-31');
    await page.fill('#field-goals', 'مشاركة الشباب في المجالس المحلية');
    await page.getByRole('checkbox', { name: 'بغداد' }).check();
    await page.fill('#field-donors', 'الصندوق الأوروبي');
    await page.getByRole('option').filter({ hasText: 'الصندوق الأوروبي للديمقراطية' }).first().click();
    await page.locator('.chip').filter({ hasText: 'الصندوق الأوروبي للديمقراطية' }).waitFor();
    await shots('form');
    await page.getByRole('button', { name: 'إنشاء البرنامج' }).click();
    await page.waitForURL(/\/programmes\/[0-9a-f-]{36}$/);
    programmeUrl = page.url();
    await page.getByRole('heading', { name: 'برنامج الديمقراطية المحلية' }).waitFor();
    expect(await page.getByRole('link', { name: 'الصندوق الأوروبي للديمقراطية' }).count()).toBe(1);
    await page.getByText('لم تُسند أي فعالية').waitFor();
  });

  it('attributes an event on the event form and shows it with its attendance on the programme page', async () => {
    await page.goto(`${baseUrl}/events/${eventId}/edit`);
    await page.getByRole('checkbox', { name: 'برنامج الديمقراطية المحلية' }).check();
    await page.getByRole('button', { name: 'حفظ', exact: true }).click();
    await page.waitForURL(`${baseUrl}/events/${eventId}`);
    await page.locator('.programme-links').getByRole('link', { name: 'برنامج الديمقراطية المحلية' }).waitFor();

    await page.goto(programmeUrl);
    const events = page.locator('section[aria-labelledby="programme-events"]');
    await events.getByRole('link', { name: 'ورشة المشاركة المدنية' }).waitFor();
    expect(await events.locator('tbody tr').textContent()).toContain('عُقدت');
    await page.getByText('الحاضرون: 2').waitFor();
    const byGender = page.locator('.figure-table').filter({ hasText: 'حسب الجنس' }).first();
    expect(await byGender.locator('tbody tr').allTextContents()).toHaveLength(2);
    await shots('programme-page');

    await page.goto(`${baseUrl}/programmes`);
    await page.getByRole('link', { name: 'برنامج الديمقراطية المحلية' }).waitFor();
    expect(await page.locator('.programmes-table tbody tr').first().textContent()).toContain('الصندوق الأوروبي للديمقراطية');
    await shots('list');
  });
});
