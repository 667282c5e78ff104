import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, SKIP_MESSAGE } from '../helpers/browser.js';
import { startE2eApp, type E2eApp } from '../helpers/e2e-app.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

/**
 * Issue 13, item 4 in the browser: my tasks with overdue first and the count in the header, done / cancel / assign to a
 * colleague, a task from a contact's page, from an interaction and from an event's page, the team activity feed, and
 * the old follow-ups address still answering. Screenshots at 1280 and 390 px, Arabic and English.
 */
const ME = 'tasks@e2e.example.org';
const COLLEAGUE = 'colleague@e2e.example.org';
const SHOTS = path.resolve('test-output/tasks');
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.runIf(HAS_CHROMIUM)('tasks', () => {
  let e2e: E2eApp;
  let app: FastifyInstance;
  let page: Page;
  let baseUrl: string;
  let contactId: string;
  let eventId: string;
  let colleagueToken: string;
  const shot = async (name: string) => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 860 });
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e2e = await startE2eApp([
      { email: ME, name: 'منسقة المهام', role: 'coordinator' },
      { email: COLLEAGUE, name: 'زميل الميدان', role: 'staff' },
    ]);
    ({ app, page, baseUrl } = e2e);
    const myToken = await e2e.tokenFor(ME);
    colleagueToken = await e2e.tokenFor(COLLEAGUE);
    const call = async (url: string, payload: Record<string, unknown>, token = myToken) => {
      const res = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    contactId = (
      await call('/api/contacts', { kind: 'activist', name: 'هدى كريم الساعدي', governorates: ['IQ-BG'], phones: ['07701230101'] })
    ).id;
    const office = (
      await call('/api/contacts', {
        kind: 'organization',
        subtype: 'government_body',
        name: 'مديرية الشباب والرياضة',
        governorates: ['IQ-BG'],
      })
    ).id;
    const before = (await call('/api/contacts', { kind: 'government_focal_point', name: 'سعد الموسوي', governorates: ['IQ-BG'] })).id;
    const after = (await call('/api/contacts', { kind: 'government_focal_point', name: 'ليلى الحسني', governorates: ['IQ-BG'] })).id;
    await call('/api/positions', {
      personId: before,
      organizationId: office,
      title: 'مدير',
      isFocalPoint: true,
      startDate: '2023-01-01',
      endDate: day(-3),
    });
    await call('/api/positions', { personId: after, organizationId: office, title: 'مديرة', isFocalPoint: true, startDate: day(-2) });
    eventId = (
      await call('/api/events', {
        title: 'ورشة المناصرة',
        type: 'workshop',
        startsAt: `${day(-1)}T06:00:00.000Z`,
        endsAt: `${day(-1)}T12:00:00.000Z`,
        governorate: 'IQ-BG',
      })
    ).id;
    const self = await e2e.database.db.selectFrom('app_user').select('id').where('email', '=', ME).executeTakeFirstOrThrow();
    await call(
      '/api/tasks',
      { title: 'أرسلي جدول الورشة', assigneeId: self.id, dueOn: day(-4), priority: 'high', contactId },
      colleagueToken,
    );
    await call('/api/tasks', { title: 'احجزي القاعة', dueOn: day(6) });
    await call('/api/interactions', {
      kind: 'meeting',
      occurredOn: day(-5),
      summary: 'اجتماع تعارف مع هدى',
      contactIds: [contactId],
      followUpOn: day(-2),
    });
    await call('/api/interactions', { kind: 'call', occurredOn: day(-1), summary: 'مكالمة قصيرة بلا متابعة', contactIds: [contactId] });
    await e2e.signIn(ME);
  });
  afterAll(() => e2e?.close());

  it('counts my overdue tasks in the header and lists them first on my tasks page', async () => {
    const badge = page.getByTestId('overdue-tasks');
    await expect.poll(() => badge.textContent()).toContain('2');
    await page.getByRole('link', { name: /مهامي/ }).click();
    await page.waitForURL(/\/tasks$/);
    const items = page.locator('li.task');
    await expect.poll(() => items.count()).toBe(3);
    expect(await items.nth(0).textContent()).toContain('أرسلي جدول الورشة');
    expect(await items.nth(1).textContent()).toContain('اجتماع تعارف مع هدى');
    expect(await items.nth(2).textContent()).toContain('احجزي القاعة');
    expect(await items.nth(0).getAttribute('class')).toContain('overdue');
    await shot('my-tasks-ar');
    await items.nth(1).getByRole('button', { name: 'تمت' }).click();
    await expect.poll(() => items.count()).toBe(2);
    await expect.poll(() => badge.textContent()).toContain('1');
    // The interaction's follow-up is that task: done there is done here.
    const stored = await e2e.database.db
      .selectFrom('interaction')
      .select('follow_up_done')
      .where('summary', '=', 'اجتماع تعارف مع هدى')
      .executeTakeFirstOrThrow();
    expect(stored.follow_up_done).toBe(true);
  });

  it('assigns a task to a colleague, whose list then holds it', async () => {
    const item = page.locator('li.task').filter({ hasText: 'احجزي القاعة' });
    await item.getByRole('button', { name: 'إسناد إلى زميل' }).click();
    await item.getByLabel('الزميل').selectOption({ label: 'زميل الميدان' });
    await item.getByRole('button', { name: 'إسناد', exact: true }).click();
    await expect.poll(() => page.locator('li.task').filter({ hasText: 'احجزي القاعة' }).count()).toBe(0);
    const theirs = await app.inject({
      method: 'GET',
      url: '/api/tasks?assignee=me',
      headers: { authorization: `Bearer ${colleagueToken}` },
    });
    expect(theirs.json().items.map((i: { title: string }) => i.title)).toContain('احجزي القاعة');
    await page.goto(`${baseUrl}/tasks?state=cancelled`);
    await page.getByText('لا مهام تطابق هذا الاختيار.').waitFor();
    await shot('empty-ar');
  });

  it("creates tasks from a contact's page and from an interaction, shown on the contact's page", async () => {
    await page.goto(`${baseUrl}/contacts/${contactId}`);
    const panel = page.getByTestId('tasks-panel');
    await panel.getByText('أرسلي جدول الورشة').waitFor();
    await panel.getByRole('button', { name: 'مهمة جديدة' }).click();
    await panel.getByLabel('ما المطلوب؟').fill('اتصلي بها لتأكيد الحضور');
    await panel.getByLabel('الموعد').fill(day(2));
    await panel.getByLabel('المكلَّف').selectOption({ label: 'زميل الميدان' });
    await panel.getByRole('button', { name: 'حفظ المهمة' }).click();
    const created = panel.locator('li.task').filter({ hasText: 'اتصلي بها لتأكيد الحضور' });
    await created.waitFor();
    expect(await created.textContent()).toContain('مسندة إلى زميل الميدان');

    const call = page.getByTestId('interactions').locator('li.interaction').filter({ hasText: 'مكالمة قصيرة بلا متابعة' });
    await call.getByRole('button', { name: 'مهمة متابعة' }).click();
    await call.getByLabel('ما المطلوب؟').fill('أرسلي لها الدعوة المكتوبة');
    await call.getByLabel('الموعد').fill(day(3));
    await call.getByRole('button', { name: 'حفظ المهمة' }).click();
    await expect.poll(() => call.locator('.follow-up').textContent()).toContain('متابعة');
    await page.reload();
    const fromInteraction = panel.locator('li.task').filter({ hasText: 'أرسلي لها الدعوة المكتوبة' });
    await fromInteraction.waitFor();
    expect(await fromInteraction.textContent()).toContain('بعد مكالمة');
    await panel.scrollIntoViewIfNeeded();
    await shot('contact-tasks-ar');
  });

  it("creates a task from an event's page", async () => {
    await page.goto(`${baseUrl}/events/${eventId}`);
    const panel = page.getByTestId('tasks-panel');
    await panel.getByText('لا مهام لهذه الفعالية.').waitFor();
    await panel.getByRole('button', { name: 'مهمة جديدة' }).click();
    await panel.getByLabel('ما المطلوب؟').fill('اجمعي استمارات التقييم');
    await panel.getByRole('button', { name: 'حفظ المهمة' }).click();
    await panel.locator('li.task').filter({ hasText: 'اجمعي استمارات التقييم' }).waitFor();
  });

  it('shows this week in my governorates, each line a link', async () => {
    await page.getByRole('link', { name: 'نشاط الفريق' }).click();
    await page.waitForURL(/\/activity$/);
    const focal = page.locator('li.activity[data-kind="focal_point_replaced"]');
    await focal.waitFor();
    expect(await focal.textContent()).toContain('ليلى الحسني');
    expect(await focal.textContent()).toContain('سعد الموسوي');
    await page.locator('li.activity[data-kind="event_held"]').getByRole('link', { name: 'ورشة المناصرة' }).waitFor();
    expect(await page.locator('li.activity[data-kind="interaction_logged"]').count()).toBe(2);
    await shot('activity-ar');
    await focal.getByRole('link', { name: 'مديرية الشباب والرياضة' }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
  });

  it('reads in English, and the old follow-ups address still answers', async () => {
    await page.getByRole('combobox', { name: 'لغة الواجهة' }).selectOption('en');
    await page.goto(`${baseUrl}/activity`);
    await page.getByRole('heading', { name: 'Team activity' }).waitFor();
    await shot('activity-en');
    await page.goto(`${baseUrl}/tasks?scope=all&state=all`);
    await page.getByRole('heading', { name: "The team's tasks" }).waitFor();
    await page.locator('li.task').first().waitFor();
    await shot('all-tasks-en');
    await page.goto(`${baseUrl}/follow-ups?all=1`);
    await page.getByRole('heading', { name: 'Due follow-ups' }).waitFor();
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('ar');
  });
});
