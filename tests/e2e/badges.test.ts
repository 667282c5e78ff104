import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, HAS_CHROMIUM, SCREENSHOT_DIR, SKIP_MESSAGE } from '../helpers/browser.js';
import { E2E_PASSWORD, startE2eApp, type E2eApp } from '../helpers/e2e-app.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

/**
 * Issue 11, item 8, in the browser: the badge sheet draws one badge with a QR code per person who may come, 8 or 10
 * to an A4 page, and the check-in page takes a typed code (Arabic-Indic digits and all) when there is no camera.
 * Screenshots and the PDF stay in test-output/e2e for a look.
 */
const EMAIL = 'badges@e2e.example.org';
const HOUR = 3600 * 1000;

/** Pages of a PDF as Chromium writes it: one "/Type /Page" object per page (besides the "/Type /Pages" tree). */
const pdfPages = (file: string) => (readFileSync(file, 'latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

/**
 * A camera that films a badge: one 640×480 frame (Y4M, 4:2:0) with the code's QR code in the middle, 8 pixels per
 * module, black on white. Chromium's fake capture device plays it in a loop.
 */
function qrVideo(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const [width, height, scale] = [640, 480, 8];
  const side = modules.size * scale;
  const [left, top] = [(width - side) / 2, (height - side) / 2];
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      if (modules.get(Math.floor(y / scale), Math.floor(x / scale))) luma[(top + y) * width + left + x] = 16;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cd-camera-')), 'badge.y4m');
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F5:1 Ip A1:1 C420jpeg\nFRAME\n`), luma, chroma]));
  return file;
}

describe.runIf(HAS_CHROMIUM)('badges and check-in by code', () => {
  let e2e: E2eApp;
  let app: FastifyInstance;
  let page: Page;
  let baseUrl: string;
  let eventId: string;
  let headers: Record<string, string>;
  const invitations: { id: string; name: string; checkInCode: string; version: number }[] = [];

  const call = async (method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>) => {
    const res = await app.inject({ method, url, headers, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };

  beforeAll(async () => {
    e2e = await startE2eApp([{ email: EMAIL, name: 'موظف الاستقبال', role: 'staff' }]);
    ({ app, page, baseUrl } = e2e);
    headers = { authorization: `Bearer ${await e2e.tokenFor(EMAIL)}` };
    // Today, so arrivals need no "outside the event's days" confirmation.
    const event = await call('POST', '/api/events', {
      title: 'الجلسة الختامية لبرنامج تعزيز الديمقراطية',
      type: 'closing_session',
      startsAt: new Date(Date.now() - HOUR).toISOString(),
      endsAt: new Date(Date.now() + HOUR).toISOString(),
      governorate: 'IQ-BG',
    });
    eventId = event.id;
    for (const name of ['المجموعة الأولى', 'المجموعة الثانية']) await call('POST', `/api/events/${eventId}/groups`, { name });
    const ngo = await call('POST', '/api/contacts', {
      kind: 'organization',
      subtype: 'local_ngo',
      name: 'جمعية الأمل للتنمية المجتمعية في محافظة البصرة',
      governorates: ['IQ-BA'],
    });
    const people = [
      ['زينب حسن الموسوي', 'Zainab Hassan Al-Musawi', 'IQ-BA'],
      ['أحمد كريم الساعدي', 'Ahmed Kareem Al-Saadi', 'IQ-BG'],
      ['نور عبد الله الدليمي', null, 'IQ-AN'],
      ['حيدر جواد الكعبي', 'Haider Jawad Al-Kaabi', 'IQ-NA'],
      ['هدى سامي العاني', null, 'IQ-BG'],
      ['علي رضا الجبوري', 'Ali Ridha Al-Jubouri', 'IQ-SD'],
      ['مريم عادل التميمي', 'Maryam Adel Al-Tamimi', 'IQ-BG'],
      ['عبد الرحمن محمد صالح الحسيني', 'Abdulrahman Mohammed Saleh Al-Husseini', 'IQ-KA'],
      ['سارة لم تؤكد بعد', null, 'IQ-BG'],
    ] as const;
    const ids: string[] = [];
    for (const [name, nameLatin, governorate] of people) {
      ids.push(
        (await call('POST', '/api/contacts', { kind: 'activist', name, ...(nameLatin ? { nameLatin } : {}), governorates: [governorate] }))
          .id,
      );
    }
    await call('POST', '/api/positions', { personId: ids[0], organizationId: ngo.id, title: 'منسقة مشاريع' });
    const declined = (await call('POST', '/api/contacts', { kind: 'activist', name: 'كريم اعتذر', governorates: ['IQ-BG'] })).id;
    const added = await call('POST', `/api/events/${eventId}/invitations`, { contactIds: [...ids, declined], status: 'invited' });
    const byContact = new Map(added.added.map((i: { contact: { id: string } }) => [i.contact.id, i]));
    await call('POST', `/api/events/${eventId}/invitations/bulk`, {
      invitationIds: ids.slice(0, 8).map((id) => (byContact.get(id) as { id: string }).id),
      status: 'confirmed',
    });
    const no = byContact.get(declined) as { id: string; version: number };
    await call('PATCH', `/api/events/${eventId}/invitations/${no.id}`, { version: no.version, status: 'declined' });
    await call('POST', `/api/events/${eventId}/groups/auto-split`, { mode: 'confirmed' });
    const list = await app.inject({ method: 'GET', url: `/api/events/${eventId}/invitations`, headers });
    for (const i of list.json().items) invitations.push({ id: i.id, name: i.contact.name, checkInCode: i.checkInCode, version: i.version });
    await e2e.signIn(EMAIL);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('draws a badge with a QR code for each of the 9 who may come, 8 to a page, and prints 2 A4 pages', async () => {
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto(`${baseUrl}/events/${eventId}`);
    await page.getByRole('link', { name: 'بطاقات الأسماء' }).click();
    await page.waitForURL(/\/badges/);
    const badges = page.locator('.badge-card');
    await expect.poll(() => badges.count()).toBe(9);
    await expect
      .poll(() =>
        page.locator('.badge-card .qr img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length),
      )
      .toBe(9);
    expect(await page.locator('article.sheet').count()).toBe(2);
    const text = (await page.locator('article.sheet').allTextContents()).join(' ');
    expect(text).toContain('Zainab Hassan Al-Musawi');
    expect(text).toContain('جمعية الأمل للتنمية المجتمعية');
    expect(text).toContain('البصرة');
    expect(text).toContain('سارة لم تؤكد بعد');
    expect(text).not.toContain('كريم اعتذر');
    const zainab = invitations.find((i) => i.name === 'زينب حسن الموسوي')!;
    expect(await page.locator(`[data-badge="${zainab.id}"] figcaption`).textContent()).toBe(
      `${zainab.checkInCode.slice(0, 4)}-${zainab.checkInCode.slice(4)}`,
    );
    // Right to left: the first badge of a sheet sits on the right, its QR code on the badge's left.
    const [first, second] = await badges.evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().left));
    expect(first).toBeGreaterThan(second);
    const card = await badges.first().boundingBox();
    const qr = await badges.first().locator('.qr').boundingBox();
    expect(qr!.x).toBeLessThan(card!.x + card!.width / 2);
    // Nothing spills out of its badge.
    const overflowing = await badges.evaluateAll(
      (els) => els.filter((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1).length,
    );
    expect(overflowing).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'badges-1280.png'), fullPage: true });

    const pdf8 = path.join(SCREENSHOT_DIR, 'badges-8.pdf');
    await page.pdf({ path: pdf8, format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdfPages(pdf8)).toBe(2);

    await page.selectOption('#badges-per-page', '10');
    await page.waitForURL(/perPage=10/);
    await expect.poll(() => page.locator('article.sheet').count()).toBe(1);
    await expect.poll(() => page.locator('.badge-card .qr img').count()).toBe(9);
    const pdf10 = path.join(SCREENSHOT_DIR, 'badges-10.pdf');
    await page.pdf({ path: pdf10, format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdfPages(pdf10)).toBe(1);
  });

  it('checks a person in by a typed code with Arabic-Indic digits, and says who it is', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    // Not Zainab: the camera test checks her in.
    const typedFor = invitations.filter((i) => !['سارة لم تؤكد بعد', 'زينب حسن الموسوي', 'كريم اعتذر'].includes(i.name));
    const withDigit = typedFor.find((i) => /[0-9]/.test(i.checkInCode)) ?? typedFor[0];
    await page.goto(`${baseUrl}/events/${eventId}/check-in`);
    // No camera in the test browser: a message, not an error, and typing still works.
    await page.getByRole('button', { name: 'مسح رمز QR' }).click();
    await expect.poll(() => page.getByTestId('camera-problem').isVisible()).toBe(true);

    const typed = `${withDigit.checkInCode.slice(0, 4)}-${withDigit.checkInCode.slice(4)}`
      .toLowerCase()
      .replace(/[0-9]/g, (d) => String.fromCodePoint(0x0660 + Number(d)));
    await page.fill('#check-in-code', typed);
    await page.press('#check-in-code', 'Enter');
    const outcome = page.locator('[data-testid="scan-outcome"] .outcome');
    await expect.poll(() => outcome.getAttribute('data-tone')).toBe('ok');
    expect(await outcome.textContent()).toContain(withDigit.name);
    await expect.poll(() => page.getByTestId('check-in-counter').textContent()).toMatch(/^\s*1\s*\//);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'check-in-scan-390.png'), fullPage: true });

    await page.fill('#check-in-code', withDigit.checkInCode);
    await page.press('#check-in-code', 'Enter');
    await expect.poll(() => outcome.getAttribute('data-tone')).toBe('warning');
    expect(await outcome.textContent()).toContain('مسجّل الحضور من قبل');
    await page.fill('#check-in-code', '2222-2222');
    await page.press('#check-in-code', 'Enter');
    await expect.poll(() => outcome.getAttribute('data-tone')).toBe('error');
  });
  it('checks a person in from the camera: a badge held up to it is decoded and the person named', async () => {
    const zainab = invitations.find((i) => i.name === 'زينب حسن الموسوي')!;
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${qrVideo(zainab.checkInCode)}`,
      ],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ar-IQ' });
      const phone = await context.newPage();
      phone.on('pageerror', (err) => console.error('page error:', err.message));
      await phone.goto(`${baseUrl}/login`);
      await phone.fill('input[name="email"]', EMAIL);
      await phone.fill('input[name="password"]', E2E_PASSWORD);
      await phone.click('button[type="submit"]');
      await phone.waitForURL(/\/contacts/);
      await phone.goto(`${baseUrl}/events/${eventId}/check-in`);
      await phone.getByRole('button', { name: 'مسح رمز QR' }).click();
      const outcome = phone.locator('[data-testid="scan-outcome"] .outcome');
      await expect.poll(() => outcome.getAttribute('data-tone'), { timeout: 20_000 }).toBe('ok');
      expect(await outcome.textContent()).toContain('زينب حسن الموسوي');
      await phone.locator('.code-check-in').scrollIntoViewIfNeeded();
      await phone.screenshot({ path: path.join(SCREENSHOT_DIR, 'check-in-camera-390.png'), fullPage: true });
      await phone.getByRole('button', { name: 'إيقاف الكاميرا' }).click();
      expect(await phone.locator('video').count()).toBe(0);
    } finally {
      await browser.close();
    }
    const res = await app.inject({ method: 'GET', url: `/api/events/${eventId}/invitations`, headers });
    expect(res.json().items.find((i: { id: string }) => i.id === zainab.id).status).toBe('attended');
  });
});
