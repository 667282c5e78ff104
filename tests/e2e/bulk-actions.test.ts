import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, SKIP_MESSAGE } from '../helpers/browser.js';
import { startE2eApp, type E2eApp } from '../helpers/e2e-app.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

/**
 * Issue 13, item 3 in the browser: from the contacts list filtered to Anbar, a coordinator tags all 60 matching
 * contacts after a preview, adds a smaller selection to an event without one, works the toolbar from the keyboard;
 * a staff member's move to the trash is refused, naming the restricted contact, and nothing moves.
 */
const COORDINATOR = 'bulk-coordinator@e2e.example.org';
const STAFF = 'bulk-staff@e2e.example.org';
const SHOTS = path.resolve('test-output/bulk-actions');

describe.runIf(HAS_CHROMIUM)('bulk actions', () => {
  let e2e: E2eApp;
  let page: Page;
  let eventId: string;
  // The viewport only: the dialog sits over the list, and the toolbar is scrolled to below the table.
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  const dialog = () => page.locator('dialog[open]');
  const tagsOf = async (governorate: string) =>
    (
      await e2e.database.db
        .selectFrom('contact')
        .select('tags')
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('contact_governorate as cg')
              .select('cg.contact_id')
              .whereRef('cg.contact_id', '=', 'contact.id')
              .where('cg.governorate_code', '=', governorate),
          ),
        )
        .execute()
    ).map((r) => r.tags);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e2e = await startE2eApp([
      { email: COORDINATOR, name: 'منسق الأنبار', role: 'coordinator' },
      { email: STAFF, name: 'موظفة البرنامج', role: 'staff' },
    ]);
    page = e2e.page;
    const headers = { authorization: `Bearer ${await e2e.tokenFor(COORDINATOR)}` };
    const post = async (url: string, payload: Record<string, unknown>) => {
      const res = await e2e.app.inject({ method: 'POST', url, headers, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    for (let i = 1; i <= 60; i++)
      await post('/api/contacts', { kind: 'activist', name: `ناشط الأنبار ${i}`, governorates: ['IQ-AN'], tags: i % 2 ? ['شباب'] : [] });
    for (const name of ['مريم البصري', 'علي البصري']) await post('/api/contacts', { kind: 'activist', name, governorates: ['IQ-BA'] });
    await post('/api/contacts', { kind: 'activist', name: 'سلمى المقيّدة', governorates: ['IQ-BA'], sensitivity: 'restricted' });
    eventId = (
      await post('/api/events', {
        title: 'ملتقى البصرة',
        type: 'workshop',
        startsAt: '2031-05-10T06:00:00.000Z',
        endsAt: '2031-05-10T12:00:00.000Z',
        governorate: 'IQ-BA',
      })
    ).id;
    await e2e.signIn(COORDINATOR);
  });
  afterAll(() => e2e?.close());

  /** Ticks the page in the contacts table, then, when the list runs past the page, every contact matching. */
  async function selectAllMatching(total: number, lang: 'ar' | 'en' = 'ar') {
    await page.getByRole('checkbox', { name: lang === 'ar' ? 'تحديد كل جهات هذه الصفحة' : 'Select every contact on this page' }).check();
    if (total > 50)
      await page.getByRole('button', { name: lang === 'ar' ? `تحديد كل المطابقين (${total})` : `Select all ${total} matching` }).click();
    await page.getByRole('toolbar', { name: lang === 'ar' ? 'إجراءات جماعية' : 'Bulk actions' }).waitFor();
  }

  it('tags all 60 matching contacts after a preview of what changes, in one audited action', async () => {
    await page.goto(`${e2e.baseUrl}/contacts?governorate=IQ-AN`);
    await selectAllMatching(60);
    const toolbar = page.getByRole('toolbar', { name: 'إجراءات جماعية' });
    expect(await toolbar.getByRole('button').allTextContents()).toEqual([
      'إضافة وسوم',
      'إزالة وسوم',
      'إضافة محافظة',
      'تحديد الحساسية',
      'إضافة إلى فعالية',
      'إسناد متابعة',
      'تصدير',
      'نقل إلى المحذوفات',
    ]);
    await toolbar.getByRole('button', { name: 'إضافة وسوم' }).click();
    await dialog().getByLabel('الوسوم', { exact: true }).fill('شباب، الأنبار 2026');
    await dialog().getByText('ستُضاف هذه الوسوم إلى 60 جهة اتصال.').waitFor();
    await dialog().getByRole('button', { name: 'معاينة' }).click();
    await dialog().getByText('ستتغير 60 جهة اتصال من 60.').waitFor();
    expect(await dialog().locator('[data-bulk-preview] tbody tr').count()).toBe(20);
    await shot('preview-1280-ar');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('preview-390-ar');
    await page.setViewportSize({ width: 1280, height: 860 });

    await dialog().getByRole('button', { name: 'تنفيذ على 60 جهة اتصال' }).click();
    await page.locator('[data-bulk-result]').getByText('تغيّرت 60 جهة اتصال من 60.').waitFor();
    const tags = await tagsOf('IQ-AN');
    expect(tags).toHaveLength(60);
    expect(tags.every((t) => t.includes('شباب') && t.includes('الأنبار 2026'))).toBe(true);
    const audits = await e2e.database.db.selectFrom('audit_log').select('details').where('action', '=', 'bulk_update').execute();
    expect(audits).toHaveLength(1);
    expect(audits[0].details).toMatchObject({ count: 60, changed: 60, selection: 'filter' });
    await page.locator('.selection-bar').scrollIntoViewIfNeeded();
    await shot('done-1280-ar');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.selection-bar').scrollIntoViewIfNeeded();
    await shot('done-390-ar');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('adds a small selection to an event without a preview, and is usable from the keyboard', async () => {
    await page.goto(`${e2e.baseUrl}/contacts?governorate=IQ-BA`);
    await selectAllMatching(3);
    const toolbar = page.getByRole('toolbar', { name: 'إجراءات جماعية' });
    await toolbar.getByRole('button', { name: 'إضافة وسوم' }).focus();
    // Arabic reads right to left: the left arrow moves on to the next action.
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('إضافة إلى فعالية');
    await page.keyboard.press('Enter');
    await dialog().getByLabel('الفعالية', { exact: true }).selectOption(eventId);
    await dialog().getByText('ستُضاف 3 جهات اتصال إلى قائمة الفعالية.').waitFor();
    await dialog().getByRole('button', { name: 'تنفيذ على 3 جهات اتصال' }).click();
    await page.locator('[data-bulk-result]').getByText('أُضيفت 3 جهات اتصال إلى قائمة الفعالية.').waitFor();
    const invited = await e2e.database.db.selectFrom('invitation').select('contact_id').where('event_id', '=', eventId).execute();
    expect(invited).toHaveLength(3);

    await toolbar.getByRole('button', { name: 'إسناد متابعة' }).click();
    await dialog().getByLabel('ما المطلوب').fill('اتصل لتأكيد الحضور');
    await dialog().getByLabel('المسؤول عن المتابعة').selectOption({ label: 'موظفة البرنامج' });
    await dialog().getByText('ستُنشأ مهمة متابعة لكل واحدة من 3 جهات اتصال.').waitFor();
    await dialog().getByRole('button', { name: 'تنفيذ على 3 جهات اتصال' }).click();
    await page.locator('[data-bulk-result]').getByText('أُنشئت 3 مهام متابعة.').waitFor();
    const staff = await e2e.database.db.selectFrom('app_user').select('id').where('email', '=', STAFF).executeTakeFirstOrThrow();
    const tasks = await e2e.database.db.selectFrom('task').select(['title', 'assignee_id']).where('assignee_id', '=', staff.id).execute();
    expect(tasks.map((task) => task.title)).toEqual(['اتصل لتأكيد الحضور', 'اتصل لتأكيد الحضور', 'اتصل لتأكيد الحضور']);

    await toolbar.getByRole('button', { name: 'تصدير' }).click();
    await dialog().getByText('سيُصدَّر ملف فيه 3 جهات اتصال.').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog().getByRole('button', { name: 'تنفيذ على 3 جهات اتصال' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await page.locator('[data-bulk-result]').getByText('صُدِّر ملف فيه 3 جهات اتصال.').waitFor();

    await toolbar.getByRole('button', { name: 'إضافة محافظة' }).click();
    await dialog().waitFor();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
  });

  it('in English, says the same with English plurals', async () => {
    await page.getByRole('combobox', { name: 'لغة الواجهة' }).selectOption('en');
    await page.goto(`${e2e.baseUrl}/contacts?governorate=IQ-AN`);
    await selectAllMatching(60, 'en');
    await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Remove tags' }).click();
    await dialog().getByLabel('Tags', { exact: true }).fill('الأنبار 2026');
    await dialog().getByRole('button', { name: 'Preview' }).click();
    await dialog().getByText('60 contacts of 60 will change.').waitFor();
    await shot('preview-1280-en');
    await dialog()
      .locator('[data-bulk-preview]')
      .screenshot({ path: path.join(SHOTS, 'preview-sample-en.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('preview-390-en');
    await page.setViewportSize({ width: 1280, height: 860 });
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('ar');
  });

  it("refuses a staff member's move to the trash of a restricted contact, naming it, and moves nothing", async () => {
    await e2e.browser.clearCookies();
    await e2e.signIn(STAFF);
    await page.goto(`${e2e.baseUrl}/contacts?governorate=IQ-BA`);
    await selectAllMatching(3);
    const toolbar = page.getByRole('toolbar', { name: 'إجراءات جماعية' });
    expect(await toolbar.getByRole('button', { name: 'تحديد الحساسية' }).count()).toBe(0);
    await toolbar.getByRole('button', { name: 'نقل إلى المحذوفات' }).click();
    await dialog().getByRole('button', { name: 'تنفيذ على 3 جهات اتصال' }).click();
    const error = dialog().locator('[data-bulk-error]');
    await error.getByText('لم يتغير شيء: لا يحق لك تعديل جهة اتصال واحدة من هذا التحديد.').waitFor();
    expect(await error.textContent()).toContain('سلمى المقيّدة');
    await shot('refused-1280-ar');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('refused-390-ar');
    await page.setViewportSize({ width: 1280, height: 860 });
    const left = await e2e.database.db
      .selectFrom('contact')
      .select('id')
      .where('name', 'in', ['مريم البصري', 'علي البصري', 'سلمى المقيّدة'])
      .execute();
    expect(left).toHaveLength(3);
  });

  it('moves all matching contacts to the trash for a coordinator, saying so once the list is empty', async () => {
    await e2e.browser.clearCookies();
    await e2e.signIn(COORDINATOR);
    await page.goto(`${e2e.baseUrl}/contacts?governorate=IQ-BA`);
    await selectAllMatching(3);
    await page.getByRole('toolbar', { name: 'إجراءات جماعية' }).getByRole('button', { name: 'نقل إلى المحذوفات' }).click();
    await dialog().getByRole('button', { name: 'تنفيذ على 3 جهات اتصال' }).click();
    await page.locator('.flash').getByText('نُقلت 3 جهات اتصال إلى المحذوفات.').waitFor();
    const left = await e2e.database.db
      .selectFrom('contact')
      .select('id')
      .where('name', 'in', ['مريم البصري', 'علي البصري', 'سلمى المقيّدة'])
      .execute();
    expect(left).toHaveLength(0);
    expect(await e2e.database.db.selectFrom('trash_item').select('id').where('entity_type', '=', 'contact').execute()).toHaveLength(3);
  });
});
