import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, SCREENSHOT_DIR, SKIP_MESSAGE } from '../helpers/browser.js';
import { startE2eApp, type E2eApp } from '../helpers/e2e-app.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

/**
 * Issue 14, items 6 and 9, in the browser: the groups page and the sign-in sheet keep the groups' creation order
 * (الأولى، الثانية، الثالثة), the sheet lists confirmed people only (no "بلا مجموعة" page for unconfirmed ones),
 * guests sign on their own page, and phones stay on one line. The PDF is kept in test-output/e2e for a look.
 */
const EMAIL = 'sheets@e2e.example.org';
const GROUPS = ['المجموعة الأولى', 'المجموعة الثانية', 'المجموعة الثالثة'];

describe.runIf(HAS_CHROMIUM)('sign-in sheet', () => {
  let e2e: E2eApp;
  let app: FastifyInstance;
  let page: Page;
  let baseUrl: string;
  let eventId: string;
  let headers: Record<string, string>;
  const groupIds: string[] = [];

  const call = async (method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>) => {
    const res = await app.inject({ method, url, headers, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };

  beforeAll(async () => {
    e2e = await startE2eApp([{ email: EMAIL, name: 'موظفة الطباعة', role: 'staff' }]);
    ({ app, page, baseUrl } = e2e);
    headers = { authorization: `Bearer ${await e2e.tokenFor(EMAIL)}` };
    const event = await call('POST', '/api/events', {
      title: 'الجلسة الختامية لبرنامج تعزيز الديمقراطية',
      type: 'closing_session',
      startsAt: '2031-03-10T06:00:00.000Z',
      endsAt: '2031-03-10T12:00:00.000Z',
      venue: 'فندق بابل، بغداد',
      governorate: 'IQ-BG',
    });
    eventId = event.id;
    for (const name of GROUPS) groupIds.push((await call('POST', `/api/events/${eventId}/groups`, { name })).id);
    const people: { id: string; role: string }[] = [];
    const names = [
      'زينب حسن الموسوي',
      'أحمد كريم الساعدي',
      'نور عبد الله الدليمي',
      'حيدر جواد الكعبي',
      'هدى سامي العاني',
      'علي رضا الجبوري',
    ];
    for (const [n, name] of names.entries()) {
      const c = await call('POST', '/api/contacts', { kind: 'activist', name, governorates: ['IQ-BG'], phones: [`0770${1234560 + n}`] });
      people.push({ id: c.id, role: 'participant' });
    }
    const guest = await call('POST', '/api/contacts', {
      kind: 'government_focal_point',
      name: 'مريم عادل التميمي',
      governorates: ['IQ-BG'],
      phones: ['07801112233'],
    });
    people.push({ id: guest.id, role: 'government_guest' });
    const pending = [];
    for (const name of ['سارة لم تؤكد', 'كريم لم يرد'])
      pending.push((await call('POST', '/api/contacts', { kind: 'activist', name, governorates: ['IQ-BG'] })).id);
    const added = await call('POST', `/api/events/${eventId}/invitations`, {
      items: people.map((p) => ({ contactId: p.id, role: p.role })),
      status: 'invited',
    });
    await call('POST', `/api/events/${eventId}/invitations/bulk`, {
      invitationIds: added.added.map((i: { id: string }) => i.id),
      status: 'confirmed',
    });
    await call('POST', `/api/events/${eventId}/invitations`, { contactIds: pending, status: 'invited' });
    const split = await call('POST', `/api/events/${eventId}/groups/auto-split`, { mode: 'confirmed' });
    expect(split.assigned).toBe(6);
    await e2e.signIn(EMAIL);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('shows the groups in creation order and moves one with the keyboard', async () => {
    await page.goto(`${baseUrl}/events/${eventId}/groups`);
    const headings = page.locator('.group-card h2');
    await expect.poll(() => headings.allTextContents()).toEqual([...GROUPS, 'بلا مجموعة']);
    const down = page.getByRole('button', { name: `تأخير «${GROUPS[0]}» موضعًا واحدًا` });
    await down.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => headings.allTextContents()).toEqual([GROUPS[1], GROUPS[0], GROUPS[2], 'بلا مجموعة']);
    // Focus stays on the moved group's button, so pressing again keeps moving it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-move') ?? '')).toBe(`${groupIds[0]}-down`);
    const up = page.getByRole('button', { name: `تقديم «${GROUPS[0]}» موضعًا واحدًا` });
    await up.click();
    await expect.poll(() => headings.allTextContents()).toEqual([...GROUPS, 'بلا مجموعة']);
  });

  it('prints a page per group in order and one for guests, confirmed people only, phones on one line', async () => {
    await page.goto(`${baseUrl}/events/${eventId}/print?group=all`);
    const sheets = page.locator('article.sheet');
    await expect.poll(() => sheets.count()).toBe(4);
    const titles = await page.locator('article.sheet .group-line strong').allTextContents();
    expect(titles.map((s) => s.trim())).toEqual([...GROUPS.map((g) => `المجموعة: ${g}`), 'الضيوف والمتحدثون']);
    const text = (await sheets.allTextContents()).join(' ');
    expect(text).not.toContain('سارة لم تؤكد');
    expect(text).not.toContain('بلا مجموعة');
    expect(await sheets.last().textContent()).toContain('مريم عادل التميمي');
    expect(await page.locator('#print-group option').allTextContents()).toEqual(['كل المجموعات', ...GROUPS, 'الضيوف والمتحدثون']);

    await page.emulateMedia({ media: 'print' });
    // Every phone on one line: the text of each phone cell is one line box.
    const lines = await page.locator('article.sheet td.phone-col').evaluateAll((cells) =>
      cells
        .filter((c) => c.textContent.trim() !== '')
        .map((c) => {
          const range = document.createRange();
          range.selectNodeContents(c);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        }),
    );
    expect(lines.length).toBe(7);
    expect(
      lines.every((n) => n === 1),
      `phone lines: ${lines.join(',')}`,
    ).toBe(true);
    await page.pdf({ path: path.join(SCREENSHOT_DIR, 'sign-in-sheet.pdf'), format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
  });
});
