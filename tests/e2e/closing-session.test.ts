import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { HAS_CHROMIUM, SKIP_MESSAGE } from '../helpers/browser.js';
import { startE2eApp, type E2eApp } from '../helpers/e2e-app.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

/**
 * Issue 14, "not to forget": the programme's closing session built end to end the way a coordinator does it — 45
 * people from four governorates (Baghdad 15, Anbar, Babil and Najaf 10 each, at least 40% women), suggested from the
 * directory, invited, confirmed, split into three working groups of 15, printed, and checked in at the door; then
 * read on a phone and in English. Screenshots and the printed pages are kept in test-output/closing-session/.
 */
const EMAIL = 'coordinator@closing.example.org';
const OUT = path.resolve('test-output/closing-session');
const TITLE = 'الجلسة الختامية لبرنامج تعزيز الديمقراطية';
const GROUPS = ['المجموعة الأولى', 'المجموعة الثانية', 'المجموعة الثالثة'];
const QUOTAS = { 'IQ-BG': 15, 'IQ-AN': 10, 'IQ-BB': 10, 'IQ-NA': 10 } as const;
const FIRST = {
  female: ['زينب', 'نور', 'هدى', 'مريم', 'سارة', 'رؤى', 'آمنة', 'فاطمة', 'دعاء', 'إسراء', 'شهد', 'بتول'],
  male: ['أحمد', 'حيدر', 'علي', 'مصطفى', 'كرار', 'عباس', 'حسين', 'محمد', 'يوسف', 'عمر', 'سجاد', 'منتظر'],
};
const FAMILY = ['الموسوي', 'الدليمي', 'الكعبي', 'العاني', 'الجبوري', 'الساعدي', 'التميمي', 'الربيعي', 'الخفاجي', 'الحسيني'];

describe.runIf(HAS_CHROMIUM)('the closing session, end to end', () => {
  let e2e: E2eApp;
  let app: FastifyInstance;
  let database: Database;
  let page: Page;
  let baseUrl: string;
  let headers: Record<string, string>;
  let eventId: string;
  const teamMembers: string[] = [];
  const officeIds: string[] = [];

  const call = async (method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>) => {
    const res = await app.inject({ method, url, headers, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  const shot = (name: string) => page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
  const invitations = () =>
    database.db
      .selectFrom('invitation')
      .innerJoin('contact', 'contact.id', 'invitation.contact_id')
      .select([
        'invitation.contact_id',
        'invitation.status',
        'invitation.group_id',
        'invitation.quota_governorate',
        'contact.kind',
        'contact.gender',
      ])
      .where('invitation.event_id', '=', eventId)
      .execute();

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    e2e = await startE2eApp([{ email: EMAIL, name: 'منسقة البرنامج', role: 'staff' }]);
    ({ app, database, page, baseUrl } = e2e);
    headers = { authorization: `Bearer ${await e2e.tokenFor(EMAIL)}` };

    // Half as many again as each quota needs, alternating women and men, so the suggestions have a choice.
    let n = 0;
    for (const [governorate, needed] of Object.entries(QUOTAS)) {
      for (let i = 0; i < needed + Math.ceil(needed / 2); i++, n++) {
        const gender = n % 2 === 0 ? 'female' : 'male';
        const name = `${FIRST[gender][n % 12]} ${FIRST.male[(n + 5) % 12]} ${FAMILY[n % 10]}`;
        await call('POST', '/api/contacts', {
          kind: 'activist',
          name,
          gender,
          governorates: [governorate],
          phones: [`0770${String(1000000 + n)}`],
        });
      }
    }
    // A Baghdad volunteer team whose members the split must spread, and offices that suggestions must not propose.
    const team = await call('POST', '/api/contacts', { kind: 'volunteer_team', name: 'فريق شباب الكرخ التطوعي', governorates: ['IQ-BG'] });
    for (const name of ['سجى كاظم الزيدي', 'ميس جبار الشمري', 'ضحى فلاح العبيدي']) {
      const member = await call('POST', '/api/contacts', { kind: 'activist', name, gender: 'female', governorates: ['IQ-BG'] });
      teamMembers.push(member.id);
      await call('POST', '/api/relationships', { type: 'member_of', fromContactId: member.id, toContactId: team.id });
    }
    officeIds.push(team.id);
    const office = await call('POST', '/api/contacts', {
      kind: 'organization',
      subtype: 'government_body',
      name: 'دائرة شؤون المنظمات — الأنبار',
      governorates: ['IQ-AN'],
    });
    officeIds.push(office.id);

    const event = await call('POST', '/api/events', {
      title: TITLE,
      type: 'closing_session',
      startsAt: '2031-03-10T06:00:00.000Z',
      endsAt: '2031-03-10T12:00:00.000Z',
      venue: 'فندق بابل، بغداد',
      governorate: 'IQ-BG',
      capacity: 45,
      quotas: [
        ...Object.entries(QUOTAS).map(([value, count]) => ({ dimension: 'governorate', value, minCount: count, maxCount: count })),
        { dimension: 'gender', value: 'female', minShare: 0.4 },
      ],
    });
    eventId = event.id;
    await e2e.signIn(EMAIL);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('fills the list from suggestions: people only, each quota met exactly, women at least 40%', async () => {
    await page.goto(`${baseUrl}/events/${eventId}`);
    const panel = page.getByTestId('suggestions');
    await panel.getByRole('button', { name: 'اقترح مرشحين' }).click();
    for (let round = 0; round < 6 && (await invitations()).length < 45; round++) {
      const acceptAll = panel.getByRole('button', { name: /قبول الكل/ });
      await acceptAll.waitFor();
      const before = (await invitations()).length;
      await acceptAll.click();
      await expect.poll(async () => (await invitations()).length).toBeGreaterThan(before);
      await panel.getByRole('button', { name: 'تحديث الاقتراحات' }).click();
      await page.waitForLoadState('networkidle');
    }
    const list = await invitations();
    expect(list).toHaveLength(45);
    expect(list.every((i) => i.kind === 'activist')).toBe(true);
    expect(list.some((i) => officeIds.includes(i.contact_id))).toBe(false);
    for (const [governorate, count] of Object.entries(QUOTAS)) {
      expect(
        list.filter((i) => i.quota_governorate === governorate),
        governorate,
      ).toHaveLength(count);
    }
    expect(list.filter((i) => i.gender === 'female').length / list.length).toBeGreaterThanOrEqual(0.4);
    await panel.getByText('لا اقتراحات حاليًا.').waitFor();
    for (const value of Object.keys(QUOTAS)) {
      await expect.poll(() => page.locator(`[data-quota="governorate:${value}"]`).getAttribute('data-state')).toBe('met');
    }
    await shot('01-list-from-suggestions');
  });

  it('invites and confirms everyone in two bulk steps; the tiles add up to the list', async () => {
    for (const status of ['invited', 'confirmed']) {
      await page.getByTestId('invitations').getByRole('checkbox', { name: 'تحديد الكل' }).check();
      await page.locator('#bulk-status').selectOption(status);
      await page.getByTestId('bulk-bar').getByRole('button', { name: 'تطبيق' }).click();
      await expect.poll(async () => (await invitations()).every((i) => i.status === status)).toBe(true);
    }
    const replies = page.getByTestId('replies');
    await expect.poll(() => replies.textContent()).toMatch(/أكّدوا\s*45/);
    expect(await replies.textContent()).toMatch(/على القائمة\s*45/);
    await shot('02-all-confirmed');
  });

  it('splits into three groups of 15 in creation order, the team members apart', async () => {
    await page.getByRole('link', { name: 'مجموعات العمل' }).first().click();
    await page.waitForURL(/\/groups$/);
    for (const name of GROUPS) {
      await page.getByRole('button', { name: 'مجموعة جديدة' }).first().click();
      const dialog = page.locator('dialog[open]');
      await dialog.locator('input[name="groupName"]').fill(name);
      await dialog.getByRole('button', { name: 'حفظ' }).click();
      await page.locator(`[data-group="${name}"]`).waitFor();
    }
    await page.getByRole('button', { name: 'توزيع تلقائي' }).click();
    await page.getByTestId('split-result').waitFor();
    const list = await invitations();
    const sizes = new Map<string, number>();
    for (const i of list) if (i.group_id) sizes.set(i.group_id, (sizes.get(i.group_id) ?? 0) + 1);
    expect([...sizes.values()]).toEqual([15, 15, 15]);
    const teamGroups = new Set(list.filter((i) => teamMembers.includes(i.contact_id)).map((i) => i.group_id));
    expect(teamGroups.size).toBe(list.filter((i) => teamMembers.includes(i.contact_id)).length);
    const headings = await page.locator('[data-group] h2').allTextContents();
    expect(headings.map((h) => h.trim()).filter((h) => GROUPS.includes(h))).toEqual(GROUPS);
    await shot('03-groups');
  });

  it('prints one sign-in page per group in order, and the pages read as paper', async () => {
    await page.getByRole('link', { name: 'ورقة التوقيع' }).first().click();
    await page.waitForURL(/\/print\?group=all$/);
    const sheets = page.locator('article.sheet');
    await expect.poll(() => sheets.count()).toBe(3);
    const titles = await page.locator('article.sheet .group-line strong').allTextContents();
    expect(titles.map((s) => s.trim())).toEqual(GROUPS.map((g) => `المجموعة: ${g}`));
    // Fifteen named rows per group, and three blank ones for walk-ins.
    for (let i = 0; i < 3; i++) expect(await sheets.nth(i).locator('tbody tr:not(.blank)').count()).toBe(15);
    await page.emulateMedia({ media: 'print' });
    const pdf = path.join(OUT, '04-sign-in-sheets.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(OUT, '04-sign-in-sheet-page')]);
    expect(readdirSync(OUT).filter((f) => f.startsWith('04-sign-in-sheet-page')).length).toBe(3);
  });

  it('checks in at the door after confirming that today is not the event’s day', async () => {
    const someone = (await invitations())[0];
    const contact = await database.db.selectFrom('contact').select('name').where('id', '=', someone.contact_id).executeTakeFirstOrThrow();
    await page.goto(`${baseUrl}/events/${eventId}/check-in`);
    const counter = page.getByTestId('check-in-counter');
    await expect.poll(() => counter.textContent()).toMatch(/0\s*\/\s*45/);
    await page.fill('#check-in-q', contact.name);
    const result = page.locator('[data-testid="check-in-results"] li').filter({ hasText: contact.name }).first();
    await result.getByRole('button', { name: /تسجيل الحضور/ }).click();
    await page.locator('dialog[open]').getByRole('button', { name: 'سجّل الحضور مع ذلك' }).click();
    await expect.poll(() => counter.textContent()).toMatch(/1\s*\/\s*45/);
    await shot('05-check-in');
  });

  it('reads on a phone and in English without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const pages = { event: `/events/${eventId}`, groups: `/events/${eventId}/groups`, 'check-in': `/events/${eventId}/check-in` };
    for (const [name, url] of Object.entries(pages)) {
      await page.goto(baseUrl + url);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(390);
      await shot(`06-phone-ar-${name}`);
    }
    await page.getByRole('combobox', { name: 'لغة الواجهة' }).selectOption('en');
    for (const [name, url] of Object.entries(pages)) {
      await page.goto(baseUrl + url);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(390);
      await shot(`07-phone-en-${name}`);
    }
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto(`${baseUrl}/events/${eventId}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await shot('08-desktop-en-event');
  });
});
